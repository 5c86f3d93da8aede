import QBankCore

/// A fill-in-the-blank stem must put its blank at the end.
public struct MidStemBlankRule: ItemRule {
    /// How many words may follow the blank before it counts as mid-stem (a final "." or "?" is not a word).
    public var maxWordsAfterBlank = 1
    /// What a blank looks like; a project's list replaces the default one (QB203 knows the default ones).
    public var blankMarkers: [String] = Self.defaultBlankMarkers

    public init() {}

    public static let description = RuleDescription(
        id: "QB204", name: "mid-stem-blank", category: .stem,
        summary: "A blank (\"____\", \"[blank]\", \"(...)\", \"[...]\") must end the stem, not sit inside it.",
        rationale: """
            Tarrant et al. (2006) and Moore et al. (2023) count fill-in-the-blank stems as a flaw: with the \
            blank in the middle the candidate must hold the whole sentence in mind and retry it with each \
            option. Haladyna et al. (2002) guideline 9 permits the completion format, so a blank at the very \
            end is fine. A blank is two or more underscores, a lone "_" between spaces, "[blank]", "(blank)", \
            "(...)" or "[...]" (also with "…"); it counts as \
            mid-stem when two or more words follow it (a trailing "(Select TWO.)" is ignored).
            """,
        severity: .warning,
        triggeringExamples: [
            """
            <item id="q1" type="single" domain="2" task="2.2" status="draft">
              ↓<stem>The ____ hyperparameter controls how far each gradient step moves the weights.</stem>
              <options>
                <option id="a" correct="true"><text>learning rate</text></option>
                <option id="b"><text>batch size</text></option>
                <option id="c"><text>epoch count</text></option>
                <option id="d"><text>dropout rate</text></option>
              </options>
            </item>
            """,
            """
            <item id="q1" type="single" domain="1" task="1.1" status="draft">
              ↓<stem>The […] feature of Amazon S3 keeps every version of an object.</stem>
              <options>
                <option id="a" correct="true"><text>Versioning</text></option>
                <option id="b"><text>Replication</text></option>
                <option id="c"><text>Object Lock</text></option>
                <option id="d"><text>Intelligent-Tiering</text></option>
              </options>
            </item>
            """,
        ],
        nonTriggeringExamples: [
            """
            <item id="q1" type="single" domain="2" task="2.2" status="draft">
              <stem>The hyperparameter that controls how far each gradient step moves the weights is the ____.</stem>
              <options>
                <option id="a" correct="true"><text>learning rate</text></option>
                <option id="b"><text>batch size</text></option>
                <option id="c"><text>epoch count</text></option>
                <option id="d"><text>dropout rate</text></option>
              </options>
            </item>
            """,
            """
            <item id="q1" type="single" domain="2" task="2.2" status="draft">
              <stem>Which hyperparameter sets the `max_depth` of each tree in XGBoost?</stem>
              <options>
                <option id="a" correct="true"><text>max_depth</text></option>
                <option id="b"><text>eta</text></option>
                <option id="c"><text>num_round</text></option>
                <option id="d"><text>subsample</text></option>
              </options>
            </item>
            """,
        ]
    )

    static let defaultBlankMarkers = ["[blank]", "(blank)", "(...)", "(…)", "[...]", "[…]", "__", " _ ", " _.", " _?", " _,"]

    /// Whether `stem` holds a fill-in blank anywhere (QB203 leaves such stems to this rule).
    static func hasBlank(_ stem: some StringProtocol) -> Bool {
        let text = String(stem)
        return mayContainBlank(text) && defaultBlankMarkers.contains { text.contains($0) }
    }

    public func check(_ item: Item, in context: ItemContext) -> [Diagnostic] {
        guard item.type == .single || item.type == .multiple else { return [] }
        // The byte scan knows the default markers only.
        guard blankMarkers != Self.defaultBlankMarkers || Self.mayContainBlank(item.stem.value) else { return [] }
        let stem = LeadIn.body(of: item.stem.value)
        for marker in blankMarkers where !marker.isEmpty {
            var searchStart = stem.startIndex
            while let range = stem[searchStart...].firstRange(of: marker) {
                var end = range.upperBound
                while end < stem.endIndex, stem[end] == "_" { end = stem.index(after: end) }
                if marker == "__", isInCode(stem, at: range.lowerBound) { searchStart = end; continue }
                let after = Words.of(stem[end...]).count
                if after > maxWordsAfterBlank {
                    return [diagnostic(
                        "item '\(item.id)' has a blank in the middle of its stem; move the blank to the end or ask a direct question",
                        at: item.stemOrigin, in: context.file.path, item: item.id)]
                }
                searchStart = end
            }
        }
        return []
    }

    /// A byte scan for "__", "[" or "(" followed by "b" or ".", or "(…" before any string search.
    static func mayContainBlank(_ stem: String) -> Bool {
        stem.withUTF8Bytes { bytes in
            var previous: UInt8 = 0
            for byte in bytes {
                if (previous == 0x5F && (byte == 0x5F || byte == 0x20)) || (previous == 0x20 && byte == 0x5F) || ((previous == 0x5B || previous == 0x28) && (byte == 0x62 || byte == 0x2E || byte == 0xE2)) {
                    return true
                }
                previous = byte
            }
            return false
        }
    }

    /// Underscores inside `code` or an identifier (`max__depth`) are not blanks.
    private func isInCode(_ text: Substring, at index: Substring.Index) -> Bool {
        let backticks = text[..<index].filter { $0 == "`" }.count
        if backticks % 2 == 1 { return true }
        return index > text.startIndex && text[text.index(before: index)].isLetter
    }
}

extension MidStemBlankRule: ConfigurableRule {
    public var options: [String: RuleOptionValue] {
        ["maxWordsAfterBlank": .number(Double(maxWordsAfterBlank)), "blankMarkers": .strings(blankMarkers)]
    }

    public mutating func configure(_ options: RuleOptions) throws(RuleOptionError) {
        try options.read("maxWordsAfterBlank", into: &maxWordsAfterBlank, in: 0...50)
        try options.read("blankMarkers", into: &blankMarkers)
    }
}

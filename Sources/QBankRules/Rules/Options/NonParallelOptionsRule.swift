import QBankCore

/// Options should share one grammatical form, so none stands out by its shape.
public struct NonParallelOptionsRule: ItemRule {
    /// A "full sentence" has at least this many words and ends in a period.
    public var sentenceWords = 8
    /// A "fragment" has at most this many words.
    public var fragmentWords = 3
    /// Also report full sentences mixed with short fragments. Off by default: on imported public banks it was
    /// wrong 13 times in 14 (options of one form, noun or verb phrases, that merely differ in length).
    public var compareLengths = false

    public init() {}

    public static let description = RuleDescription(
        id: "QB317", name: "non-parallel-options", category: .options,
        summary: "Options must be parallel in form: all or none end in a period, and full sentences are not mixed with short fragments.",
        rationale: """
            Haladyna et al. (2002) guidelines 12 and 23: keep options homogeneous in content and grammatical \
            structure; NBME lists "language not parallel" among flaws. An option that alone ends in a period, \
            or alone is a full sentence among two-word fragments, stands out. Checked: terminal punctuation \
            (some options end in ".", others do not), sentences (≥ 8 words ending in ".") mixed with fragments \
            (≤ 3 words, only with `compareLengths`), and for matching, responses mixing numbers and text. \
            Mixed initial case is not checked: proper nouns and product names make it undecidable. Info: form, \
            not a cue by itself. Measured on sampled findings over imported public banks: the period check \
            16 of 16 right, the length check 1 of 14 (one-form options of different lengths), so the length check \
            is off by default (7 of 20, 35%, with it in the first sample; 100% without).
            """,
        severity: .info,
        triggeringExamples: [
            """
            <item id="q1" type="single" domain="2" task="2.1" status="draft">
              <stem>Which algorithm suits forecasting demand for thousands of related products?</stem>
              <options>
                <option id="a" correct="true"><text>DeepAR</text></option>
                <option id="b"><text>K-means</text></option>
                ↓<option id="c"><text>A principal component analysis model trained on all products at once.</text></option>
                <option id="d"><text>BlazingText</text></option>
              </options>
            </item>
            """,
        ],
        nonTriggeringExamples: [
            """
            <item id="q1" type="single" domain="2" task="2.1" status="draft">
              <stem>Which algorithm suits forecasting demand for thousands of related products?</stem>
              <options>
                <option id="a" correct="true"><text>DeepAR</text></option>
                <option id="b"><text>K-means</text></option>
                <option id="c"><text>Principal component analysis</text></option>
                <option id="d"><text>BlazingText</text></option>
              </options>
            </item>
            """,
        ]
    )

    public func check(_ item: Item, in context: ItemContext) -> [Diagnostic] {
        let parts: [ItemPart]
        switch item.body {
        case .choice(let body):
            parts = body.contentOptions.map { ItemPart(kind: .option, id: $0.id, text: $0.text, origin: $0.origin) }
        case .matching(let matching):
            parts = matching.responses.map { ItemPart(kind: .response, id: $0.id, text: $0.text, origin: $0.origin) }
            if let mixed = mixedNumbers(parts) {
                return [diagnostic(
                    "response '\(mixed.id)' of item '\(item.id)' mixes numbers and text with the other responses; make the responses the same kind",
                    at: mixed.origin, in: context.file.path, item: item.id)]
            }
        case .ordering:
            return []
        }
        guard parts.count >= 3 else { return [] }
        let endsInPeriod = parts.indices.map { Self.endsInPeriod(parts[$0].text.value) }
        let withPeriod = parts.indices.filter { endsInPeriod[$0] }
        if !withPeriod.isEmpty, withPeriod.count < parts.count {
            let odd = withPeriod.count * 2 <= parts.count ? withPeriod[0] : parts.indices.first { !withPeriod.contains($0) }!
            return [diagnostic(
                "\(parts[odd].kind.rawValue)s of item '\(item.id)' are not parallel: some end in a period and some do not ('\(parts[odd].id)' is the odd one out); end all of them the same way",
                at: parts[odd].origin, in: context.file.path, item: item.id)]
        }
        guard compareLengths else { return [] }
        let lengths = parts.map { Words.of($0.text.value).count }
        let sentences = parts.indices.filter { lengths[$0] >= sentenceWords && endsInPeriod[$0] }
        let fragments = parts.indices.filter { lengths[$0] <= fragmentWords }
        if !sentences.isEmpty, !fragments.isEmpty {
            let odd = sentences.count <= fragments.count ? sentences[0] : fragments[0]
            return [diagnostic(
                "\(parts[odd].kind.rawValue) '\(parts[odd].id)' of item '\(item.id)' is not parallel with the others (full sentences mixed with short fragments); give every \(parts[odd].kind.rawValue) the same form",
                at: parts[odd].origin, in: context.file.path, item: item.id)]
        }
        return []
    }

    private func mixedNumbers(_ parts: [ItemPart]) -> ItemPart? {
        let numeric = parts.filter { Numbers.single($0.text.value) != nil }
        guard !numeric.isEmpty, numeric.count < parts.count else { return nil }
        return numeric.count * 2 <= parts.count ? numeric[0] : parts.first { Numbers.single($0.text.value) == nil }
    }

    /// Whether the last character, after trailing space and `*`/`` ` `` marks, is a full stop. Read
    /// off the bytes when the stop follows an ASCII byte (it is then a character of its own): walking
    /// characters back from the end cost more than the rest of the rule.
    static func endsInPeriod(_ text: String) -> Bool {
        let trimmed = Substring(text).trimmingTrailingSpace()
        let utf8 = trimmed.utf8
        var end = utf8.endIndex
        while end > utf8.startIndex {
            let last = utf8.index(before: end)
            let byte = utf8[last]
            if byte == 0x2A || byte == 0x60 { end = last; continue }
            // Any other last byte ends a character that is not a lone full stop.
            guard byte == 0x2E else { return false }
            if last == utf8.startIndex || utf8[utf8.index(before: last)] < 0x80 { return true }
            break
        }
        if end == utf8.startIndex { return false }
        return trimmed.reversed().drop { $0 == "*" || $0 == "`" }.first == "."
    }
}

extension NonParallelOptionsRule: ConfigurableRule {
    public var options: [String: RuleOptionValue] {
        ["sentenceWords": .number(Double(sentenceWords)), "fragmentWords": .number(Double(fragmentWords)), "compareLengths": .bool(compareLengths)]
    }

    public mutating func configure(_ options: RuleOptions) throws(RuleOptionError) {
        try options.read("sentenceWords", into: &sentenceWords, in: 2...200)
        try options.read("fragmentWords", into: &fragmentWords, in: 1...100)
        try options.read("compareLengths", into: &compareLengths)
    }
}

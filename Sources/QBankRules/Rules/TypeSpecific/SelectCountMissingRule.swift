import QBankCore

/// A multiple-response stem tells candidates how many options to choose.
public struct SelectCountMissingRule: ItemRule {
    /// Accept "Select all that apply." as a statement of the count.
    public var allowAllThatApply = false

    public init() {}

    public static let description = RuleDescription(
        id: "QB401", name: "mr-select-count-missing", category: .typeSpecific,
        summary: "A multiple-response stem must say how many options to choose (\"(Select TWO.)\").",
        rationale: """
            Certification exams (AWS among them) state the count in every multiple-response stem, and \
            Haladyna et al. (2002) guideline 14 asks for clear directions: without it candidates guess the \
            number as well as the answer, and all-or-nothing scoring punishes them for it. A stated count that \
            disagrees with `select` is QB111 (an error); this rule reports only a missing one. "Select all that \
            apply" does not state a count and is reported unless `allowAllThatApply` is set.
            """,
        severity: .warning,
        triggeringExamples: [
            """
            <item id="q1" type="multiple" select="2" domain="4" task="4.3" status="draft">
              ↓<stem>Which controls encrypt data at rest?</stem>
              <options>
                <option id="a" correct="true"><text>AWS KMS keys</text></option>
                <option id="b" correct="true"><text>S3 default encryption</text></option>
                <option id="c"><text>Security groups</text></option>
                <option id="d"><text>VPC flow logs</text></option>
                <option id="e"><text>AWS WAF rules</text></option>
              </options>
            </item>
            """,
            """
            <item id="q1" type="multiple" select="2" domain="4" task="4.3" status="draft">
              ↓<stem>Which controls encrypt data at rest? (Select all that apply.)</stem>
              <options>
                <option id="a" correct="true"><text>AWS KMS keys</text></option>
                <option id="b" correct="true"><text>S3 default encryption</text></option>
                <option id="c"><text>Security groups</text></option>
                <option id="d"><text>VPC flow logs</text></option>
                <option id="e"><text>AWS WAF rules</text></option>
              </options>
            </item>
            """,
        ],
        nonTriggeringExamples: [
            """
            <item id="q1" type="multiple" select="2" domain="4" task="4.3" status="draft">
              <stem>Select TWO controls that encrypt data at rest.</stem>
              <options>
                <option id="a" correct="true"><text>AWS KMS keys</text></option>
                <option id="b" correct="true"><text>S3 default encryption</text></option>
                <option id="c"><text>Security groups</text></option>
                <option id="d"><text>VPC flow logs</text></option>
                <option id="e"><text>AWS WAF rules</text></option>
              </options>
            </item>
            """,
            """
            <item id="q1" type="multiple" select="2" domain="4" task="4.3" status="draft">
              <stem>Which controls encrypt data at rest? (Choose two.)</stem>
              <options>
                <option id="a" correct="true"><text>AWS KMS keys</text></option>
                <option id="b" correct="true"><text>S3 default encryption</text></option>
                <option id="c"><text>Security groups</text></option>
                <option id="d"><text>VPC flow logs</text></option>
                <option id="e"><text>AWS WAF rules</text></option>
              </options>
            </item>
            """,
        ]
    )

    public func check(_ item: Item, in context: ItemContext) -> [Diagnostic] {
        guard item.type == .multiple, let select = item.choiceBody?.select else { return [] }
        if SelectCountRule.statedCount(in: item.stem.value) != nil { return [] }
        // Tokenise the stem only when it could say "apply" at all.
        let allThatApply = Self.mayContainApply(item.stem.value)
            && Words.lowered(item.stem.value).containsSequence(["all", "that", "apply"])
        if allThatApply && allowAllThatApply { return [] }
        let what = allThatApply ? "says \"all that apply\" instead of a number" : "does not say how many options to choose"
        // "Select all that apply" needs rewording by hand; a stem without a count gets one appended.
        let fix = allThatApply ? nil : TextFixes.append(" (Select \(Self.spelled(select)).)", to: item.stem, file: context.file.path,
                                                       title: "append \"(Select \(Self.spelled(select)).)\"")
        return [diagnostic(
            "the stem of item '\(item.id)' \(what); end it with \"(Select \(Self.spelled(select)).)\"",
            at: item.stemOrigin, in: context.file.path, item: item.id, fix: fix)]
    }

    /// Whether the bytes "apply" occur in any letter case, or the text is not ASCII.
    static func mayContainApply(_ text: String) -> Bool {
        var window: UInt64 = 0
        for byte in text.utf8 {
            if byte >= 0x80 { return true }
            window = (window << 8) | UInt64(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
            if window & 0xFF_FFFF_FFFF == 0x61_70_70_6C_79 { return true } // "apply"
        }
        return false
    }

    static func spelled(_ count: Int) -> String {
        let words = ["ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX"]
        return count < words.count ? words[count] : String(count)
    }
}

extension SelectCountMissingRule: ConfigurableRule {
    public var options: [String: RuleOptionValue] {
        ["allowAllThatApply": .bool(allowAllThatApply)]
    }

    public mutating func configure(_ options: RuleOptions) throws(RuleOptionError) {
        try options.read("allowAllThatApply", into: &allowAllThatApply)
    }
}

import QBankCore

/// A multiple-response item has five or more options, two or more keys, and at least one distractor.
public struct MultipleResponseCountsRule: ItemRule {
    /// The fewest options and keys a multiple-response item has.
    public var minimumOptions = 5
    public var minimumKeys = 2

    public init() {}

    public static let description = RuleDescription(
        id: "QB103", name: "multiple-response-counts", category: .structure,
        summary: "A multiple-response item needs at least 5 options and at least 2 correct ones, but not all.",
        rationale: """
            MLA-C01 multiple-response items ask for two or more correct answers among five or more options, \
            with no partial credit. An item whose options are all correct, or that has one key, is a \
            different format and is scored wrongly.
            """,
        severity: .error,
        triggeringExamples: [
            """
            ↓<item id="q1" type="multiple" select="2" domain="4" task="4.3" status="draft">
              <stem>Which controls encrypt data at rest? (Select TWO.)</stem>
              <options>
                <option id="a" correct="true"><text>AWS KMS keys</text></option>
                <option id="b" correct="true"><text>S3 default encryption</text></option>
                <option id="c"><text>Security groups</text></option>
                <option id="d"><text>VPC flow logs</text></option>
              </options>
            </item>
            """,
        ],
        nonTriggeringExamples: [
            """
            <item id="q1" type="multiple" select="2" domain="4" task="4.3" status="draft">
              <stem>Which controls encrypt data at rest? (Select TWO.)</stem>
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
        guard item.type == .multiple, let body = item.choiceBody else { return [] }
        var problems: [String] = []
        if body.options.count < minimumOptions { problems.append("has \(counted(body.options.count, "option")) (needs at least \(minimumOptions))") }
        if body.correctOptions.count < minimumKeys { problems.append("has \(counted(body.correctOptions.count, "correct option")) (needs at least \(minimumKeys))") }
        if !body.options.isEmpty && body.distractors.isEmpty { problems.append("marks every option correct (needs at least one distractor)") }
        return problems.map { diagnostic("multiple-response item '\(item.id)' \($0)", at: item.origin, in: context.file.path, item: item.id) }
    }
}

extension MultipleResponseCountsRule: ConfigurableRule {
    public var options: [String: RuleOptionValue] {
        ["minimumOptions": .number(Double(minimumOptions)), "minimumKeys": .number(Double(minimumKeys))]
    }

    public mutating func configure(_ options: RuleOptions) throws(RuleOptionError) {
        try options.read("minimumOptions", into: &minimumOptions, in: 2...26)
        try options.read("minimumKeys", into: &minimumKeys, in: 1...25)
    }
}

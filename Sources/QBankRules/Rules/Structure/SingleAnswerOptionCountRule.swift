import QBankCore

/// A multiple-choice item has four options: one key and three distractors.
public struct SingleAnswerOptionCountRule: ItemRule {
    /// How many options a multiple-choice item has (MLA-C01: 4; many legacy banks: 5).
    public var optionCount = 4

    public init() {}

    public static let description = RuleDescription(
        id: "QB102", name: "single-answer-option-count", category: .structure,
        summary: "A multiple-choice item must have exactly four options.",
        rationale: """
            The exam presents multiple-choice items as one correct answer and three distractors. Fewer options \
            raise the guessing rate; more change the format candidates were told to expect.
            """,
        severity: .error,
        triggeringExamples: [
            """
            ↓<item id="q1" type="single" domain="1" task="1.1" status="draft">
              <stem>Which service stores training data as objects?</stem>
              <options>
                <option id="a" correct="true"><text>Amazon S3</text></option>
                <option id="b"><text>Amazon EFS</text></option>
                <option id="c"><text>Amazon EBS</text></option>
              </options>
            </item>
            """,
        ],
        nonTriggeringExamples: [
            """
            <item id="q1" type="single" domain="1" task="1.1" status="draft">
              <stem>Which service stores training data as objects?</stem>
              <options>
                <option id="a" correct="true"><text>Amazon S3</text></option>
                <option id="b"><text>Amazon EFS</text></option>
                <option id="c"><text>Amazon EBS</text></option>
                <option id="d"><text>Amazon FSx for Lustre</text></option>
              </options>
            </item>
            """,
        ]
    )

    public func check(_ item: Item, in context: ItemContext) -> [Diagnostic] {
        guard item.type == .single, let body = item.choiceBody, body.options.count != optionCount else { return [] }
        return [diagnostic(
            "item '\(item.id)' has \(counted(body.options.count, "option")); a multiple-choice item has exactly \(optionCount) (1 correct, \(optionCount - 1) distractors)",
            at: item.origin, in: context.file.path, item: item.id)]
    }
}

extension SingleAnswerOptionCountRule: ConfigurableRule {
    public var options: [String: RuleOptionValue] {
        ["optionCount": .number(Double(optionCount))]
    }

    public mutating func configure(_ options: RuleOptions) throws(RuleOptionError) {
        try options.read("optionCount", into: &optionCount, in: 2...26)
    }
}

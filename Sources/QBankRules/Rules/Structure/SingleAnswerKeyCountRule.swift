import QBankCore

/// A multiple-choice item has exactly one correct option.
public struct SingleAnswerKeyCountRule: ItemRule {
    public init() {}

    public static let description = RuleDescription(
        id: "QB101", name: "single-answer-key-count", category: .structure,
        summary: "A multiple-choice item must have exactly one correct option.",
        rationale: """
            MLA-C01 multiple-choice items have one best answer and are scored all or nothing. With no key \
            the item cannot be scored; with two, candidates who choose either are marked wrong. Use \
            `type="multiple"` for items with several correct options.
            """,
        severity: .error,
        triggeringExamples: [
            """
            ↓<item id="q1" type="single" domain="1" task="1.1" status="draft">
              <stem>Which service stores training data as objects?</stem>
              <options>
                <option id="a" correct="true"><text>Amazon S3</text></option>
                <option id="b" correct="true"><text>Amazon EFS</text></option>
                <option id="c"><text>Amazon EBS</text></option>
                <option id="d"><text>Amazon FSx for Lustre</text></option>
              </options>
            </item>
            """,
            """
            ↓<item id="q1" type="single" domain="1" task="1.1" status="draft">
              <stem>Which service stores training data as objects?</stem>
              <options>
                <option id="a"><text>Amazon S3</text></option>
                <option id="b"><text>Amazon EFS</text></option>
                <option id="c"><text>Amazon EBS</text></option>
                <option id="d"><text>Amazon FSx for Lustre</text></option>
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
        guard item.type == .single, let body = item.choiceBody, body.correctOptions.count != 1 else { return [] }
        let message = body.correctOptions.isEmpty
            ? "item '\(item.id)' has no correct option; mark the one best answer with correct=\"true\""
            : "item '\(item.id)' has \(body.correctOptions.count) correct options; a multiple-choice item has exactly one (use type=\"multiple\" for several)"
        return [diagnostic(message, at: item.origin, in: context.file.path, item: item.id)]
    }
}

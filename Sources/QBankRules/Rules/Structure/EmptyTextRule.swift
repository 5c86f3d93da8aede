import QBankCore

/// Stems, options, steps, prompts and responses have text.
public struct EmptyTextRule: ItemRule {
    public init() {}

    public static let description = RuleDescription(
        id: "QB108", name: "empty-text", category: .structure,
        summary: "A stem, option, step, prompt or response must not be empty.",
        rationale: "An empty stem or option is an authoring slip that shows candidates a blank choice.",
        severity: .error,
        triggeringExamples: [
            """
            <item id="q1" type="single" domain="1" task="1.1" status="draft">
              <stem>Which service stores training data as objects?</stem>
              <options>
                <option id="a" correct="true"><text>Amazon S3</text></option>
                ↓<option id="b"><text>  </text></option>
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
        var found: [Diagnostic] = []
        if item.stem.isBlank {
            found.append(diagnostic("item '\(item.id)' has an empty stem", at: item.stem.origin.location == nil ? item.origin : item.stem.origin, in: context.file.path, item: item.id))
        }
        for part in item.partGroups.joined() where part.text.isBlank {
            found.append(diagnostic(
                "\(part.kind.rawValue) '\(part.id)' of item '\(item.id)' has no text; write it or remove the \(part.kind.rawValue)",
                at: part.origin, in: context.file.path, item: item.id))
        }
        return found
    }
}

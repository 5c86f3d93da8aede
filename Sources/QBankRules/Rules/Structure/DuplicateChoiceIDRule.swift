import QBankCore

/// Option, step, prompt and response ids are unique within their item.
public struct DuplicateChoiceIDRule: ItemRule {
    public init() {}

    public static let description = RuleDescription(
        id: "QB115", name: "duplicate-choice-id", category: .structure,
        summary: "Option, step, prompt and response ids must be unique within their item.",
        rationale: """
            Keys, matching pairs and candidates' responses refer to options by id; a repeated id makes a \
            response ambiguous and the item unscorable.
            """,
        severity: .error,
        triggeringExamples: [
            """
            <item id="q1" type="single" domain="1" task="1.1" status="draft">
              <stem>Which service stores training data as objects?</stem>
              <options>
                <option id="a" correct="true"><text>Amazon S3</text></option>
                <option id="b"><text>Amazon EFS</text></option>
                ↓<option id="b"><text>Amazon EBS</text></option>
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
        for group in item.partGroups {
            // A handful of ids: an array searched in order beats hashing each into a new set.
            var seen: [String] = []
            for index in group.indices {
                guard seen.contains(group[index].id) else { seen.append(group[index].id); continue }
                let part = group[index]
                found.append(diagnostic(
                    "\(part.kind.rawValue) id '\(part.id)' appears twice in item '\(item.id)'; rename one",
                    at: part.origin, in: context.file.path, item: item.id))
            }
        }
        return found
    }
}

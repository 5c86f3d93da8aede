import QBankCore

/// No two options (steps, prompts, responses) of one item read the same.
public struct DuplicateChoiceTextRule: ItemRule {
    public init() {}

    public static let description = RuleDescription(
        id: "QB114", name: "duplicate-choice-text", category: .structure,
        summary: "Two options, steps, prompts or responses of one item must not have the same text.",
        rationale: """
            Identical options are indistinguishable to candidates: if one is the key, the item has two keys; \
            if both are distractors, one is wasted. Case and spacing are ignored when comparing.
            """,
        severity: .error,
        triggeringExamples: [
            """
            <item id="q1" type="single" domain="1" task="1.1" status="draft">
              <stem>Which service stores training data as objects?</stem>
              <options>
                <option id="a" correct="true"><text>Amazon S3</text></option>
                <option id="b"><text>Amazon EFS</text></option>
                ↓<option id="c"><text>amazon  EFS</text></option>
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
            // A handful of parts: a list searched in order beats lower-casing and hashing every text.
            // Parts are read in place, by index: copying one retains every string it holds.
            var seen: [Int] = []
            for index in group.indices where !group[index].text.isBlank {
                if let earlierIndex = seen.first(where: { sameComparable(group[$0].text.value, group[index].text.value) }) {
                    let part = group[index], earlier = group[earlierIndex]
                    found.append(diagnostic(
                        "\(part.kind.rawValue) '\(part.id)' of item '\(item.id)' repeats the text of '\(earlier.id)'; make every \(part.kind.rawValue) distinct",
                        at: part.origin, in: context.file.path, item: item.id,
                        related: earlier.origin.location.map { [RelatedLocation(location: $0, message: "same text as here")] } ?? []))
                } else {
                    seen.append(index)
                }
            }
        }
        return found
    }
}

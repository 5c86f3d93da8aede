import QBankCore

/// Options like "A and C" (Type K) test logic about options, not the content.
public struct CombinationOptionRule: ItemRule {
    public init() {}

    public static let description = RuleDescription(
        id: "QB303", name: "combination-option", category: .options,
        summary: "An option must not combine other options (\"A and B\", \"Both A and C\", \"I and III only\", \"All except B\").",
        rationale: """
            Haladyna et al. (2002) guideline 9 advises against complex (Type K) formats; Tarrant et al. (2006) \
            and Moore et al. (2023) count "complex or K-type" options as a flaw. They reward partial knowledge \
            through elimination, and break when options are shuffled. Write a multiple-response item instead. \
            Labels are the capitals A–H and roman numerals I–VIII.
            """,
        severity: .warning,
        triggeringExamples: [
            """
            <item id="q1" type="single" domain="4" task="4.3" status="draft" shuffle="false">
              <stem>Which services encrypt data at rest by default?</stem>
              <options>
                <option id="a"><text>Amazon S3</text></option>
                <option id="b"><text>Amazon DynamoDB</text></option>
                <option id="c"><text>Amazon EFS</text></option>
                ↓<option id="d" correct="true"><text>Both A and B</text></option>
              </options>
            </item>
            """,
        ],
        nonTriggeringExamples: [
            """
            <item id="q1" type="multiple" select="2" domain="4" task="4.3" status="draft">
              <stem>Which services encrypt data at rest by default? (Select TWO.)</stem>
              <options>
                <option id="a" correct="true"><text>Amazon S3</text></option>
                <option id="b" correct="true"><text>Amazon DynamoDB</text></option>
                <option id="c"><text>Amazon EC2 instance store</text></option>
                <option id="d"><text>Plan A and B regions</text></option>
                <option id="e"><text>Amazon EBS volumes created before 2014</text></option>
              </options>
            </item>
            """,
        ]
    )

    public func check(_ item: Item, in context: ItemContext) -> [Diagnostic] {
        guard let body = item.choiceBody else { return [] }
        // Options are read in place: copying one retains every string it holds.
        return body.options.indices.filter { MetaOption.isCombination(body.options[$0].text.value) }.map { index in
            let option = body.options[index]
            return diagnostic(
                "option '\(option.id)' of item '\(item.id)' combines other options by their labels; make the item multiple response, or write the option out",
                at: option.origin, in: context.file.path, item: item.id)
        }
    }
}

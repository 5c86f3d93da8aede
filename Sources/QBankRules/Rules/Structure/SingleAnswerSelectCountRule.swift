import QBankCore

/// A single-answer item must not tell candidates to choose several options.
public struct SingleAnswerSelectCountRule: ItemRule {
    public init() {}

    public static let description = RuleDescription(
        id: "QB117", name: "single-answer-select-count", category: .structure,
        summary: "A single-answer stem must not say \"Select TWO\" (or any count above one).",
        rationale: """
            The delivery shows one choice per single-answer item and scores one key: a stem that asks for two \
            misleads every candidate, and usually means the item was meant to be multiple response (or lost a \
            key in an import). The count is read as QB111 reads it for multiple response ("(Select TWO.)", \
            "Choose 3 answers"); "Select ONE" is fine.
            """,
        severity: .error,
        triggeringExamples: [
            """
            <item id="q1" type="single" domain="4" task="4.3" status="draft">
              ↓<stem>Which controls encrypt data at rest? (Select TWO.)</stem>
              <options>
                <option id="a" correct="true"><text>AWS KMS keys</text></option>
                <option id="b"><text>Security groups</text></option>
                <option id="c"><text>VPC flow logs</text></option>
                <option id="d"><text>AWS WAF rules</text></option>
              </options>
            </item>
            """,
        ],
        nonTriggeringExamples: [
            """
            <item id="q1" type="single" domain="4" task="4.3" status="draft">
              <stem>Which control encrypts data at rest? (Select ONE.)</stem>
              <options>
                <option id="a" correct="true"><text>AWS KMS keys</text></option>
                <option id="b"><text>Security groups</text></option>
                <option id="c"><text>VPC flow logs</text></option>
                <option id="d"><text>AWS WAF rules</text></option>
              </options>
            </item>
            """,
            """
            <item id="q1" type="single" domain="3" task="3.1" status="draft">
              <stem>Athena queries select 6 of 120 columns. Which format reduces the bytes scanned?</stem>
              <options>
                <option id="a" correct="true"><text>Apache Parquet</text></option>
                <option id="b"><text>CSV</text></option>
                <option id="c"><text>JSON Lines</text></option>
                <option id="d"><text>Plain text</text></option>
              </options>
            </item>
            """,
        ]
    )

    public func check(_ item: Item, in context: ItemContext) -> [Diagnostic] {
        guard item.type == .single, let stated = SelectCountRule.statedCount(in: item.stem.value), stated > 1 else { return [] }
        return [diagnostic(
            "the stem of single-answer item '\(item.id)' asks to select \(stated); remove the count or make the item multiple response with \(stated) keys",
            at: item.stemOrigin, in: context.file.path, item: item.id)]
    }
}

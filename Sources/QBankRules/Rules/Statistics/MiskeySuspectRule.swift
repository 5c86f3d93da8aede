import QBankCore

/// An item whose stored point-biserial is negative may be miskeyed.
public struct MiskeySuspectRule: ItemRule {
    public init() {}

    public static let description = RuleDescription(
        id: "QB601", name: "miskey-suspect", category: .statistics,
        summary: "An item whose stored point-biserial is negative may be miskeyed.",
        rationale: """
            Candidates who answer the keyed option score lower overall than those who do not: the key is \
            most likely wrong, or a distractor is also defensible. Review the key before the item counts again \
            (Haladyna & Rodriguez, 2013, ch. 17); `qbank analyze` names the distractor that beats the key.
            """,
        severity: .warning,
        triggeringExamples: [
            StoredStatistics.example(#"pValue="0.31" pointBiserial="-0.12" responses="640""#, flagged: true),
        ],
        nonTriggeringExamples: [
            StoredStatistics.example(#"pValue="0.62" pointBiserial="0.35" responses="640""#, flagged: false),
        ]
    )

    public func check(_ item: Item, in context: ItemContext) -> [Diagnostic] {
        guard StoredStatistics.isCounted(item) else { return [] }
        guard let r = item.stats?.pointBiserial, r < 0 else { return [] }
        return [diagnostic("item '\(item.id)' has a negative point-biserial (\(r)): those who answer the key score lower overall; check the key (qbank analyze shows the distractors)",
                           at: item.origin, in: context.file.path, item: item.id)]
    }
}

import QBankCore

/// Statistics that rest on fewer than 200 responses are too noisy to act on.
public struct TooFewResponsesRule: ItemRule {
    public init() {}

    public static let description = RuleDescription(
        id: "QB604", name: "too-few-responses", category: .statistics,
        summary: "Statistics that rest on fewer than 200 responses are too noisy to act on.",
        rationale: """
            With n responses a point-biserial's standard error is about 1/sqrt(n): under 200 responses that is \
            0.07 or more, enough to hide a weak item or a miskey. Keep the item in pretest until it has enough \
            responses (200 is the common minimum for classical statistics and the 2PL).
            """,
        severity: .info,
        triggeringExamples: [
            StoredStatistics.example(#"pValue="0.55" pointBiserial="0.30" responses="85""#, flagged: true),
        ],
        nonTriggeringExamples: [
            StoredStatistics.example(#"pValue="0.55" pointBiserial="0.30" responses="850""#, flagged: false),
        ]
    )

    public func check(_ item: Item, in context: ItemContext) -> [Diagnostic] {
        guard StoredStatistics.isCounted(item) else { return [] }
        guard let stats = item.stats, stats.pValue != nil || stats.pointBiserial != nil || stats.irtB != nil else { return [] }
        guard (stats.responses ?? 0) < 200 else { return [] }
        let count = stats.responses.map { "only \($0)" } ?? "an unknown number of"
        return [diagnostic("item '\(item.id)' has statistics from \(count) responses (fewer than 200); keep it in pretest until more responses come in",
                           at: item.origin, in: context.file.path, item: item.id)]
    }
}

import QBankCore

/// An item almost everyone (p above 0.95) or almost no one (p below 0.20) answers correctly tells little.
public struct ExtremeDifficultyRule: ItemRule {
    public init() {}

    public static let description = RuleDescription(
        id: "QB603", name: "extreme-difficulty", category: .statistics,
        summary: "An item almost everyone (p above 0.95) or almost no one (p below 0.20) answers correctly tells little.",
        rationale: """
            Items at the extremes of difficulty carry little information near the cut score and often hide a \
            flaw (a give-away cue, an ambiguous key). Classical p-values outside 0.20-0.95, or IRT difficulties \
            beyond 3 in either direction, are reviewed before the item counts (Haladyna & Rodriguez, 2013).
            """,
        severity: .warning,
        triggeringExamples: [
            StoredStatistics.example(#"pValue="0.98" pointBiserial="0.21" responses="900""#, flagged: true),
        ],
        nonTriggeringExamples: [
            StoredStatistics.example(#"pValue="0.74" pointBiserial="0.30" responses="900""#, flagged: false),
        ]
    )

    public func check(_ item: Item, in context: ItemContext) -> [Diagnostic] {
        guard StoredStatistics.isCounted(item) else { return [] }
        guard let stats = item.stats else { return [] }
        if let p = stats.pValue, p < 0.2 || p > 0.95 {
            return [diagnostic("item '\(item.id)' has a p-value of \(p) (\(p > 0.95 ? "almost everyone" : "almost no one") answers it correctly); check it for a cue or a flawed key, or retire it",
                               at: item.origin, in: context.file.path, item: item.id)]
        }
        if stats.pValue == nil, let b = stats.irtB, abs(b) > 3 {
            return [diagnostic("item '\(item.id)' has an IRT difficulty b of \(b) (beyond 3 in either direction); it tells little about candidates near the cut",
                               at: item.origin, in: context.file.path, item: item.id)]
        }
        return []
    }
}

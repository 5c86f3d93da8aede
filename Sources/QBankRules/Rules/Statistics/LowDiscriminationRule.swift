import QBankCore

/// An item whose stored point-biserial is below 0.15 barely separates strong from weak candidates.
public struct LowDiscriminationRule: ItemRule {
    public init() {}

    public static let description = RuleDescription(
        id: "QB602", name: "low-discrimination", category: .statistics,
        summary: "An item whose stored point-biserial is below 0.15 barely separates strong from weak candidates.",
        rationale: """
            A corrected point-biserial under about 0.15 (or an IRT discrimination a under 0.3) adds little \
            but noise to the score; such items are revised or retired rather than counted (Ebel & Frisbie, \
            1991, call items below 0.20 poor). A negative value is QB601's.
            """,
        severity: .warning,
        triggeringExamples: [
            StoredStatistics.example(#"pValue="0.88" pointBiserial="0.09" responses="1512""#, flagged: true),
        ],
        nonTriggeringExamples: [
            StoredStatistics.example(#"pValue="0.70" pointBiserial="0.32" responses="1512" irtA="1.1" irtB="-0.8""#, flagged: false),
        ]
    )

    public func check(_ item: Item, in context: ItemContext) -> [Diagnostic] {
        guard StoredStatistics.isCounted(item) else { return [] }
        guard let stats = item.stats else { return [] }
        if let r = stats.pointBiserial, r >= 0, r < 0.15 {
            return [diagnostic("item '\(item.id)' has a point-biserial of \(r) (below 0.15): it barely separates strong from weak candidates; revise or retire it",
                               at: item.origin, in: context.file.path, item: item.id)]
        }
        if stats.pointBiserial == nil, let a = stats.irtA, a < 0.3 {
            return [diagnostic("item '\(item.id)' has an IRT discrimination a of \(a) (below 0.3): it barely separates strong from weak candidates; revise or retire it",
                               at: item.origin, in: context.file.path, item: item.id)]
        }
        return []
    }
}

/// What a pretest item's stored statistics must show to become operational (blueprint
/// `"promotion"`); defaults follow common certification practice.
public struct PromotionCriteria: Hashable, Sendable {
    public var minimumResponses: Int
    public var minimumPointBiserial: Double
    public var minimumP: Double
    public var maximumP: Double

    public init(minimumResponses: Int = 200, minimumPointBiserial: Double = 0.2, minimumP: Double = 0.3, maximumP: Double = 0.9) {
        self.minimumResponses = minimumResponses
        self.minimumPointBiserial = minimumPointBiserial
        self.minimumP = minimumP
        self.maximumP = maximumP
    }

    /// Why an operational item's statistics call for a review (the thresholds of QB601–QB603:
    /// point-biserial below 0.15, p-value outside 0.20–0.95), or an empty list.
    public static func reviewReasons(_ stats: ItemStats?) -> [String] {
        guard let stats else { return [] }
        var out: [String] = []
        if let r = stats.pointBiserial, r < 0.15 { out.append("point-biserial \(r) (< 0.15)") }
        if let p = stats.pValue, p < 0.2 || p > 0.95 { out.append("p-value \(p) (outside 0.2–0.95)") }
        return out
    }

    /// Why `stats` falls short, or an empty list when the item may be promoted.
    public func shortfalls(_ stats: ItemStats?) -> [String] {
        guard let stats else { return ["no statistics"] }
        var out: [String] = []
        if (stats.responses ?? 0) < minimumResponses { out.append("\(stats.responses ?? 0) responses (< \(minimumResponses))") }
        if let r = stats.pointBiserial { if r < minimumPointBiserial { out.append("point-biserial \(r) (< \(minimumPointBiserial))") } } else { out.append("no point-biserial") }
        if let p = stats.pValue { if p < minimumP || p > maximumP { out.append("p-value \(p) (outside \(minimumP)–\(maximumP))") } } else { out.append("no p-value") }
        return out
    }
}

/// Raw-to-scale mapping for scoring. The raw cut is `ceil(cutFraction × maximum raw)`;
/// scaled scores are piecewise linear through (0, minimum), (raw cut, cut) and
/// (maximum raw, maximum), rounded down, so a candidate passes (scaled ≥ cut) exactly
/// when the raw score reaches the raw cut. AWS reports 100–1000 with the cut at 720.
public struct ScoreScale: Hashable, Sendable {
    public var minimum: Int
    public var maximum: Int
    public var cut: Int
    /// Share of the scored items a candidate must answer correctly to pass, 0 < f < 1.
    public var cutFraction: Double
    /// The passing standard on the ability scale; with IRT parameters each form's raw cut and
    /// conversion come from its test characteristic curve at this point (see `TrueScoreEquating`).
    public var cutTheta: Double?

    public init(minimum: Int = 100, maximum: Int = 1000, cut: Int = 720, cutFraction: Double = 0.7, cutTheta: Double? = nil) {
        self.cutTheta = cutTheta
        self.minimum = minimum
        self.maximum = maximum
        self.cut = cut
        self.cutFraction = cutFraction
    }

    /// The scale used when a blueprint gives none: 100–1000, cut 720 at 70% correct.
    public static let standard = ScoreScale()

    /// The smallest raw score that passes out of `maxRaw`.
    public func rawCut(maxRaw: Int) -> Int {
        guard maxRaw > 0 else { return 0 }
        return min(maxRaw, max(1, Int((cutFraction * Double(maxRaw) - 1e-9).rounded(.up))))
    }

    public func scaled(raw: Int, maxRaw: Int) -> Int {
        guard maxRaw > 0 else { return minimum }
        let raw = min(max(raw, 0), maxRaw), rawCut = rawCut(maxRaw: maxRaw)
        let value: Double
        if raw < rawCut {
            value = Double(minimum) + Double(cut - minimum) * Double(raw) / Double(rawCut)
        } else if rawCut == maxRaw {
            value = Double(maximum)
        } else {
            value = Double(cut) + Double(maximum - cut) * Double(raw - rawCut) / Double(maxRaw - rawCut)
        }
        return Int((value + 1e-9).rounded(.down))
    }

    public func passes(raw: Int, maxRaw: Int) -> Bool { raw >= rawCut(maxRaw: maxRaw) }
}

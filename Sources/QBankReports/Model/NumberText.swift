/// Numbers as reports print them. Written out by hand rather than with `String(format:)`
/// so the bytes never depend on a locale.
public enum NumberText {
    /// `value` with exactly `places` decimals, rounded half away from zero.
    public static func fixed(_ value: Double, places: Int) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        let whole = Int(scaled)
        let sign = value < 0 && whole != 0 ? "-" : ""
        guard places > 0 else { return sign + String(whole) }
        let divisor = Int(scale)
        let fraction = String(whole % divisor)
        return sign + String(whole / divisor) + "." + String(repeating: "0", count: places - fraction.count) + fraction
    }

    /// `part / whole` as a percentage with one decimal, `0.0` for an empty whole.
    public static func percent(_ part: Int, of whole: Int) -> String {
        fixed(percentValue(part, of: whole), places: 1)
    }

    /// The value `percent` prints, rounded the same way so charts and tables agree.
    public static func percentValue(_ part: Int, of whole: Int) -> Double {
        guard whole > 0 else { return 0 }
        return Double(fixed(Double(part) * 100 / Double(whole), places: 1)) ?? 0
    }

    /// A weight as a share of all weights, e.g. 28 of 100 → 28.0.
    public static func share(_ weight: Double, of total: Double) -> Double {
        guard total > 0 else { return 0 }
        return Double(fixed(weight * 100 / total, places: 1)) ?? 0
    }
}

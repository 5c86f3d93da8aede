import Foundation
import QBankCore

/// A form's raw-to-scaled conversion by IRT true-score equating (Kolen & Brennan, 2014,
/// *Test Equating, Scaling, and Linking*, §6.4; Lord, 1980): a raw score x on the form is the
/// true score of the ability θ_x where its test characteristic curve TCC(θ) = Σ P_i(θ) equals x;
/// θ_x's true score on the base form, TCC_base(θ_x), then goes through the base form's scale,
/// piecewise linear through (0, minimum), (TCC_base(cutθ), cut) and (all correct, maximum).
/// The passing standard is the point cutθ on the ability scale, so each form's raw cut is
/// ⌈TCC(cutθ)⌉ and a candidate passes exactly when the scaled score reaches the cut.
public struct ConversionTable: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var raw: Int
        /// The ability whose true score is `raw` (nil at 0 and at all correct, which no finite θ reaches).
        public var theta: Double?
        public var scaled: Int
    }

    public var form: String
    public var cutTheta: Double
    public var rawCut: Int
    public var maxRaw: Int
    public var rows: [Row]

    public init(form: String, cutTheta: Double, rawCut: Int, maxRaw: Int, rows: [Row]) {
        self.form = form
        self.cutTheta = cutTheta
        self.rawCut = rawCut
        self.maxRaw = maxRaw
        self.rows = rows
    }

    /// Equates `form` (its scored items' parameters) to `base` on `scale` at `scale.cutTheta`.
    public init(form: String, items: [ItemParameters], base: [ItemParameters], scale: ScoreScale, cutTheta: Double) {
        let n = items.count
        let baseMax = Double(base.count)
        let baseCut = Self.trueScore(base, at: cutTheta)
        func scaled(_ tau: Double) -> Int {
            let value: Double
            if tau < baseCut {
                value = Double(scale.minimum) + Double(scale.cut - scale.minimum) * max(tau, 0) / baseCut
            } else {
                value = Double(scale.cut) + Double(scale.maximum - scale.cut) * (tau - baseCut) / max(baseMax - baseCut, 1e-9)
            }
            return min(scale.maximum, max(scale.minimum, Int((value + 1e-9).rounded(.down))))
        }
        let floor = items.reduce(0) { $0 + $1.c }
        var rows: [Row] = []
        for raw in 0...n {
            if raw == n {
                rows.append(Row(raw: raw, theta: nil, scaled: scale.maximum))
            } else if Double(raw) <= floor {
                // Below the sum of the guessing parameters no θ has this true score: linear from 0 (Kolen & Brennan's ad hoc rule).
                let tau = floor > 0 ? Double(raw) / floor * Self.trueScore(base, at: -40) : 0
                rows.append(Row(raw: raw, theta: nil, scaled: raw == 0 ? scale.minimum : scaled(tau)))
            } else {
                let theta = Self.ability(items, trueScore: Double(raw))
                rows.append(Row(raw: raw, theta: theta, scaled: scaled(Self.trueScore(base, at: theta))))
            }
        }
        let rawCut = min(n, max(0, Int((Self.trueScore(items, at: cutTheta) - 1e-9).rounded(.up))))
        self.init(form: form, cutTheta: cutTheta, rawCut: rawCut, maxRaw: n, rows: rows)
    }

    public func scaled(raw: Int) -> Int { rows[min(max(raw, 0), rows.count - 1)].scaled }

    public static func trueScore(_ items: [ItemParameters], at theta: Double) -> Double {
        items.reduce(0) { $0 + $1.probability(theta) }
    }

    /// The abilities `ability` searches: a true score outside TCC(−40)…TCC(40) has no θ here.
    static let abilityRange = -40.0...40.0

    /// θ with TCC(θ) = `trueScore`, by bisection (the TCC increases in θ).
    static func ability(_ items: [ItemParameters], trueScore: Double) -> Double {
        var low = abilityRange.lowerBound, high = abilityRange.upperBound
        for _ in 0..<200 {
            let mid = (low + high) / 2
            if Self.trueScore(items, at: mid) < trueScore { low = mid } else { high = mid }
        }
        return (low + high) / 2
    }
}

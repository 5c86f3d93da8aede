import Foundation

/// The item response models `qbank calibrate` fits, all logistic without the 1.7 scaling
/// constant (as girth and R ltm/mirt report them): P(θ) = c + (1 − c) / (1 + e^(−a(θ − b))).
public enum IRTModel: String, Sendable, CaseIterable {
    /// a = 1 for every item, θ ~ N(0, 1): girth's `rasch_mml`.
    case rasch
    case twoPL = "2pl"
    /// With a Beta prior on c (see `GuessingPrior`).
    case threePL = "3pl"

    var parameterCount: Int {
        switch self {
        case .rasch: 1
        case .twoPL: 2
        case .threePL: 3
        }
    }
}

public struct ItemParameters: Sendable, Equatable {
    public var a: Double
    public var b: Double
    public var c: Double

    public init(a: Double, b: Double, c: Double = 0) {
        self.a = a
        self.b = b
        self.c = c
    }

    public func probability(_ theta: Double) -> Double {
        c + (1 - c) / (1 + exp(-a * (theta - b)))
    }
}

/// The Beta(α, β) prior on the guessing parameter of the 3PL. Default Beta(5, 17): mode 0.2,
/// the chance of a blind guess among five options, as BILOG-MG's default prior uses.
public struct GuessingPrior: Sendable, Equatable {
    public var alpha: Double
    public var beta: Double
    public init(alpha: Double = 5, beta: Double = 17) {
        self.alpha = alpha
        self.beta = beta
    }
}

/// Equally spaced standard-normal points on [−bound, bound] with normal-density weights
/// summing to 1, placed at mean + sd·z so the grid follows the ability distribution. With
/// 41 points on ±4.5 (girth's defaults) the marginal likelihood is integrated well below the
/// precision the estimates are reported at.
struct Quadrature {
    var standard: [Double]
    var points: [Double]
    var weights: [Double]

    init(count: Int = 41, bound: Double = 4.5) {
        standard = (0..<count).map { -bound + 2 * bound * Double($0) / Double(count - 1) }
        points = standard
        let raw = standard.map { exp(-0.5 * $0 * $0) }
        let total = raw.reduce(0, +)
        weights = raw.map { $0 / total }
    }

    mutating func place(mean: Double, sd: Double) {
        points = standard.map { mean + sd * $0 }
    }
}

import Foundation

/// A passing standard on the ability scale from modified-Angoff ratings (Angoff, 1971; Hambleton &
/// Pitoniak, 2006, "Setting performance standards", in *Educational Measurement*, 4th ed.; Kolen &
/// Brennan, 2014, §6.4 for the true-score link): each rating is the probability that a minimally
/// competent candidate answers the item correctly, so their sum is that candidate's expected raw
/// score, and the cut θ is the ability whose test characteristic curve over the rated items equals it.
public enum AngoffStandard {
    public enum Failure: Error, Equatable {
        /// No rated item, or a sum of ratings that no finite θ reaches (at or below the sum of the
        /// guessing parameters, or at or above the number of items).
        case unreachable(expected: Double, floor: Double, items: Int)
    }

    /// θ with Σ P_i(θ) = Σ ratings over `items` (parameters and rating of each rated item), by bisection.
    public static func cutTheta(_ items: [(parameters: ItemParameters, rating: Double)]) throws(Failure) -> Double {
        let expected = items.reduce(0) { $0 + $1.rating }
        let floor = items.reduce(0) { $0 + $1.parameters.c }
        guard !items.isEmpty, expected > floor, expected < Double(items.count) else {
            throw .unreachable(expected: expected, floor: floor, items: items.count)
        }
        return ConversionTable.ability(items.map(\.parameters), trueScore: expected)
    }
}

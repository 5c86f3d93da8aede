import Foundation

/// A passing standard on the ability scale from modified-Angoff ratings (Angoff, 1971; Hambleton &
/// Pitoniak, 2006, "Setting performance standards", in *Educational Measurement*, 4th ed.; Kolen &
/// Brennan, 2014, §6.4 for the true-score link): each rating is the probability that a minimally
/// competent candidate answers the item correctly, so their sum is that candidate's expected raw
/// score, and the cut θ is the ability whose test characteristic curve over the rated items equals it.
public enum AngoffStandard {
    public enum Failure: Error, Equatable {
        /// No rated item, or a sum of ratings outside the true scores a finite θ reaches: at or below
        /// TCC(−40) (the sum of the guessing parameters; all ratings 0), at or above TCC(40) (the
        /// number of items; all ratings 1), or past what items of very low discrimination reach.
        case unreachable(expected: Double, lowest: Double, highest: Double, items: Int)
    }

    /// θ with Σ P_i(θ) = Σ ratings over `items` (parameters and rating of each rated item), by bisection.
    /// The sum runs in the given order, so the same items give the same θ to the last bit.
    public static func cutTheta(_ items: [(parameters: ItemParameters, rating: Double)]) throws(Failure) -> Double {
        let parameters = items.map(\.parameters)
        let expected = items.reduce(0) { $0 + $1.rating }
        let range = ConversionTable.abilityRange
        let lowest = ConversionTable.trueScore(parameters, at: range.lowerBound)
        let highest = ConversionTable.trueScore(parameters, at: range.upperBound)
        guard !items.isEmpty, expected > lowest, expected < highest else {
            throw .unreachable(expected: expected, lowest: lowest, highest: highest, items: items.count)
        }
        return ConversionTable.ability(parameters, trueScore: expected)
    }
}

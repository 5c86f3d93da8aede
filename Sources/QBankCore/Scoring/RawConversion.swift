/// A form's own raw-to-scaled table (FORM.conversion.json from `qbank assemble`): the raw
/// cut and the scaled score of every raw score 0…maxRaw, from IRT true-score equating.
public struct RawConversion: Sendable, Equatable {
    public var rawCut: Int
    /// Indexed by raw score.
    public var scaled: [Int]

    public init(rawCut: Int, scaled: [Int]) {
        self.rawCut = rawCut
        self.scaled = scaled
    }

    public var maxRaw: Int { scaled.count - 1 }
}

import QBankCore

/// Distributions over items: where keys sit, how many options, how long stems are,
/// and the statistics from earlier administrations.
public struct ItemMeasures: Sendable, Equatable {
    public struct OptionCount: Sendable, Equatable {
        public var single = 0
        public var multiple = 0
        public var total: Int { single + multiple }
    }

    /// Single-answer items by the authored position of their key (0 = first option).
    public var keyPositions: [Int: Int] = [:]
    public var singleAnswerItems = 0
    /// Single-answer items delivered in authored order (`shuffle` false).
    public var unshuffledSingles = 0
    /// Choice items by option count, split by type.
    public var optionCounts: [Int: OptionCount] = [:]
    /// Stem length in words, one entry per item, ascending.
    public var stemWords: [Int] = []
    public var pValues: [Double] = []
    public var pointBiserials: [Double] = []
    /// Ids of the items behind each statistics flag of the report, in bank order.
    public var veryHard: [String] = []
    public var veryEasy: [String] = []
    public var weakDiscrimination: [String] = []

    public init(_ items: [Item]) {
        for item in items {
            stemWords.append(Self.words(in: item.stem.value))
            if let p = item.stats?.pValue {
                pValues.append(p)
                if p < 0.3 { veryHard.append(item.id) } else if p > 0.9 { veryEasy.append(item.id) }
            }
            if let r = item.stats?.pointBiserial {
                pointBiserials.append(r)
                if r < 0.2 { weakDiscrimination.append(item.id) }
            }
            guard case .choice(let body) = item.body else { continue }
            let isSingle = body.select == nil
            if isSingle { optionCounts[body.options.count, default: OptionCount()].single += 1 } else { optionCounts[body.options.count, default: OptionCount()].multiple += 1 }
            guard isSingle else { continue }
            singleAnswerItems += 1
            if !item.shuffle { unshuffledSingles += 1 }
            // An item with no key or several keys is a QB101 finding; count it by its first key only.
            if let position = body.options.firstIndex(where: \.isCorrect) { keyPositions[position, default: 0] += 1 }
        }
        stemWords.sort()
        pValues.sort()
        pointBiserials.sort()
    }

    static func words(in text: String) -> Int {
        text.split(whereSeparator: { $0.isWhitespace }).count
    }

    /// The median of sorted values (the lower middle for an even count), or nil when empty.
    static func median(_ sorted: [Int]) -> Int? {
        sorted.isEmpty ? nil : sorted[(sorted.count - 1) / 2]
    }

    static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }

    /// Population standard deviation: the spread of this bank, not an estimate for another.
    static func standardDeviation(_ values: [Double]) -> Double? {
        guard let mean = mean(values) else { return nil }
        return (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count)).squareRoot()
    }
}

/// The figures of a classical item analysis, as reporters and write-back read them.

/// One option of a selected-response item: who chose it and how they scored.
public struct OptionStatistics: Sendable, Equatable {
    public var option: String
    public var isKey: Bool
    public var count: Int
    /// Share of the candidates who answered the item that chose this option.
    public var share: Double
    /// Mean raw score (scored items) of those who chose it.
    public var meanTotal: Double
    /// Correlation of choosing it with the rest score (scored total without this item).
    public var restCorrelation: Double?
}

/// Why an item needs a look.
public enum ItemFlag: Sendable, Equatable, CustomStringConvertible {
    case tooHard(Double)
    case tooEasy(Double)
    case lowDiscrimination(Double)
    case negativeDiscrimination(Double)
    /// A distractor correlates better with the rest score than the key: likely miskey.
    case distractorBeatsKey(option: String, correlation: Double)

    public var code: String {
        switch self {
        case .tooHard: "too-hard"
        case .tooEasy: "too-easy"
        case .lowDiscrimination: "low-discrimination"
        case .negativeDiscrimination: "negative-discrimination"
        case .distractorBeatsKey: "miskey-suspect"
        }
    }

    public var description: String {
        switch self {
        case .tooHard(let p): "too hard (p \(Format.fixed(p)))"
        case .tooEasy(let p): "too easy (p \(Format.fixed(p)))"
        case .lowDiscrimination(let r): "low discrimination (r \(Format.fixed(r)))"
        case .negativeDiscrimination(let r): "negative discrimination (r \(Format.fixed(r)))"
        case .distractorBeatsKey(let option, let r): "option '\(option)' discriminates better than the key (r \(Format.fixed(r))): likely miskey"
        }
    }
}

public struct ItemStatistics: Sendable, Equatable {
    public var id: String
    public var type: String
    public var scored: Bool
    public var forms: [String]
    /// Candidates who were given the item.
    public var candidates: Int
    /// Responses the p-value rests on (all candidates under `.wrong`, those who answered under `.missing`).
    public var n: Int
    public var omitRate: Double
    public var pValue: Double
    public var sd: Double
    /// Correlation with the scored total including the item (psych's `r`).
    public var itemTotal: Double?
    /// Corrected point-biserial: against the scored total without the item.
    public var pointBiserial: Double?
    /// Single-response items only; empty for the others.
    public var options: [OptionStatistics]
    public var flags: [ItemFlag]
}

public struct FormStatistics: Sendable, Equatable {
    public var form: String
    public var candidates: Int
    public var scoredItems: Int
    /// KR-20 (coefficient alpha of 0/1 scores) over the scored items.
    public var alpha: Double
    public var standardizedAlpha: Double
    public var meanRaw: Double
    public var sdRaw: Double
    /// Standard error of measurement in raw points: sd × √(1 − alpha).
    public var sem: Double
    /// Mean and sd of each candidate's proportion correct over the items they answered (psych's `mean`, `sd`).
    public var meanProportion: Double
    public var sdProportion: Double
    /// How many candidates had each raw score 0…scoredItems.
    public var distribution: [Int]
}

/// When an item is flagged.
public struct AnalysisThresholds: Sendable, Equatable {
    public var minimumP: Double
    public var maximumP: Double
    public var minimumDiscrimination: Double
    /// A distractor chosen by fewer than this share is non-functioning.
    public var nonFunctioningShare: Double

    public init(minimumP: Double = 0.25, maximumP: Double = 0.95, minimumDiscrimination: Double = 0.15, nonFunctioningShare: Double = 0.05) {
        self.minimumP = minimumP
        self.maximumP = maximumP
        self.minimumDiscrimination = minimumDiscrimination
        self.nonFunctioningShare = nonFunctioningShare
    }
}

/// Fixed-decimal text the same on every platform (no locale, no Foundation).
public enum Format {
    public static func fixed(_ value: Double, _ decimals: Int = 3) -> String {
        guard value.isFinite else { return "–" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        let negative = value < 0 && scaled > 0
        let whole = Int(scaled / scale)
        var fraction = String(Int(scaled - Double(whole) * scale))
        while fraction.count < decimals { fraction = "0" + fraction }
        return (negative ? "-" : "") + String(whole) + (decimals > 0 ? "." + fraction : "")
    }
}

/// The blueprint's optional assembly constraints. Every part is optional: a blueprint
/// without them asks only for the domain counts.
public struct FormConstraints: Hashable, Sendable {
    /// Scored items per format on one form (e.g. at least 2 ordering items).
    public var formats: [ItemType: CountRange]
    /// Every task statement gets at least this many scored items on each form.
    public var minScoredPerTask: Int?
    /// Case studies per form; a case study counts once, its items count as items.
    public var caseStudies: CountRange?
    /// Mean p-value window over the scored items that have a p-value.
    public var difficulty: DifficultyWindow?
    /// Ability points where test information is maximised and kept parallel (IRT banks).
    public var information: InformationTarget?

    public init(formats: [ItemType: CountRange] = [:], minScoredPerTask: Int? = nil, caseStudies: CountRange? = nil,
                difficulty: DifficultyWindow? = nil, information: InformationTarget? = nil) {
        self.formats = formats
        self.minScoredPerTask = minScoredPerTask
        self.caseStudies = caseStudies
        self.difficulty = difficulty
        self.information = information
    }

    public static let none = FormConstraints()
}

/// Inclusive bounds on a count; nil means unbounded on that side.
public struct CountRange: Hashable, Sendable {
    public var min: Int?
    public var max: Int?

    public init(min: Int? = nil, max: Int? = nil) {
        self.min = min
        self.max = max
    }
}

/// Mean classical difficulty (proportion correct) of the scored items, e.g. 0.55…0.80.
public struct DifficultyWindow: Hashable, Sendable {
    public var minMeanP: Double
    public var maxMeanP: Double

    public init(minMeanP: Double, maxMeanP: Double) {
        self.minMeanP = minMeanP
        self.maxMeanP = maxMeanP
    }

    /// The common target forms are kept parallel to: the window's middle.
    public var target: Double { (minMeanP + maxMeanP) / 2 }
}

/// 3PL test information at these ability points (θ, usually around the cut) is the
/// assembly objective: maximise the weakest point on the weakest form.
public struct InformationTarget: Hashable, Sendable {
    public var theta: [Double]

    public init(theta: [Double]) { self.theta = theta }
}

import QBankCore

/// What `qbank assemble` was asked for.
public struct AssemblyRequest: Sendable, Equatable {
    public var forms: Int
    public var seed: UInt64
    /// Largest number of scored items any two forms may share.
    public var maxOverlap: Int
    /// Largest number of forms a scored item may appear on. Unscored (pretest) items
    /// appear on one form only, so each collects its own data.
    public var maxExposure: Int
    public var options: SolverOptions

    public init(forms: Int, seed: UInt64, maxOverlap: Int = 0, maxExposure: Int? = nil, options: SolverOptions = SolverOptions()) {
        self.forms = forms
        self.seed = seed
        self.maxOverlap = maxOverlap
        self.maxExposure = maxExposure ?? (maxOverlap == 0 ? 1 : forms)
        self.options = options
    }
}

/// How forms are made parallel, chosen from the blueprint and the statistics the bank has.
public enum ParallelismTarget: Sendable, Equatable {
    /// Maximise the smallest test information at these θ points over the forms (maximin).
    case information([Double])
    /// Keep every form's mean p-value as close as possible to this target (minimax).
    case meanPValue(Double)
    /// No statistics: any feasible forms, varied by the seed.
    case none

    public var name: String {
        switch self {
        case .information: "information"
        case .meanPValue: "mean-p-value"
        case .none: "none"
        }
    }
}

/// A blueprint requirement a model row stands for, so that an elastic slack on it can
/// be explained in the user's words.
public enum Requirement: Sendable, Equatable {
    case domainScored(domain: Int, perForm: Int)
    case domainUnscored(domain: Int, perForm: Int)
    case taskMinimum(task: String, minimum: Int)
    case format(ItemType, CountRange)
    case caseStudies(CountRange)
    case difficulty(DifficultyWindow)
    case overlap(form: Int, maximum: Int)
    case reuseBudget(maximum: Int)
}

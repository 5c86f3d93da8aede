/// What assembly needs from a mixed-integer solver. One adapter per library
/// (`HiGHSSolver` today); assembly logic never names a library.
public protocol MIPSolver: Sendable {
    /// Library and version, e.g. `HiGHS 1.15.1`, for reports.
    var name: String { get }
    /// Solves `model`. `start` is a feasible assignment the solver may use as its first incumbent.
    func solve(_ model: LinearModel, options: SolverOptions, start: [Double]?) -> MIPResult
}

public struct SolverOptions: Sendable, Equatable {
    /// Stop when (best bound − incumbent) / |incumbent| falls below this.
    public var relativeGap: Double
    /// Stop when best bound and incumbent differ by less than this (objectives near 0,
    /// such as a p-value deviation, make the relative gap meaningless).
    public var absoluteGap: Double
    /// Safety valve in seconds. A run that hits it depends on the machine, so reports flag it.
    public var timeLimit: Double
    /// The solver's own random seed (fixed, so runs repeat).
    public var seed: Int
    /// Share of the search spent in primal heuristics (0…1); nil keeps the solver's default.
    /// Deterministic: it changes how work is divided, not when a solve stops.
    public var heuristicEffort: Double?
    /// Stop at the first feasible solution found (for a primal heuristic to improve on).
    public var firstSolution: Bool

    public init(relativeGap: Double = 1e-4, absoluteGap: Double = 1e-4, timeLimit: Double = 60, seed: Int = 0,
                heuristicEffort: Double? = nil, firstSolution: Bool = false) {
        self.firstSolution = firstSolution
        self.relativeGap = relativeGap
        self.absoluteGap = absoluteGap
        self.timeLimit = timeLimit
        self.seed = seed
        self.heuristicEffort = heuristicEffort
    }
}

public struct MIPResult: Sendable {
    public enum Status: String, Sendable {
        /// Proven optimal within the gap tolerance.
        case optimal
        /// A feasible solution, but the time limit stopped the proof.
        case timeLimit = "time-limit"
        /// A feasible solution, returned early because `firstSolution` asked for it.
        case firstSolution = "first-solution"
        case infeasible
        /// The time limit came before any solution: the limit is too short, not the model wrong.
        case noSolutionInTime = "no-solution-in-time"
        /// Anything else the library reports (unbounded, numerical trouble).
        case failed
    }

    public var status: Status
    /// Column values; empty when there is no solution.
    public var values: [Double]
    public var objective: Double
    /// The best proven bound on the objective.
    public var bound: Double
    public var gap: Double
    public var seconds: Double
    public var nodes: Int
    /// The library's own words when `status` is `failed`.
    public var detail: String

    public init(status: Status, values: [Double] = [], objective: Double = .nan, bound: Double = .nan, gap: Double = .nan,
                seconds: Double = 0, nodes: Int = 0, detail: String = "") {
        self.status = status
        self.values = values
        self.objective = objective
        self.bound = bound
        self.gap = gap
        self.seconds = seconds
        self.nodes = nodes
        self.detail = detail
    }

    public var hasSolution: Bool { [.optimal, .timeLimit, .firstSolution].contains(status) && !values.isEmpty }
}

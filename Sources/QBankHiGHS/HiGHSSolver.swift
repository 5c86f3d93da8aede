import QBankAssembly

/// `MIPSolver` over HiGHS (MIT) through its C API. One HiGHS instance per solve, so
/// solves share no state; output is switched off and the seed fixed, so runs repeat.
/// libhighs is opened on first use (`HiGHSLibrary`), so only `assemble` needs it.
public struct HiGHSSolver: MIPSolver {
    public init() {}

    /// Throws what to install when libhighs cannot be opened; `assemble` checks before reading the bank.
    public static func checkAvailable() throws(SolverLibrary.Unavailable) { _ = try HiGHSLibrary.shared.get() }

    public var name: String {
        guard let api = try? HiGHSLibrary.shared.get() else { return "HiGHS (not available)" }
        return "HiGHS \(api.versionMajor()).\(api.versionMinor()).\(api.versionPatch())"
    }

    public func solve(_ model: LinearModel, options: SolverOptions, start: [Double]?) -> MIPResult {
        let api: HiGHSLibrary
        switch HiGHSLibrary.shared {
        case .success(let library): api = library
        case .failure(let unavailable): return MIPResult(status: .failed, detail: unavailable.description)
        }
        guard let highs = api.create() else { return MIPResult(status: .failed, detail: "HiGHS could not create a solver instance") }
        defer { api.destroy(highs) }
        guard api.sizeofHighsInt(highs) == MemoryLayout<HighsInt>.size else {
            return MIPResult(status: .failed, detail: "libhighs uses a \(api.sizeofHighsInt(highs))-byte HighsInt; qbank was built for 4 (run Scripts/setup.sh)")
        }
        _ = api.setBoolOption(highs, "output_flag", 0)
        _ = api.setDoubleOption(highs, "mip_rel_gap", options.relativeGap)
        _ = api.setDoubleOption(highs, "mip_abs_gap", options.absoluteGap)
        _ = api.setDoubleOption(highs, "time_limit", options.timeLimit)
        _ = api.setIntOption(highs, "random_seed", HighsInt(truncatingIfNeeded: options.seed))
        if options.firstSolution { _ = api.setIntOption(highs, "mip_max_improving_sols", 1) }
        if let effort = options.heuristicEffort { _ = api.setDoubleOption(highs, "mip_heuristic_effort", effort) }

        let infinity = api.infinity(highs)
        func clamp(_ v: Double) -> Double { v == .infinity ? infinity : v == -.infinity ? -infinity : v }
        let columns = model.columns, rows = model.rows
        let cost = columns.map(\.cost), lower = columns.map { clamp($0.lower) }, upper = columns.map { clamp($0.upper) }
        let integrality = columns.map { HighsInt($0.isInteger ? 1 : 0) }
        let rowLower = rows.map { clamp($0.lower) }, rowUpper = rows.map { clamp($0.upper) }
        var starts: [HighsInt] = [], index: [HighsInt] = [], value: [Double] = []
        starts.reserveCapacity(rows.count); index.reserveCapacity(model.nonZeros); value.reserveCapacity(model.nonZeros)
        for row in rows {
            starts.append(HighsInt(index.count))
            index.append(contentsOf: row.columns.map { HighsInt($0) })
            value.append(contentsOf: row.coefficients)
        }
        if starts.isEmpty { starts = [0] }
        let sense: HighsInt = model.sense == .minimize ? 1 : -1
        let passed = api.passMip(highs, HighsInt(columns.count), HighsInt(rows.count), HighsInt(index.count), 2, sense, 0,
                                   cost, lower, upper, rowLower, rowUpper, starts, index, value, integrality)
        if passed < 0 { return MIPResult(status: .failed, detail: "HiGHS refused the model (status \(passed))") }
        if let start, start.count == columns.count { _ = api.setSolution(highs, start, nil, nil, nil) }

        let ran = api.run(highs)
        let modelStatus = api.modelStatus(highs)
        var result = MIPResult(status: .failed, seconds: api.runTime(highs))
        var primal: HighsInt = 0
        _ = api.intInfo(highs, "primal_solution_status", &primal)
        var objective = 0.0, bound = 0.0, gap = 0.0, nodes: Int64 = 0
        _ = api.doubleInfo(highs, "objective_function_value", &objective)
        _ = api.doubleInfo(highs, "mip_dual_bound", &bound)
        _ = api.doubleInfo(highs, "mip_gap", &gap)
        _ = api.int64Info(highs, "mip_node_count", &nodes)
        result.objective = objective; result.bound = bound; result.gap = gap; result.nodes = Int(nodes)
        switch modelStatus {
        case 7: result.status = .optimal
        case 8: result.status = .infeasible; return result
        case 13 where primal == 2: result.status = .timeLimit
        case 13: result.status = .noSolutionInTime; return result
        case 16 where primal == 2: result.status = .firstSolution
        default:
            result.detail = "HiGHS run status \(ran), model status \(Self.statusName(modelStatus))"
            return result
        }
        var values = [Double](repeating: 0, count: columns.count)
        _ = api.solution(highs, &values, nil, nil, nil)
        result.values = values
        return result
    }

    private static func statusName(_ status: HighsInt) -> String {
        let names = [0: "not set", 1: "load error", 2: "model error", 3: "presolve error", 4: "solve error", 5: "postsolve error",
                     6: "model empty", 9: "unbounded or infeasible", 10: "unbounded", 13: "time limit without a solution",
                     14: "iteration limit", 15: "unknown", 18: "memory limit"]
        return names[Int(status)] ?? "\(status)"
    }
}

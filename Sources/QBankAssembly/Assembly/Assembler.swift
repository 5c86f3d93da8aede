import QBankCore

/// Shadow-test sequential assembly over any `MIPSolver`: one solve per form, each with a
/// dummy form standing for the forms still to come. Every solution is re-checked row by
/// row (`SolutionCheck`) and every finished set of forms against the blueprint itself
/// (`FormCheck`); an infeasible step is explained through the model's elastic copy.
public struct Assembler: Sendable {
    public let solver: any MIPSolver

    public init(solver: any MIPSolver) { self.solver = solver }

    public func assemble(_ pool: AssemblyPool, _ request: AssemblyRequest) throws(AssemblyError) -> AssemblyOutcome {
        guard request.forms >= 1 else { throw .invalidRequest("--forms takes a number of 1 or more") }
        guard request.maxOverlap >= 0, request.maxExposure >= 1 else {
            throw .invalidRequest("--max-overlap takes 0 or more and --max-exposure 1 or more")
        }
        if !pool.selfEnemies.isEmpty {
            throw .invalidRequest("case studies \(pool.selfEnemies.joined(separator: ", ")) list one of their own items as an enemy; fix the enemies")
        }
        let short = SupplyCheck.shortfalls(pool, request)
        if !short.isEmpty { throw .infeasible(form: 1, forms: request.forms, reasons: short) }
        let target = Self.target(for: pool)
        var state = FormModel.State(used: Array(repeating: 0, count: pool.units.count), previous: [])
        var steps: [StepReport] = []
        for number in 1...request.forms {
            let form = FormModel(pool: pool, request: request, target: target, state: state)
            let result = solver.solve(form.model, options: request.options, start: nil)
            switch result.status {
            case .infeasible:
                throw .infeasible(form: number, forms: request.forms,
                                  reasons: ElasticCopy.explain(form, pool: pool, solver: solver, options: request.options))
            case .failed:
                throw .solverFailed(form: number, detail: result.detail)
            case .optimal, .timeLimit:
                guard result.hasSolution else { throw .solverFailed(form: number, detail: "no solution returned") }
            }
            let values = SolutionCheck.rounded(result.values, in: form.model)
            let broken = SolutionCheck.violations(of: form.model, at: values)
            if !broken.isEmpty { throw .wrongAnswer(form: number, violations: broken) }
            let chosen = form.chosen(values)
            for u in chosen { state.used[u] += 1 }
            state.previous.append(chosen)
            steps.append(StepReport(
                form: number, status: result.status, objective: form.objectiveColumn.map { values[$0] } ?? 0,
                bound: result.bound,
                // Relative gap is meaningless at an objective of 0 (a perfect p-value match): report the absolute one there.
                gap: abs(result.objective) < 1e-3 ? abs(result.bound - result.objective) : result.gap, nodes: result.nodes, columns: form.model.columns.count,
                rows: form.model.rows.count, rowsChecked: form.model.rows.count, seconds: result.seconds))
        }
        let outcome = AssemblyOutcome(pool: pool, request: request, target: target, solver: solver.name,
                                      forms: state.previous, steps: steps)
        let problems = FormCheck.problems(outcome)
        if !problems.isEmpty { throw .wrongAnswer(form: 0, violations: problems) }
        return outcome
    }

    /// Information when the blueprint names ability points; else mean p-value when the
    /// scored pool has p-values (target: the blueprint window's middle, or the pool's mean);
    /// else none.
    public static func target(for pool: AssemblyPool) -> ParallelismTarget {
        let c = pool.blueprint.constraints
        if let information = c.information { return .information(information.theta) }
        let ps = pool.units.flatMap { unit in zip(unit.items, unit.slots).compactMap { $0.1 == .scored ? $0.0.stats?.pValue : nil } }
        guard !ps.isEmpty else { return .none }
        if let window = c.difficulty { return .meanPValue(window.target) }
        let mean = ps.reduce(0, +) / Double(ps.count)
        return .meanPValue((mean * 1000).rounded() / 1000)
    }
}

public enum AssemblyError: Error, Sendable {
    case invalidRequest(String)
    /// Form `form` of `forms` cannot be built; the reasons are in the blueprint's terms.
    case infeasible(form: Int, forms: Int, reasons: [String])
    case solverFailed(form: Int, detail: String)
    /// The solver's answer broke the model or the blueprint: a solver bug, never shipped.
    case wrongAnswer(form: Int, violations: [String])
}

/// What one solve did, for the assembly report.
public struct StepReport: Sendable {
    public var form: Int
    public var status: MIPResult.Status
    /// y (smallest information) or δ (p-value deviation, summed over the form's items).
    public var objective: Double
    public var bound: Double
    /// Relative gap; absolute when the objective is (nearly) 0.
    public var gap: Double
    public var nodes: Int
    public var columns: Int
    public var rows: Int
    public var rowsChecked: Int
    /// Wall time; kept out of the byte-identical outputs.
    public var seconds: Double
}

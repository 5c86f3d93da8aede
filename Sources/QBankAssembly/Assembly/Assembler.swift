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
        var candidates = Prefilter.candidates(pool, request, target)
        var state = FormModel.State(used: Array(repeating: 0, count: pool.units.count), previous: [])
        var steps: [StepReport] = []
        var goal = FormModel.InformationGoal.maximin, boundStep: StepReport?
        // Units the tracking steps choose from: the shadow test's plan, widened to all
        // candidates for the rest of the run the first time a step cannot be built from it, or
        // cannot come within the tolerance of the target from it (on the benchmark with
        // --max-overlap 0, the last form's plan left it 3.1% off; the candidates, 0.1%).
        var plan: [Bool]?
        var options = request.options
        if case .information = target {
            let shadow = try shadowTest(pool, request, target, candidates, state: state)
            boundStep = shadow.step
            plan = shadow.plan
            if !shadow.narrowed { candidates = nil }
            // Aim a little below the share: integral forms made one at a time cannot use the pool
            // as fully as the relaxed shadow test, and without the margin that loss falls on the last forms.
            goal = .track(shadow.share.map { $0 * (1 - Self.targetMargin) })
            options.absoluteGap = max(options.absoluteGap, Self.trackingTolerance, 0.2 / Double(max(pool.blueprint.form.scored, 1)))
            options.heuristicEffort = options.heuristicEffort ?? Self.trackingHeuristicEffort
        }
        for number in 1...request.forms {
            func attempt(_ units: [Bool]?, explain: Bool) throws(AssemblyError) -> (FormModel, [Double], StepReport)? {
                let form = FormModel(pool: pool, request: request, target: target, state: state, goal: goal, candidates: units)
                guard case .track(let targets) = goal, case .information(let thetas) = target else {
                    return try solve(form, number: number, forms: request.forms, pool: pool, options: options, explain: explain)
                        .map { (form, $0.0, $0.1) }
                }
                // A quick start (the neighbourhood's first form), then a searched one; the first proven
                // within the gap is the step's answer, else the solver starts from the searched one.
                var spent = 0.0, start: (values: [Double], seconds: Double, limited: Bool)?
                for quick in [true, false] {
                    start = trackingStart(form, pool: pool, request: request, state: state, thetas: thetas, targets: targets,
                                          options: options, quick: quick)
                    spent += start?.seconds ?? 0
                    if let start, !start.limited,
                       var step = Self.provenStart(start.values, of: form, pool: pool, number: number,
                                                   gap: quick ? options.absoluteGap * Self.quickStartShare : options.absoluteGap) {
                        step.seconds = spent
                        return (form, SolutionCheck.rounded(start.values, in: form.model), step)
                    }
                }
                start?.seconds = spent
                guard let (values, step) = try solve(form, number: number, forms: request.forms, pool: pool, options: options,
                                                     tracking: true, explain: explain, start: start?.values) else { return nil }
                var timed = step
                timed.seconds += start?.seconds ?? 0
                // A start cut short by the time limit depends on the machine: say so, like any limited solve.
                if start?.limited == true, timed.status == .optimal { timed.status = .timeLimit }
                return (form, values, timed)
            }
            // Narrowest first: the plan, the pre-filtered candidates, the whole bank; only a step the
            // whole bank cannot build is explained as infeasible.
            var made = try attempt(plan ?? candidates, explain: plan == nil && candidates == nil)
            if plan != nil, made.map({ $0.2.bound > options.absoluteGap }) ?? true {
                plan = nil
                let wider = try attempt(candidates, explain: made == nil && candidates == nil)
                if let wider, made.map({ wider.2.objective < $0.2.objective }) ?? true { made = wider }
            }
            if made == nil, candidates != nil {
                candidates = nil
                made = try attempt(nil, explain: true)
            }
            guard let (form, values, step) = made else { throw .solverFailed(form: number, detail: "no solution returned") }
            let chosen = form.chosen(values)
            for u in chosen { state.used[u] += 1 }
            state.previous.append(chosen)
            steps.append(step)
        }
        let outcome = AssemblyOutcome(pool: pool, request: request, target: target, solver: solver.name,
                                      forms: state.previous, steps: steps, boundStep: boundStep)
        let problems = FormCheck.problems(outcome)
        if !problems.isEmpty { throw .wrongAnswer(form: 0, violations: problems) }
        return outcome
    }

    /// How far (δ, relative) above its proven bound a form's deviation from the common
    /// information target may stay when a solve stops (an absolute gap on δ). Measured on the
    /// benchmark: 0.4% → 13 s, largest deviation between forms 0.24%; 0.2% → 31–40 s (starts
    /// that missed by a hair sent 2–3 steps into 5–18 s searches), 0.19–0.22%. Short forms get a fifth of one item's share
    /// (0.2 / scored items, the same 0.4% at 50), since one item there moves δ by several percent.
    public static let trackingTolerance = 0.004

    /// HiGHS's share of work in primal heuristics for the tracking solves (its default is 0.05).
    /// Their bound is ~0 from the root on, so a solve ends as soon as some form is within the
    /// tolerance of the target. Before the solves had starts, finding one was the whole job and
    /// this mattered (benchmark: 0.05 → 148–151 s, 0.3 → 99–110 s); with starts it matters
    /// only for a start that misses (0.05 → 10.5 s, 0.3 → 9.4 s, the same forms).
    public static let trackingHeuristicEffort = 0.3

    /// How far below the shadow test's per-form share the common target is set, so the last
    /// forms can still reach it from what the earlier ones leave. Measured on the benchmark
    /// (weakest form below the bound; the last form's proven bound on its deviation): 0 →
    /// 0.55%, 0.14%; 0.1% → 0.41%, 0.06%; 0.2% → 0.48%, none (every form can reach the target);
    /// 0.3% → 0.51%; 0.5% → 0.68%.
    public static let targetMargin = 0.002

    /// The share of the tolerance a quick start (the neighbourhood's first form after exchanges)
    /// must come within to be taken; one further off goes on to the searched start, whose forms
    /// track the target more closely.
    public static let quickStartShare = 0.5

    /// Solves one step and re-checks its answer; `number` 0 is the shadow test for all forms.
    private func solve(_ form: FormModel, number: Int, forms: Int, pool: AssemblyPool,
                       options: SolverOptions, tracking: Bool = false, explain: Bool = true, start: [Double]? = nil) throws(AssemblyError) -> ([Double], StepReport)? {
        let result = solver.solve(form.model, options: options, start: start)
        let reported = max(number, 1)
        switch result.status {
        case .infeasible:
            if !explain { return nil }
            guard let reasons = ElasticCopy.explain(form, pool: pool, solver: solver, options: options) else {
                throw .noSolutionInTime(form: reported, seconds: options.timeLimit)
            }
            throw .infeasible(form: reported, forms: forms, reasons: reasons)
        case .noSolutionInTime:
            throw .noSolutionInTime(form: reported, seconds: options.timeLimit)
        case .failed:
            throw .solverFailed(form: reported, detail: result.detail)
        case .optimal, .timeLimit, .firstSolution:
            guard result.hasSolution else { throw .solverFailed(form: reported, detail: "no solution returned") }
        }
        let values = SolutionCheck.rounded(result.values, in: form.model)
        let broken = SolutionCheck.violations(of: form.model, at: values)
        if !broken.isEmpty { throw .wrongAnswer(form: reported, violations: broken) }
        let step = StepReport(
            form: number, status: result.status, objective: form.objectiveColumn.map { values[$0] } ?? 0,
            bound: result.bound,
            // Relative gap is meaningless at an objective near 0 (a perfect p-value match) and for δ, a fraction already: report the absolute one there.
            gap: abs(result.objective) < 1e-3 || tracking ? abs(result.bound - result.objective) : result.gap,
            nodes: result.nodes, columns: form.model.columns.count,
            rows: form.model.rows.count, rowsChecked: form.model.rows.count, seconds: result.seconds)
        return (values, step)
    }

    /// The shadow test for all forms as an LP: its optimum, on the whole bank, is the proven
    /// upper bound on every form's maximin value; on the candidates, its per-form share of
    /// information is the common target all forms track and the units it uses are the plan
    /// the tracking steps choose from. Measured on the benchmark: the shadow test as a MIP took
    /// 11–17 s for a target 0.03% lower; the LP takes 0.1 s, the whole-bank LP 0.5 s.
    /// The whole bank is solved first, so an infeasible blueprint is explained with every item
    /// counted; when only the pre-filter's candidates fall short, `narrowed` is false and the
    /// whole bank's LP sets the target and the plan.
    private func shadowTest(_ pool: AssemblyPool, _ request: AssemblyRequest, _ target: ParallelismTarget, _ candidates: [Bool]?,
                            state: FormModel.State) throws(AssemblyError) -> (step: StepReport, share: [Double], plan: [Bool], narrowed: Bool) {
        guard case .information(let thetas) = target else { preconditionFailure("the shadow test tracks information") }
        func relaxation(_ model: FormModel, explain: Bool) throws(AssemblyError) -> MIPResult? {
            let result = solver.solve(model.model.relaxed, options: request.options, start: nil)
            if result.status == .noSolutionInTime { throw .noSolutionInTime(form: 1, seconds: request.options.timeLimit) }
            if result.status == .infeasible {
                guard explain else { return nil }
                guard let reasons = ElasticCopy.explain(model, pool: pool, solver: solver, options: request.options) else {
                    throw .noSolutionInTime(form: 1, seconds: request.options.timeLimit)
                }
                throw .infeasible(form: 1, forms: request.forms, reasons: reasons)
            }
            guard result.status == .optimal, !result.values.isEmpty else {
                throw .solverFailed(form: 1, detail: "the shadow test's LP relaxation: \(result.status.rawValue) \(result.detail)")
            }
            let broken = SolutionCheck.violations(of: model.model.relaxed, at: result.values)
            if !broken.isEmpty { throw .wrongAnswer(form: 0, violations: broken) }
            return result
        }
        let whole = FormModel(pool: pool, request: request, target: target, state: state, goal: .maximin)
        guard let wholeLP = try relaxation(whole, explain: true) else { preconditionFailure("explained above") }
        var shadow = whole, lp = wholeLP, narrowed = false, seconds = wholeLP.seconds
        if candidates != nil {
            let model = FormModel(pool: pool, request: request, target: target, state: state, goal: .maximin, candidates: candidates)
            if let result = try relaxation(model, explain: false) {
                (shadow, lp, narrowed) = (model, result, true)
                seconds += result.seconds
            }
        }
        let bound = max(lp.objective, wholeLP.objective)
        let step = StepReport(form: 0, status: .optimal, objective: lp.objective, bound: bound,
                              gap: (bound - lp.objective) / max(bound, 1e-9), nodes: 0,
                              columns: shadow.model.columns.count, rows: shadow.model.rows.count, rowsChecked: shadow.model.rows.count,
                              seconds: seconds)
        return (step, shadow.share(lp.values, pool: pool, thetas: thetas, forms: request.forms),
                shadow.plan(lp.values, within: narrowed ? candidates : nil, pool: pool), narrowed)
    }

    /// A start for a tracking step: a first form, brought close to the targets by `SwapSearch`,
    /// with the dummy and the rest completed by the LP that is left once the form's columns are
    /// fixed. Nil when any part fails (the solve then starts cold). Measured on the benchmark
    /// (whole run): 99–110 s without starts; 17 s with the solver's first feasible form as the
    /// first form (3 of 10 steps still solved cold, their dummy short after the exchanges);
    /// 13 s with the LP-guided first form, where every start landed within the tolerance.
    private func trackingStart(_ form: FormModel, pool: AssemblyPool, request: AssemblyRequest, state: FormModel.State,
                               thetas: [Double], targets: [Double], options: SolverOptions, quick: Bool) -> (values: [Double], seconds: Double, limited: Bool)? {
        var seconds = 0.0, limited = false
        func run(_ model: LinearModel, _ options: SolverOptions) -> MIPResult {
            let result = solver.solve(model, options: options, start: nil)
            seconds += result.seconds
            return result
        }
        // The first form: the LP relaxation's whole columns fixed and the few fractional ones
        // left to a small MIP (a relaxation-induced neighbourhood, so the form suits the dummy
        // the LP planned), else the solver's first feasible form of the whole step.
        var found = MIPResult(status: .failed)
        let relaxed = run(form.model.relaxed, options)
        if relaxed.status == .optimal, !relaxed.values.isEmpty {
            var whole: [Int: Double] = [:]
            for x in form.formColumn.values where abs(relaxed.values[x] - relaxed.values[x].rounded()) < 1e-6 { whole[x] = relaxed.values[x].rounded() }
            var neighbourhood = options
            neighbourhood.firstSolution = quick
            found = run(form.model.fixing(whole), neighbourhood)
            if found.status == .infeasible {
                // Wider: only the units the LP leaves out stay out.
                found = run(form.model.fixing(whole.filter { $0.value == 0 }), neighbourhood)
            }
            limited = found.status == .timeLimit
        }
        if !found.hasSolution {
            var first = options
            first.firstSolution = true
            found = run(form.model, first)
        }
        guard found.hasSolution else { return nil }
        let search = SwapSearch(pool: pool, request: request, state: state, allowed: Set(form.formColumn.keys), thetas: thetas, targets: targets)
        let chosen = Set(search.improve(form.chosen(SolutionCheck.rounded(found.values, in: form.model)), until: options.absoluteGap / 4).units)
        let fixed = Dictionary(uniqueKeysWithValues: form.formColumn.map { ($0.value, chosen.contains($0.key) ? 1.0 : 0.0) })
        let completed = run(form.model.fixing(fixed).relaxed, options)
        guard completed.status == .optimal, !completed.values.isEmpty else { return nil }
        return (completed.values, seconds, limited)
    }

    /// A tracking step's start as the step's answer, when it is feasible and already proven within
    /// the absolute gap without a solve: δ ≥ 0, and the only other costs are the units' seeded
    /// tie-breaks. A unit with an item in a blueprint domain fills a place of the domain rows, which
    /// sum to `places`, so at most that many of those units are chosen and their tie-breaks cost at
    /// least the `places` most negative ones; any other unit may cost its own. The solver, given
    /// the start, proved no better bound (HiGHS: the same −0.006% on every benchmark step).
    static func provenStart(_ start: [Double], of form: FormModel, pool: AssemblyPool, number: Int, gap: Double) -> StepReport? {
        guard form.model.sense == .minimize, let objectiveColumn = form.objectiveColumn,
              form.model.columns[objectiveColumn].lower >= 0 else { return nil }
        let values = SolutionCheck.rounded(start, in: form.model)
        guard SolutionCheck.violations(of: form.model, at: values).isEmpty else { return nil }
        let unitColumns = Set(form.formColumn.values)
        // Every column but δ and the units' x (d, p) costs nothing.
        guard form.model.columns.indices.allSatisfy({ $0 == objectiveColumn || unitColumns.contains($0) || form.model.columns[$0].cost == 0 })
        else { return nil }
        let bp = pool.blueprint, domains = Set(bp.domains.map(\.id))
        let places = bp.domains.reduce(0) { $0 + (bp.scoredCounts[$1.id] ?? 0) + (bp.unscoredCounts[$1.id] ?? 0) }
        var bound = 0.0, placed: [Double] = []
        for u in form.formColumn.keys.sorted() {
            let cost = min(0, form.model.columns[form.formColumn[u]!].cost)
            if pool.units[u].items.contains(where: { domains.contains($0.domain) }) { placed.append(cost) } else { bound += cost }
        }
        bound += placed.sorted().prefix(places).reduce(0, +)
        let objective = form.model.objective(at: values)
        guard objective - bound <= gap else { return nil }
        return StepReport(form: number, status: .optimal, objective: values[objectiveColumn], bound: bound, gap: objective - bound, nodes: 0,
                          columns: form.model.columns.count, rows: form.model.rows.count, rowsChecked: form.model.rows.count, seconds: 0)
    }

    /// Information when the blueprint names ability points; else mean p-value when the
    /// scored pool has p-values (target: the blueprint window's middle, or the pool's mean);
    /// else none.
    /// A blueprint that names ability points in a bank whose scored items carry no IRT
    /// parameters falls back to the p-value target (information would be 0 everywhere).
    public static func target(for pool: AssemblyPool) -> ParallelismTarget {
        let c = pool.blueprint.constraints
        if let information = c.information, pool.hasInformation { return .information(information.theta) }
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
    /// The time limit per solve came before any solution for form `form`.
    case noSolutionInTime(form: Int, seconds: Double)
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

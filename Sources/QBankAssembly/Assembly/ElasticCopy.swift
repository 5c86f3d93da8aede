import QBankCore

/// The elastic copy of a model that has no solution: one non-negative slack per
/// blueprint row (two for a ranged row), minimising total slack. Hard rows (enemies,
/// item use) stay, and all of them hold at x = 0, so the copy always has a solution;
/// the rows that still need slack are the requirements the bank cannot meet.
enum ElasticCopy {
    /// The requirements the bank cannot meet, or nil when the copy ran out of time: the copy always has a
    /// solution, so then the time limit, not the bank, is what stopped the solver (CBC, given almost no
    /// time, can call a model it never explored infeasible).
    static func explain(_ form: FormModel, pool: AssemblyPool, solver: any MIPSolver, options: SolverOptions) -> [String]? {
        var model = LinearModel(sense: .minimize)
        for column in form.model.columns {
            model.addColumn(column.name, lower: column.lower, upper: column.upper, cost: 0, integer: column.isInteger)
        }
        var slackOf: [Int: [(column: Int, sign: Double)]] = [:]
        for (index, row) in form.model.rows.enumerated() {
            var terms = Array(zip(row.columns, row.coefficients))
            if row.isElastic {
                if row.lower.isFinite {
                    let s = model.addColumn("below \(row.name)", upper: .infinity, cost: 1, integer: false)
                    terms.append((s, 1)); slackOf[index, default: []].append((s, 1))
                }
                if row.upper.isFinite {
                    let s = model.addColumn("above \(row.name)", upper: .infinity, cost: 1, integer: false)
                    terms.append((s, -1)); slackOf[index, default: []].append((s, -1))
                }
            }
            model.addRow(row.name, terms, lower: row.lower, upper: row.upper)
        }
        let result = solver.solve(model, options: options, start: nil)
        guard result.hasSolution else {
            if result.status == .noSolutionInTime { return nil }
            return ["the solver could not analyse the infeasible model (\(result.status.rawValue)\(result.detail.isEmpty ? "" : ": " + result.detail))"]
        }
        // A requirement has a row for this form and one for the dummy (the forms still to
        // come); an infeasible requirement is reported once, over all of those forms.
        var broken: [(requirement: Requirement, forms: Int, reached: Double)] = []
        for index in form.model.rows.indices {
            guard let slacks = slackOf[index], let (requirement, _) = form.requirements[index] else { continue }
            let shift = slacks.reduce(0.0) { $0 + result.values[$1.column] * $1.sign }
            guard abs(shift) > 1e-6, !broken.contains(where: { $0.requirement == requirement }) else { continue }
            var forms = 0, reached = 0.0
            for (other, entry) in form.requirements where entry.0 == requirement {
                forms += entry.forms
                reached += form.model.activity(of: other, at: result.values)
            }
            broken.append((requirement, forms, reached))
        }
        let reasons = broken.map { describe($0.requirement, forms: $0.forms, reached: $0.reached, pool: pool, form: form) }
        return reasons.isEmpty ? ["the enemy and item-use rules leave no way to fill a form"] : reasons
    }

    private static func describe(_ requirement: Requirement, forms: Int, reached: Double, pool: AssemblyPool, form: FormModel) -> String {
        let scope = forms == 1 ? "per form" : "for \(forms) forms"
        func need(_ perForm: Int) -> String {
            forms == 1 ? "\(perForm) needed per form" : "\(perForm * forms) needed for \(forms) forms (\(perForm) per form)"
        }
        func available(_ slot: AssemblyPool.Slot, _ predicate: (Item) -> Bool) -> Int {
            form.formColumn.keys.reduce(0) { sum, u in
                sum + (slot == .scored ? pool.scoredCount(pool.units[u], where: predicate) : pool.unscoredCount(pool.units[u], where: predicate))
            }
        }
        let got = Int(reached.rounded())
        switch requirement {
        case .domainScored(let domain, let perForm):
            return "domain \(domain) has \(available(.scored) { $0.domain == domain }) operational or approved items that can be used; \(need(perForm))"
                + (got < perForm * forms ? "; with the other constraints at most \(got) fit" : "")
        case .domainUnscored(let domain, let perForm):
            return "domain \(domain) has \(available(.unscored) { $0.domain == domain }) pretest items that can be used; \(need(perForm))"
                + (got < perForm * forms ? "; with the other constraints at most \(got) fit" : "")
        case .taskMinimum(let task, let minimum):
            return "task \(task) has \(available(.scored) { $0.task == task }) operational or approved items that can be used; at least \(need(minimum))"
        case .format(let type, let range):
            return "format \(type.rawValue): the blueprint asks for \(rangeText(range)) scored items \(scope); the closest the bank allows is \(got)"
                + " (\(available(.scored) { $0.type == type }) \(type.rawValue) items can be used)"
        case .caseStudies(let range):
            let cases = form.formColumn.keys.filter { pool.units[$0].caseStudy != nil }.count
            return "case studies: the blueprint asks for \(rangeText(range)) \(scope); the closest the bank allows is \(got) (\(cases) case studies can be used)"
        case .difficulty(let window):
            return "difficulty: the mean p-value of the scored items must lie in [\(window.minMeanP), \(window.maxMeanP)], which the available items with p-values cannot reach together with the other constraints"
        case .overlap(let other, let maximum):
            return "overlap: this form would share more than \(maximum) scored items with form \(other); raise --max-overlap or add items"
        case .reuseBudget(let maximum):
            return "overlap: \(forms) forms cannot be filled with at most \(maximum) shared scored items between any two; raise --max-overlap or --max-exposure, or add items"
        }
    }

    private static func rangeText(_ range: CountRange) -> String {
        switch (range.min, range.max) {
        case let (low?, high?): low == high ? "exactly \(low)" : "\(low)–\(high)"
        case let (low?, nil): "at least \(low)"
        case let (nil, high?): "at most \(high)"
        default: "any number of"
        }
    }
}

import QBankCore

/// Counts before any solve: when the bank plainly lacks the items N forms need, say so
/// the way `qbank balance` does ("domain 3 has 9 operational or approved items; 33
/// needed for 3 forms (11 per form)") instead of asking the solver.
enum SupplyCheck {
    static func shortfalls(_ pool: AssemblyPool, _ request: AssemblyRequest) -> [String] {
        let bp = pool.blueprint, forms = request.forms, reuse = request.maxExposure
        func need(_ perForm: Int) -> String {
            forms == 1 ? "\(perForm) needed per form" : "\(perForm * forms) needed for \(forms) forms (\(perForm) per form)"
        }
        func supply(_ slot: AssemblyPool.Slot, _ predicate: (Item) -> Bool) -> Int {
            pool.units.reduce(0) { sum, unit in
                sum + (slot == .scored ? pool.scoredCount(unit, where: predicate) : pool.unscoredCount(unit, where: predicate))
            }
        }
        let exposure = reuse > 1 ? " (each on up to \(reuse) forms)" : ""
        var found: [String] = []
        for domain in bp.domains {
            let scored = bp.scoredCounts[domain.id] ?? 0, unscored = bp.unscoredCounts[domain.id] ?? 0
            let haveScored = supply(.scored) { $0.domain == domain.id }, havePretest = supply(.unscored) { $0.domain == domain.id }
            if haveScored * reuse < scored * forms {
                found.append("domain \(domain.id) has \(haveScored) operational or approved items\(exposure); \(need(scored))")
            }
            if havePretest < unscored * forms {
                found.append("domain \(domain.id) has \(havePretest) pretest items; \(need(unscored))")
            }
        }
        let c = bp.constraints
        if let minimum = c.minScoredPerTask, minimum > 0 {
            for task in bp.domains.flatMap(\.tasks) {
                let have = supply(.scored) { $0.task == task.id }
                if have * reuse < minimum * forms {
                    found.append("task \(task.id) has \(have) operational or approved items\(exposure); at least \(need(minimum))")
                }
            }
        }
        for type in ItemType.allCases {
            guard let minimum = c.formats[type]?.min, minimum > 0 else { continue }
            let have = supply(.scored) { $0.type == type }
            if have * reuse < minimum * forms {
                found.append("format \(type.rawValue) has \(have) operational or approved items\(exposure); at least \(need(minimum))")
            }
        }
        if let minimum = c.caseStudies?.min, minimum > 0 {
            let have = pool.units.filter { $0.caseStudy != nil }.count
            if have * reuse < minimum * forms { found.append("the bank has \(have) usable case studies; at least \(need(minimum))") }
        }
        return found
    }
}

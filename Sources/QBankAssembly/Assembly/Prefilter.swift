import QBankCore

/// Narrows a large bank to the units an information-optimal plan can plausibly use, before
/// any model is built, so that each solve stays small. Kept: every case study; for each
/// domain and ability point the `depth` × (items all forms need from the domain) most
/// informative stand-alone scored items; for each domain, task and format the 2 × forms best
/// by weighted information (so task and format minimums keep their supply); and, of the
/// pretest items of a domain, as many as all forms need plus those with enemies (pretest
/// items carry no information and are interchangeable).
///
/// This is a heuristic: the bound the assembly reports is therefore proven on the whole
/// bank (the shadow test's LP relaxation without the filter), never on the narrowed model.
/// Used for the information target without a p-value window only.
enum Prefilter {
    /// Measured on the benchmark (10,000 items, 10 forms): at 1.5 the narrowed shadow test's LP
    /// reaches the whole bank's bound (52.334 both), with 2.4× fewer columns.
    static let depth = 1.5

    static func candidates(_ pool: AssemblyPool, _ request: AssemblyRequest, _ target: ParallelismTarget) -> [Bool]? {
        guard case .information(let thetas) = target, pool.blueprint.constraints.difficulty == nil else { return nil }
        let bp = pool.blueprint, forms = request.forms, shape = pool.informationShape(thetas)
        var hasEnemy = Array(repeating: false, count: pool.units.count)
        for (a, b) in pool.enemyPairs { hasEnemy[a] = true; hasEnemy[b] = true }
        var keep = Array(repeating: false, count: pool.units.count)
        var scored: [Int: [Int]] = [:], pretest: [Int: [Int]] = [:]
        struct Key: Hashable { var domain: Int; var task: String; var type: ItemType }
        var classes: [Key: [Int]] = [:]
        for (u, unit) in pool.units.enumerated() {
            guard unit.caseStudy == nil, unit.items.count == 1 else { keep[u] = true; continue }
            let item = unit.items[0]
            if unit.slots[0] == .scored {
                scored[item.domain, default: []].append(u)
                classes[Key(domain: item.domain, task: item.task, type: item.type), default: []].append(u)
            } else {
                pretest[item.domain, default: []].append(u)
            }
        }
        let info = pool.units.map { unit in thetas.map { FormModel.information(unit, at: $0) } }
        // Ties go to the earlier unit, so the selection is the same on every run.
        func best(_ members: [Int], _ count: Int, by score: (Int) -> Double) -> ArraySlice<Int> {
            members.sorted { score($0) != score($1) ? score($0) > score($1) : $0 < $1 }.prefix(count)
        }
        for (domain, members) in scored {
            let count = Int((depth * Double(forms * (bp.scoredCounts[domain] ?? 0))).rounded(.up))
            for k in thetas.indices { for u in best(members, count, by: { info[$0][k] }) { keep[u] = true } }
        }
        for (_, members) in classes {
            for u in best(members, 2 * forms, by: { u in thetas.indices.reduce(0) { $0 + info[u][$1] / shape[$1] } }) { keep[u] = true }
        }
        for (domain, members) in pretest {
            let free = members.filter { !hasEnemy[$0] }
            for u in free.prefix(forms * (bp.unscoredCounts[domain] ?? 0)) { keep[u] = true }
            for u in members where hasEnemy[u] { keep[u] = true }
        }
        return keep
    }
}

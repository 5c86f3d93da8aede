import QBankCore

/// Checks assembled forms against the blueprint and the request directly, independent
/// of the model that produced them: a second line of defence against a wrong model or
/// a wrong solver answer.
enum FormCheck {
    static func problems(_ outcome: AssemblyOutcome) -> [String] {
        let bp = outcome.pool.blueprint, request = outcome.request
        var found: [String] = []
        var uses: [String: Int] = [:]
        for f in outcome.forms.indices {
            let items = outcome.items(of: f)
            let name = "form \(f + 1)"
            if items.count != bp.form.length { found.append("\(name) has \(items.count) items, not \(bp.form.length)") }
            for domain in bp.domains {
                let scored = items.filter { $0.slot == .scored && $0.item.domain == domain.id }.count
                let unscored = items.filter { $0.slot == .unscored && $0.item.domain == domain.id }.count
                if scored != bp.scoredCounts[domain.id] { found.append("\(name): domain \(domain.id) has \(scored) scored items") }
                if unscored != bp.unscoredCounts[domain.id] { found.append("\(name): domain \(domain.id) has \(unscored) unscored items") }
            }
            let ids = Set(items.map(\.item.id))
            for entry in items { for enemy in entry.item.enemies where ids.contains(enemy.id) { found.append("\(name): \(entry.item.id) and its enemy \(enemy.id)") } }
            for entry in items {
                uses[entry.item.id, default: 0] += 1
                let limit = entry.slot == .unscored ? 1 : request.maxExposure
                if uses[entry.item.id]! > limit { found.append("\(entry.item.id) is on more than \(limit) forms") }
            }
            for g in 0..<f where outcome.overlap(g, f) > request.maxOverlap {
                found.append("forms \(g + 1) and \(f + 1) share \(outcome.overlap(g, f)) scored items")
            }
            let c = bp.constraints
            for (type, range) in c.formats {
                let n = items.filter { $0.slot == .scored && $0.item.type == type }.count
                if n < (range.min ?? 0) || n > (range.max ?? .max) { found.append("\(name): \(n) scored \(type.rawValue) items") }
            }
            if let minimum = c.minScoredPerTask {
                for task in bp.domains.flatMap(\.tasks) {
                    let n = items.filter { $0.slot == .scored && $0.item.task == task.id }.count
                    if n < minimum { found.append("\(name): task \(task.id) has \(n) scored items") }
                }
            }
            if let range = c.caseStudies {
                let n = outcome.forms[f].filter { outcome.pool.units[$0].caseStudy != nil }.count
                if n < (range.min ?? 0) || n > (range.max ?? .max) { found.append("\(name): \(n) case studies") }
            }
            if let window = c.difficulty, let mean = outcome.meanPValue(of: f),
               mean < window.minMeanP - 1e-9 || mean > window.maxMeanP + 1e-9 {
                found.append("\(name): mean p-value \(mean)")
            }
        }
        return found
    }
}

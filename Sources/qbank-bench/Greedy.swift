import Foundation
import QBankAssembly
import QBankCore

/// The baseline a hand-built spreadsheet approximates: fill the forms round robin, always
/// serving the form that is weakest right now with the most informative item (at that
/// form's weakest θ) that still fits its domain and format quotas, enemies and reuse.
/// Stand-alone items only. It proves nothing and can break task minimums.
enum Greedy {
    struct Result { var seconds: Double; var weakest: Double; var deviation: Double; var problems: [String] }

    static func run(_ pool: AssemblyPool, forms: Int, thetas: [Double]) -> Result {
        let start = Date()
        let bp = pool.blueprint, scoredNeed = bp.scoredCounts, unscoredNeed = bp.unscoredCounts
        let singles = pool.units.indices.filter { pool.units[$0].caseStudy == nil }
        var enemies: [Int: Set<Int>] = [:]
        for (a, b) in pool.enemyPairs { enemies[a, default: []].insert(b); enemies[b, default: []].insert(a) }
        let info = pool.units.map { unit in thetas.map { AssemblyPool.information(unit.items[0], at: $0) } }
        var used = Set<Int>(), chosen = Array(repeating: [Int](), count: forms)
        var tif = Array(repeating: Array(repeating: 0.0, count: thetas.count), count: forms)
        var domainLeft = Array(repeating: scoredNeed, count: forms)
        var typeCount = Array(repeating: [ItemType: Int](), count: forms)
        var sorted: [[Int]] = thetas.indices.map { k in singles.filter { pool.units[$0].slots[0] == .scored }.sorted { info[$0][k] > info[$1][k] } }
        while true {
            let open = (0..<forms).filter { chosen[$0].count < bp.form.scored }
            guard let f = open.min(by: { tif[$0].min()! < tif[$1].min()! }) else { break }
            let k = tif[f].indices.min { tif[f][$0] < tif[f][$1] }!
            let pick = sorted[k].first { u in
                let item = pool.units[u].items[0]
                guard !used.contains(u), (domainLeft[f][item.domain] ?? 0) > 0 else { return false }
                if let max = bp.constraints.formats[item.type]?.max, typeCount[f][item.type, default: 0] >= max { return false }
                return enemies[u].map { $0.isDisjoint(with: chosen[f]) } ?? true
            }
            guard let u = pick else { break }
            used.insert(u); chosen[f].append(u)
            let item = pool.units[u].items[0]
            domainLeft[f][item.domain]! -= 1
            typeCount[f][item.type, default: 0] += 1
            for j in thetas.indices { tif[f][j] += info[u][j] }
            sorted[k].removeAll { $0 == u }
        }
        // Unscored slots: any unused pretest items of the right domain.
        var pretestUsed = Set<Int>()
        for f in 0..<forms {
            var left = unscoredNeed
            for u in singles where pool.units[u].slots[0] == .unscored && !pretestUsed.contains(u) {
                let d = pool.units[u].items[0].domain
                if (left[d] ?? 0) > 0 { left[d]! -= 1; pretestUsed.insert(u); chosen[f].append(u) }
            }
        }
        let seconds = Date().timeIntervalSince(start)
        var problems: [String] = []
        for f in 0..<forms {
            let items = chosen[f].map { pool.units[$0].items[0] }
            if items.count != bp.form.length { problems.append("form \(f + 1) has \(items.count) items") }
            for (type, range) in bp.constraints.formats {
                let n = chosen[f].filter { pool.units[$0].slots[0] == .scored && pool.units[$0].items[0].type == type }.count
                if n < (range.min ?? 0) { problems.append("form \(f + 1) has \(n) \(type.rawValue) items") }
            }
            if let minimum = bp.constraints.minScoredPerTask {
                for task in bp.domains.flatMap(\.tasks) where items.filter({ $0.task == task.id && $0.status != .pretest }).count < minimum {
                    problems.append("form \(f + 1) misses task \(task.id)")
                }
            }
        }
        let means = thetas.indices.map { k in tif.map { $0[k] }.reduce(0, +) / Double(forms) }
        var deviation = 0.0
        for row in tif { for k in thetas.indices { deviation = max(deviation, abs(row[k] - means[k]) / means[k]) } }
        return Result(seconds: seconds, weakest: tif.flatMap { $0 }.min() ?? 0, deviation: deviation, problems: problems)
    }
}

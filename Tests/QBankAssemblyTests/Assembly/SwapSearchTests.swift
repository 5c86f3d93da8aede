@testable import QBankAssembly
import QBankCore
import Testing

/// The primal heuristic behind the tracking solves' starts: exchanges within a domain, task
/// and format class bring the form towards the targets and never break what they check.
@Suite struct SwapSearchTests {
    /// 2 domains × 2 tasks of scored single items with distinct 3PL parameters; with `enemies`,
    /// items 8–15 of every 16 are enemies of the 8 before them (same domain, task and format).
    static func pool(enemies: Bool = false) -> AssemblyPool {
        let blueprint = Blueprint(
            exam: "SWAP-01", form: FormSpec(length: 8, scored: 8, unscored: 0),
            domains: (1...2).map { d in
                BlueprintDomain(id: d, name: "D\(d)", weight: 50, tasks: (1...2).map { TaskStatement(id: "\(d).\($0)", name: "T") })
            },
            constraints: FormConstraints(information: InformationTarget(theta: [-0.5, 0, 0.5])))
        let items = (0..<80).map { n in
            let domain = n % 2 + 1, a = 0.6 + Double(n * 37 % 100) / 70, b = Double(n * 53 % 97) / 48 - 1
            return Item(id: String(format: "i%03d", n), domain: domain, task: "\(domain).\(n / 2 % 2 + 1)", status: .operational, stem: "Stem",
                        body: .choice(ChoiceBody(options: ["a", "b"].map { Option(id: $0, text: Text($0), isCorrect: $0 == "a") })),
                        enemies: enemies && n % 16 >= 8 ? [EnemyReference(String(format: "i%03d", n - 8))] : [],
                        stats: ItemStats(pValue: 0.6, irtA: a, irtB: b, irtC: 0.2))
        }
        return AssemblyPool(bank: Bank(files: [BankFile(path: "swap.json", items: items)], blueprint: blueprint), blueprint: blueprint)
    }

    static let thetas = [-0.5, 0.0, 0.5]

    static func information(_ form: [Int], _ pool: AssemblyPool) -> [Double] {
        thetas.map { theta in form.reduce(0) { $0 + FormModel.information(pool.units[$1], at: theta) } }
    }

    static func classes(_ form: [Int], _ pool: AssemblyPool) -> [String] {
        form.map { u in pool.units[u].items[0] }.map { "\($0.domain) \($0.task) \($0.type)" }.sorted()
    }

    /// The first 8 units, and the information of `target` (by default units 40–47, same classes) to reach.
    static func search(_ pool: AssemblyPool, previous: [[Int]] = [], maxOverlap: Int = 8,
                       target: [Int] = Array(40..<48)) -> (SwapSearch, start: [Int]) {
        let request = AssemblyRequest(forms: previous.count + 1, seed: 1, maxOverlap: maxOverlap)
        var used = Array(repeating: 0, count: pool.units.count)
        for form in previous { for u in form { used[u] += 1 } }
        let search = SwapSearch(pool: pool, request: request, state: FormModel.State(used: used, previous: previous),
                                allowed: Set(pool.units.indices), thetas: thetas, targets: information(target, pool))
        return (search, Array(0..<8))
    }

    @Test func exchangesBringTheFormToTheTargetAndKeepEveryCount() {
        let pool = Self.pool(), (search, start) = Self.search(pool)
        let before = zip(Self.information(start, pool), search.targets).map { abs($0 - $1) / $1 }.max()!
        let (form, deviation) = search.improve(start, until: 0.001)
        #expect(deviation < before / 5, "deviation \(deviation) from \(before)")
        #expect(Set(form).count == 8)
        #expect(Self.classes(form, pool) == Self.classes(start, pool))
        let after = zip(Self.information(form, pool), search.targets).map { abs($0 - $1) / $1 }.max()!
        #expect(abs(after - deviation) < 1e-12)
    }

    @Test func aFormAlreadyCloseEnoughIsLeftAlone() {
        let pool = Self.pool(), (search, _) = Self.search(pool)
        let (form, deviation) = search.improve(Array(40..<48), until: 0.001)
        #expect(form == Array(40..<48) && deviation == 0)
    }

    /// Exchanging 4 for 8 (same class) would meet the target exactly, but 8 is an enemy of 0, which stays.
    @Test func noExchangeBringsInAnEnemyOfTheForm() {
        let target = [0, 1, 2, 3, 8, 5, 6, 7], pool = Self.pool(enemies: true)
        let (form, _) = Self.search(pool, target: target).0.improve(Array(0..<8), until: 0)
        let on = Set(form)
        for (a, b) in pool.enemyPairs { #expect(!(on.contains(a) && on.contains(b)), "\(a) and \(b)") }
        let (free, deviation) = Self.search(Self.pool(), target: target).0.improve(Array(0..<8), until: 0)
        #expect(free == target.sorted() && deviation < 1e-12, "without the enemies the same search makes that exchange")
    }

    /// Exchanging 4 for 40 would meet the target exactly, but 40 was on an earlier form.
    @Test func noExchangeTakesTheOverlapWithAnEarlierFormPastTheLimit() {
        let pool = Self.pool(), earlier = Array(40..<48), target = [0, 1, 2, 3, 40, 5, 6, 7]
        let (form, _) = Self.search(pool, previous: [earlier], maxOverlap: 0, target: target).0.improve(Array(0..<8), until: 0)
        #expect(Set(form).isDisjoint(with: earlier))
        let (free, deviation) = Self.search(pool, previous: [earlier], maxOverlap: 1, target: target).0.improve(Array(0..<8), until: 0)
        #expect(free == target.sorted() && deviation < 1e-12, "with room for it the same search makes that exchange")
    }
}

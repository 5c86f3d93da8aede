import Foundation
import QBankAssembly
import QBankCBC
import QBankCore
import QBankHiGHS
import QBankJSON

/// `qbank-bench assemble [ITEMS] [--forms N] [--overlap K] [--keep DIR] [--solver highs|cbc]`: a generated bank with 3PL
/// statistics, enemies and case sets; N forms by shadow-test assembly with HiGHS and by a
/// greedy baseline on the same instance, in the same run.
enum AssemblyBenchmark {
    static func run(_ arguments: [String]) {
        func value(_ flag: String) -> Int? { arguments.firstIndex(of: flag).flatMap { arguments.indices.contains($0 + 1) ? Int(arguments[$0 + 1]) : nil } }
        let items = arguments.first.flatMap(Int.init) ?? 10_000, forms = value("--forms") ?? 10, overlap = value("--overlap") ?? 10
        let limit = value("--time-limit").map(Double.init) ?? 60
        let blueprint = Self.blueprint
        let bank = generate(items: items, blueprint: blueprint, seed: 2026)
        if let folder = arguments.firstIndex(of: "--keep").flatMap({ arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil }) {
            keep(bank, in: folder)
        }
        let pool = AssemblyPool(bank: bank, blueprint: blueprint)
        print("bank: \(items) items (\(pool.units.count) usable units, \(bank.allCases.count) case sets, \(pool.enemyPairs.count) enemy pairs); \(forms) forms, overlap ≤ \(overlap)")

        let request = AssemblyRequest(forms: forms, seed: 1, maxOverlap: overlap, options: SolverOptions(relativeGap: 1e-3, timeLimit: limit))
        let started = Date()
        do {
            let solver: any MIPSolver = arguments.contains("cbc") ? CBCSolver() : HiGHSSolver()
            let outcome = try Assembler(solver: solver).assemble(pool, request)
            let wall = Date().timeIntervalSince(started), p = outcome.parallelism
            let bound = p.upperBound ?? .nan, weakest = p.weakest ?? .nan
            let worstGap = outcome.steps.map(\.gap).max() ?? .nan
            let maxOverlap = (0..<forms).flatMap { a in (0..<forms).filter { $0 > a }.map { outcome.overlap(a, $0) } }.max() ?? 0
            print(String(format: "MIP (%@, shadow test): %.2f s wall, %.2f s in the solver; largest per-step gap %.3f%%; %@",
                         outcome.solver, wall, outcome.totalSeconds, worstGap * 100,
                         outcome.steps.contains { $0.status == .timeLimit } ? "some steps hit the time limit" : "every step proven within the gap"))
            print(String(format: "  weakest form: information %.3f; proven upper bound %.3f (%.2f%% below); largest parallelism deviation %.2f%%; largest overlap %d",
                         weakest, bound, 100 * (1 - weakest / bound), p.largestDeviation * 100, maxOverlap))
            if let step = outcome.boundStep {
                print(String(format: "  shadow test for all forms, LP relaxation: y %.3f on the candidates, %.3f on the whole bank (the bound) %.2f s, %d columns, %d rows",
                             step.objective, step.bound, step.seconds, step.columns, step.rows))
            }
            for step in outcome.steps {
                print(String(format: "  form %d: %@ δ %.3f%% (bound %.3f%%) %.2f s, %d columns, %d rows", step.form, step.status.rawValue,
                             step.objective * 100, step.bound * 100, step.seconds, step.columns, step.rows))
            }
            print("  information per form: " + p.values.map { $0.map { String(format: "%.1f", $0) }.joined(separator: "/") }.joined(separator: "  "))
            let greedy = Greedy.run(pool, forms: forms, thetas: Self.thetas)
            print(String(format: "greedy (round robin, weakest form and θ first): %.3f s; %@", greedy.seconds,
                         greedy.problems.isEmpty ? "meets the blueprint" : "breaks the blueprint: \(greedy.problems.prefix(3).joined(separator: "; "))"))
            print(String(format: "  weakest form: information %.3f (%.2f%% below the bound); largest parallelism deviation %.2f%% (%.1f× the MIP's)",
                         greedy.weakest, 100 * (1 - greedy.weakest / bound), greedy.deviation * 100, greedy.deviation / max(p.largestDeviation, 1e-9)))
        } catch {
            print("assembly failed: \(error)")
            exit(1)
        }
    }

    static let thetas = [-0.5, 0.0, 0.5]

    /// Writes the generated bank and its blueprint to `folder`, for `qbank assemble FOLDER --forms N --max-overlap K --seed 1`.
    static func keep(_ bank: Bank, in folder: String) {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Data(blueprintText.utf8).write(to: URL(fileURLWithPath: folder + "/blueprint.json"))
            for file in bank.files { try Data(JSONBankWriter().write(file).utf8).write(to: URL(fileURLWithPath: folder + "/" + file.path)) }
            print("bank and blueprint written to \(folder)")
        } catch {
            print("qbank-bench: cannot write \(folder): \(error)")
            exit(2)
        }
    }

    /// The benchmark's blueprint: MLA-C01 counts, format bounds, ≥ 2 scored items per task, ≤ 2 case
    /// studies, information at θ = −0.5, 0, 0.5. Kept as the file `--keep` writes, so the run can be
    /// repeated with `qbank assemble`.
    static let blueprintText = """
    {
      "exam": "BENCH-01",
      "form": { "length": 65, "scored": 50, "unscored": 15 },
      "domains": [
        { "id": 1, "name": "Domain 1", "weight": 28, "tasks": [{ "id": "1.1", "name": "Task 1" }, { "id": "1.2", "name": "Task 2" }, { "id": "1.3", "name": "Task 3" }] },
        { "id": 2, "name": "Domain 2", "weight": 26, "tasks": [{ "id": "2.1", "name": "Task 1" }, { "id": "2.2", "name": "Task 2" }, { "id": "2.3", "name": "Task 3" }] },
        { "id": 3, "name": "Domain 3", "weight": 22, "tasks": [{ "id": "3.1", "name": "Task 1" }, { "id": "3.2", "name": "Task 2" }, { "id": "3.3", "name": "Task 3" }] },
        { "id": 4, "name": "Domain 4", "weight": 24, "tasks": [{ "id": "4.1", "name": "Task 1" }, { "id": "4.2", "name": "Task 2" }, { "id": "4.3", "name": "Task 3" }] }
      ],
      "constraints": {
        "formats": {
          "single": { "min": 30, "max": 42 },
          "multiple": { "min": 6, "max": 14 },
          "ordering": { "min": 1, "max": 3 },
          "matching": { "min": 1, "max": 3 }
        },
        "minScoredPerTask": 2,
        "caseStudies": { "max": 2 },
        "information": { "theta": [-0.5, 0, 0.5] }
      }
    }

    """

    static var blueprint: Blueprint {
        let result = BlueprintReader().read(Array(blueprintText.utf8), path: "blueprint.json")
        guard let blueprint = result.blueprint else { fatalError("the benchmark blueprint does not read: \(result.diagnostics)") }
        return blueprint
    }

    /// Items with 3PL parameters (a 0.6–2.0, b ≈ N(0,1), c 0.1–0.25) and the p-value they imply,
    /// 85% operational and 15% pretest, 5% in enemy pairs, 8% in case sets of 2–3.
    static func generate(items total: Int, blueprint: Blueprint, seed: UInt64) -> Bank {
        var random = SeededRandom(seed: seed)
        var items: [Item] = [], cases: [CaseStudy] = []
        var n = 0
        func make(domain: Int) -> Item {
            n += 1
            let task = "\(domain).\(Int(random.next() % 3) + 1)"
            let roll = random.unit()
            let type: ItemType = roll < 0.7 ? .single : roll < 0.9 ? .multiple : roll < 0.95 ? .ordering : .matching
            let a = 0.6 + 1.4 * random.unit(), c = 0.1 + 0.15 * random.unit()
            let b = (0..<12).reduce(0.0) { s, _ in s + random.unit() } - 6
            let p = (-40...40).reduce(0.0) { sum, k in
                let theta = Double(k) / 10, w = exp(-theta * theta / 2) / 2.5066 / 10
                return sum + w * (c + (1 - c) / (1 + exp(-1.7 * a * (theta - b))))
            }
            let body: ItemBody = switch type {
            case .single: .choice(ChoiceBody(options: ["a", "b", "c", "d"].map { Option(id: $0, text: Text($0), isCorrect: $0 == "a") }))
            case .multiple: .choice(ChoiceBody(options: ["a", "b", "c", "d", "e"].map { Option(id: $0, text: Text($0), isCorrect: $0 < "c") }, select: 2))
            case .ordering: .ordering((1...4).map { Step(id: "s\($0)", text: Text("s\($0)")) })
            case .matching: .matching(MatchingBody(prompts: (1...3).map { MatchPrompt(id: "p\($0)", text: Text("p\($0)"), responseID: "r\($0)") },
                                                   responses: (1...3).map { MatchResponse(id: "r\($0)", text: Text("r\($0)")) }))
            }
            return Item(id: String(format: "g%05d", n), domain: domain, task: task, status: random.unit() < 0.85 ? .operational : .pretest,
                        stem: Text("Item \(n)"), body: body,
                        stats: ItemStats(pValue: (p * 1000).rounded() / 1000, pointBiserial: 0.1 + 0.2 * a / 2, responses: 800, irtA: a, irtB: b, irtC: c))
        }
        let weights = blueprint.domains.map(\.weight), sum = weights.reduce(0, +)
        func domain() -> Int {
            var r = random.unit() * sum
            for (i, w) in weights.enumerated() { r -= w; if r < 0 { return i + 1 } }
            return weights.count
        }
        while n < total {
            let d = domain()
            if random.unit() < 0.035, total - n >= 3 {
                let size = random.unit() < 0.5 ? 2 : 3
                var members = (0..<size).map { _ in make(domain: d) }
                for i in members.indices { members[i].status = .operational }
                cases.append(CaseStudy(id: "case-\(cases.count + 1)", scenario: "Scenario", items: members))
            } else {
                var item = make(domain: d)
                if random.unit() < 0.05, let last = items.last, last.domain == d { item.enemies = [EnemyReference(last.id)] }
                items.append(item)
            }
        }
        return Bank(files: [BankFile(path: "bench.json", items: items, cases: cases)], blueprint: blueprint)
    }
}

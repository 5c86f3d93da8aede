import QBankAssembly
import QBankCBC
import QBankCore
import QBankHiGHS
import Testing

/// The information path: a shadow test for all forms proves the bound and sets the common
/// target, the pre-filter narrows the bank, and every form tracks the target.
@Suite struct InformationAssemblyTests {
    /// 2 domains × 2 tasks, 160 scored single items with distinct 3PL parameters,
    /// 12 pretest items, forms of 10 scored (5 + 5) and 2 unscored items.
    static var pool: AssemblyPool {
        let blueprint = Blueprint(
            exam: "INFO-01", form: FormSpec(length: 12, scored: 10, unscored: 2),
            domains: (1...2).map { d in
                BlueprintDomain(id: d, name: "D\(d)", weight: 50, tasks: (1...2).map { TaskStatement(id: "\(d).\($0)", name: "T") })
            },
            constraints: FormConstraints(minScoredPerTask: 1, information: InformationTarget(theta: [-0.5, 0, 0.5])))
        var items: [Item] = []
        for n in 0..<172 {
            let domain = n % 2 + 1, a = 0.6 + Double(n * 37 % 100) / 70, b = Double(n * 53 % 97) / 48 - 1
            items.append(Item(id: String(format: "i%03d", n), domain: domain, task: "\(domain).\(n / 2 % 2 + 1)",
                              status: n < 160 ? .operational : .pretest, stem: "Stem",
                              body: .choice(ChoiceBody(options: ["a", "b"].map { Option(id: $0, text: Text($0), isCorrect: $0 == "a") })),
                              stats: ItemStats(pValue: 0.6, irtA: a, irtB: b, irtC: 0.2)))
        }
        return AssemblyPool(bank: Bank(files: [BankFile(path: "info.json", items: items)], blueprint: blueprint), blueprint: blueprint)
    }

    @Test(arguments: [HiGHSSolver(), CBCSolver()] as [any MIPSolver])
    func formsTrackOneTargetBelowAProvenBound(solver: any MIPSolver) throws {
        let request = AssemblyRequest(forms: 3, seed: 3, maxOverlap: 2, options: SolverOptions(relativeGap: 1e-3))
        let outcome = try Assembler(solver: solver).assemble(Self.pool, request)
        let bound = try #require(outcome.boundStep)
        #expect(bound.form == 0)
        let p = outcome.parallelism
        let weakest = try #require(p.weakest), upper = try #require(p.upperBound)
        #expect(weakest <= upper + 1e-6)
        #expect(weakest >= 0.9 * upper, "weakest \(weakest) against the bound \(upper)")
        #expect(p.largestDeviation < 0.05)
        for a in 0..<3 { for b in 0..<3 where a < b { #expect(outcome.overlap(a, b) <= 2) } }
        let again = try Assembler(solver: solver).assemble(Self.pool, request)
        #expect(again.forms == outcome.forms)
    }

    /// Counts suffice, but no forms of these items reach a mean p-value of 0.9: the shadow test
    /// for all forms is infeasible, and the reasons are in the blueprint's terms.
    @Test func anInfeasibleShadowTestIsExplained() {
        var pool = Self.pool
        pool.blueprint.constraints.difficulty = DifficultyWindow(minMeanP: 0.9, maxMeanP: 0.95)
        #expect {
            try Assembler(solver: HiGHSSolver()).assemble(pool, AssemblyRequest(forms: 2, seed: 1))
        } throws: { error in
            guard case AssemblyError.infeasible(let form, _, let reasons) = error else { return false }
            return form == 1 && reasons.contains { $0.hasPrefix("difficulty: the mean p-value of the scored items must lie in [0.9, 0.95]") }
        }
    }
}

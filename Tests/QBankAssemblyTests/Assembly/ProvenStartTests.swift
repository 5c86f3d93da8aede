@testable import QBankAssembly
import QBankCore
import QBankHiGHS
import Testing

/// A tracking step may take its start as the answer without a solve when the start is feasible
/// and within the absolute gap of a bound that needs no solve; that bound must never exceed the
/// step's true optimum, and a start that breaks a row or misses the gap is never taken.
@Suite struct ProvenStartTests {
    @Test func theBoundWithoutASolveNeverExceedsTheOptimumAndBadStartsAreRefused() throws {
        let pool = InformationAssemblyTests.pool
        let request = AssemblyRequest(forms: 3, seed: 3, maxOverlap: 2)
        let state = FormModel.State(used: Array(repeating: 0, count: pool.units.count), previous: [])
        guard case .information(let thetas) = Assembler.target(for: pool) else { Issue.record("an information target"); return }
        let whole = FormModel(pool: pool, request: request, target: .information(thetas), state: state, goal: .maximin)
        let lp = HiGHSSolver().solve(whole.model.relaxed, options: SolverOptions(), start: nil)
        let targets = whole.share(lp.values, pool: pool, thetas: thetas, forms: 3).map { $0 * 0.98 }
        let form = FormModel(pool: pool, request: request, target: .information(thetas), state: state, goal: .track(targets))
        // Solved to the assembly's tolerance: when proven, the optimum lies in [bound, objective] of this answer.
        let tolerance = Assembler.trackingTolerance
        let optimum = HiGHSSolver().solve(form.model, options: SolverOptions(relativeGap: 0, absoluteGap: tolerance, timeLimit: 60), start: nil)
        #expect(optimum.hasSolution)

        let step = try #require(Assembler.provenStart(optimum.values, of: form, pool: pool, number: 1, gap: 1))
        #expect(step.status == .optimal && step.nodes == 0)
        #expect(step.bound <= optimum.objective + 1e-9, "bound \(step.bound), answer \(optimum.objective)")
        if optimum.status == .optimal {
            #expect(step.bound <= optimum.bound + tolerance + 1e-9, "bound \(step.bound), solver's bound \(optimum.bound)")
        }
        #expect(step.bound < 0, "the tie-breaks of the chosen units count below δ's 0")
        #expect(abs(step.objective - optimum.values[try #require(form.objectiveColumn)]) < 1e-12)

        #expect(Assembler.provenStart(optimum.values, of: form, pool: pool, number: 1, gap: 0) == nil, "outside a zero gap")
        var broken = optimum.values
        let chosen = try #require(form.chosen(optimum.values).first)
        broken[try #require(form.formColumn[chosen])] = 0
        #expect(Assembler.provenStart(broken, of: form, pool: pool, number: 1, gap: 1) == nil, "a form one item short")
    }
}

import QBankAssembly
import QBankCBC
import QBankHiGHS
import Testing

/// What assembly relies on from every `MIPSolver` adapter, checked on each of them.
@Suite struct MIPSolverContractTests {
    static let solvers: [any MIPSolver] = [HiGHSSolver(), CBCSolver()]

    /// Pick 2 of 4 items with one enemy pair; the best pair is blocked by the enemy row.
    @Test(arguments: solvers) func solvesASmallSelectionToOptimality(solver: any MIPSolver) {
        var model = LinearModel(sense: .maximize)
        let x = [5.0, 4.0, 3.0, 1.0].enumerated().map { model.addColumn("x\($0.offset)", cost: $0.element) }
        model.addRow("count", x.map { ($0, 1) }, lower: 2, upper: 2, elastic: true)
        model.addRow("enemy", [(x[0], 1), (x[1], 1)], upper: 1)
        let result = solver.solve(model, options: SolverOptions(), start: nil)
        #expect(result.status == .optimal)
        let values = SolutionCheck.rounded(result.values, in: model)
        #expect(values == [1, 0, 1, 0])
        #expect(SolutionCheck.violations(of: model, at: values).isEmpty)
        #expect(abs(result.objective - 8) < 1e-9)
        #expect(HiGHSSolver().name.hasPrefix("HiGHS 1.") && CBCSolver().name.hasPrefix("CBC 2."))
    }

    @Test(arguments: solvers) func reportsInfeasibility(solver: any MIPSolver) {
        var model = LinearModel(sense: .minimize)
        let x = model.addColumn("x"), y = model.addColumn("y")
        model.addRow("need three", [(x, 1), (y, 1)], lower: 3)
        #expect(solver.solve(model, options: SolverOptions(), start: nil).status == .infeasible)
    }

    @Test func checkFindsBrokenRowsAndBounds() {
        var model = LinearModel(sense: .minimize)
        let x = model.addColumn("x"), y = model.addColumn("y")
        model.addRow("at most one", [(x, 1), (y, 1)], upper: 1)
        let broken = SolutionCheck.violations(of: model, at: [1, 1])
        #expect(broken.count == 1 && broken[0].hasPrefix("row at most one = 2.0"))
        #expect(SolutionCheck.violations(of: model, at: [0.5, 2]).count == 3) // x not integral, y above its bound, the row above 1
    }

    /// The tracking steps' start: a fixed partial solution completed as an LP, then handed back as a start.
    @Test(arguments: solvers) func fixedColumnsCompleteAsAnLPAndTheResultStartsTheMIP(solver: any MIPSolver) {
        var model = LinearModel(sense: .maximize)
        let x = [5.0, 4.0, 3.0, 1.0].enumerated().map { model.addColumn("x\($0.offset)", cost: $0.element) }
        let slack = model.addColumn("s", upper: 10, cost: 0.5, integer: false)
        model.addRow("count", x.map { ($0, 1) }, lower: 2, upper: 2, elastic: true)
        model.addRow("slack", [(slack, 1), (x[0], 3)], upper: 4)
        let completed = solver.solve(model.fixing([x[0]: 0, x[1]: 1, x[2]: 0, x[3]: 1]).relaxed, options: SolverOptions(), start: nil)
        #expect(completed.status == .optimal)
        #expect(abs(completed.values[slack] - 4) < 1e-9)
        #expect(SolutionCheck.violations(of: model, at: completed.values).isEmpty)
        let result = solver.solve(model, options: SolverOptions(), start: completed.values)
        #expect(result.status == .optimal && abs(result.objective - 9.5) < 1e-9) // x0 and x1 with s = 1 beat the start's 4 + 1 + 2
    }

    @Test(arguments: solvers) func firstSolutionReturnsAFeasibleAnswerEarly(solver: any MIPSolver) {
        var model = LinearModel(sense: .maximize)
        let x = (0..<30).map { model.addColumn("x\($0)", cost: Double(($0 * 17) % 23) + 0.5) }
        model.addRow("count", x.map { ($0, 1) }, lower: 10, upper: 10)
        for k in stride(from: 0, to: 28, by: 3) { model.addRow("pick one of three \(k)", [(x[k], 1), (x[k + 1], 1), (x[k + 2], 1)], upper: 1) }
        let result = solver.solve(model, options: SolverOptions(firstSolution: true), start: nil)
        #expect(result.hasSolution && [.firstSolution, .optimal].contains(result.status))
        #expect(SolutionCheck.violations(of: model, at: SolutionCheck.rounded(result.values, in: model)).isEmpty)
    }
}

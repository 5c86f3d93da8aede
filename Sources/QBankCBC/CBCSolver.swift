import CCbc
import Foundation
import QBankAssembly
import Synchronization

/// `MIPSolver` over COIN-OR CBC (EPL) through its C interface: the second adapter, kept so the
/// solver choice can be re-measured on qbank's own models (`qbank assemble --solver cbc`,
/// `qbank-bench assemble --solver cbc`). One CBC model per solve, single-threaded, logging off.
/// CBC's solve keeps static state (its command-line driver underneath), so concurrent solves in
/// one process corrupt each other: they are taken one at a time.
public struct CBCSolver: MIPSolver {
    public init() {}

    public var name: String { "CBC \(String(cString: Cbc_getVersion()))" }

    private static let oneAtATime = Mutex(())

    public func solve(_ model: LinearModel, options: SolverOptions, start: [Double]?) -> MIPResult {
        Self.oneAtATime.withLock { _ in solveAlone(model, options: options, start: start) }
    }

    /// The matrix column by column, as CBC and Clp take it (qbank's model is kept row by row).
    private struct ColumnMajor {
        var starts: [CoinBigIndex], index: [Int32], value: [Double]
        var columnLower: [Double], columnUpper: [Double], cost: [Double], rowLower: [Double], rowUpper: [Double]

        init(_ model: LinearModel) {
            let columns = model.columns, rows = model.rows
            var perColumn = [Int](repeating: 0, count: columns.count)
            for row in rows { for column in row.columns { perColumn[column] += 1 } }
            starts = [CoinBigIndex](repeating: 0, count: columns.count + 1)
            for c in columns.indices { starts[c + 1] = starts[c] + CoinBigIndex(perColumn[c]) }
            var next = starts.dropLast().map { Int($0) }
            index = [Int32](repeating: 0, count: model.nonZeros)
            value = [Double](repeating: 0, count: model.nonZeros)
            for (r, row) in rows.enumerated() {
                for (column, coefficient) in zip(row.columns, row.coefficients) {
                    index[next[column]] = Int32(r)
                    value[next[column]] = coefficient
                    next[column] += 1
                }
            }
            func clamp(_ v: Double) -> Double { v == .infinity ? .greatestFiniteMagnitude : v == -.infinity ? -.greatestFiniteMagnitude : v }
            columnLower = columns.map { clamp($0.lower) }
            columnUpper = columns.map { clamp($0.upper) }
            cost = columns.map(\.cost)
            rowLower = rows.map { clamp($0.lower) }
            rowUpper = rows.map { clamp($0.upper) }
        }
    }

    /// A model without integer columns goes to Clp directly: through `Cbc_solve` the benchmark's
    /// shadow-test LP took 33 s.
    private func solveLP(_ model: LinearModel, _ matrix: ColumnMajor, options: SolverOptions) -> MIPResult {
        guard let clp = Clp_newModel() else { return MIPResult(status: .failed, detail: "Clp could not create a model") }
        defer { Clp_deleteModel(clp) }
        Clp_loadProblem(clp, Int32(model.columns.count), Int32(model.rows.count), matrix.starts, matrix.index, matrix.value,
                        matrix.columnLower, matrix.columnUpper, matrix.cost, matrix.rowLower, matrix.rowUpper)
        Clp_setObjSense(clp, model.sense == .minimize ? 1 : -1)
        Clp_setLogLevel(clp, 0)
        Clp_setMaximumSeconds(clp, options.timeLimit)
        let began = DispatchTime.now().uptimeNanoseconds
        _ = Clp_initialPrimalSolve(clp)
        var result = MIPResult(status: .failed, seconds: Double(DispatchTime.now().uptimeNanoseconds - began) / 1e9)
        switch Clp_status(clp) {
        case 0:
            guard let solution = Clp_getColSolution(clp) else { return result }
            result.status = .optimal
            result.values = Array(UnsafeBufferPointer(start: solution, count: model.columns.count))
            result.objective = Clp_objectiveValue(clp)
            result.bound = result.objective
            result.gap = 0
        case 1: result.status = .infeasible
        case 3: result.status = .noSolutionInTime
        default: result.detail = "Clp status \(Clp_status(clp)), secondary status \(Clp_secondaryStatus(clp))"
        }
        return result
    }

    private func solveAlone(_ model: LinearModel, options: SolverOptions, start: [Double]?) -> MIPResult {
        let columns = model.columns, rows = model.rows
        let matrix = ColumnMajor(model)
        if !columns.contains(where: \.isInteger) { return solveLP(model, matrix, options: options) }
        guard let cbc = Cbc_newModel() else { return MIPResult(status: .failed, detail: "CBC could not create a model") }
        defer { Cbc_deleteModel(cbc) }
        Cbc_loadProblem(cbc, Int32(columns.count), Int32(rows.count), matrix.starts, matrix.index, matrix.value,
                        matrix.columnLower, matrix.columnUpper, matrix.cost, matrix.rowLower, matrix.rowUpper)
        for (c, column) in columns.enumerated() where column.isInteger { Cbc_setInteger(cbc, Int32(c)) }
        Cbc_setObjSense(cbc, model.sense == .minimize ? 1 : -1)
        Cbc_setLogLevel(cbc, 0)
        Cbc_setAllowableFractionGap(cbc, options.relativeGap)
        Cbc_setAllowableGap(cbc, options.absoluteGap)
        Cbc_setMaximumSeconds(cbc, options.timeLimit)
        Cbc_setParameter(cbc, "threads", "1")
        Cbc_setParameter(cbc, "randomCbcSeed", "\(options.seed + 1)")
        if options.firstSolution { Cbc_setMaximumSolutions(cbc, 1) }
        if let start, start.count == columns.count {
            let indexes = columns.indices.map { Int32($0) }
            Cbc_setMIPStartI(cbc, Int32(columns.count), indexes, start)
        }

        let began = DispatchTime.now().uptimeNanoseconds
        _ = Cbc_solve(cbc)
        var result = MIPResult(status: .failed, seconds: Double(DispatchTime.now().uptimeNanoseconds - began) / 1e9)
        if Cbc_isProvenInfeasible(cbc) != 0 { result.status = .infeasible; return result }
        let hasIntegers = columns.contains(where: \.isInteger)
        if Cbc_isSecondsLimitReached(cbc) != 0, hasIntegers, Cbc_numberSavedSolutions(cbc) == 0 {
            result.status = .noSolutionInTime
            return result
        }
        guard let solution = Cbc_getColSolution(cbc) else {
            result.detail = "CBC status \(Cbc_status(cbc)), secondary status \(Cbc_secondaryStatus(cbc)), no solution"
            return result
        }
        let found = !hasIntegers || Cbc_numberSavedSolutions(cbc) > 0 || Cbc_isProvenOptimal(cbc) != 0
        if Cbc_isProvenOptimal(cbc) != 0 {
            result.status = .optimal
        } else if found, Cbc_isSecondsLimitReached(cbc) != 0 {
            result.status = .timeLimit
        } else if found, options.firstSolution, Cbc_isSolutionLimitReached(cbc) != 0 {
            result.status = .firstSolution
        } else {
            result.detail = "CBC status \(Cbc_status(cbc)), secondary status \(Cbc_secondaryStatus(cbc))"
            return result
        }
        result.values = Array(UnsafeBufferPointer(start: solution, count: columns.count))
        result.objective = Cbc_getObjValue(cbc)
        result.bound = hasIntegers ? Cbc_getBestPossibleObjValue(cbc) : result.objective
        result.gap = abs(result.bound - result.objective) / max(abs(result.objective), 1e-9)
        result.nodes = Int(Cbc_getNodeCount(cbc))
        return result
    }
}

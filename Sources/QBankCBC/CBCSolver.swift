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

    private func solveAlone(_ model: LinearModel, options: SolverOptions, start: [Double]?) -> MIPResult {
        guard let cbc = Cbc_newModel() else { return MIPResult(status: .failed, detail: "CBC could not create a model") }
        defer { Cbc_deleteModel(cbc) }
        let columns = model.columns, rows = model.rows
        // CBC takes the matrix column by column; qbank's model is kept row by row.
        var perColumn = [Int](repeating: 0, count: columns.count)
        for row in rows { for column in row.columns { perColumn[column] += 1 } }
        var starts = [CoinBigIndex](repeating: 0, count: columns.count + 1)
        for c in columns.indices { starts[c + 1] = starts[c] + CoinBigIndex(perColumn[c]) }
        var next = starts.dropLast().map { Int($0) }
        var index = [Int32](repeating: 0, count: model.nonZeros), value = [Double](repeating: 0, count: model.nonZeros)
        for (r, row) in rows.enumerated() {
            for (column, coefficient) in zip(row.columns, row.coefficients) {
                index[next[column]] = Int32(r)
                value[next[column]] = coefficient
                next[column] += 1
            }
        }
        func clamp(_ v: Double) -> Double { v == .infinity ? .greatestFiniteMagnitude : v == -.infinity ? -.greatestFiniteMagnitude : v }
        Cbc_loadProblem(cbc, Int32(columns.count), Int32(rows.count), starts, index, value,
                        columns.map { clamp($0.lower) }, columns.map { clamp($0.upper) }, columns.map(\.cost),
                        rows.map { clamp($0.lower) }, rows.map { clamp($0.upper) })
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

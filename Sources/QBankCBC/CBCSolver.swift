import Foundation
import QBankAssembly
import Synchronization

/// `MIPSolver` over COIN-OR CBC (EPL) through its C interface: the second adapter, kept so the
/// solver choice can be re-measured on qbank's own models (`qbank assemble --solver cbc`,
/// `qbank-bench assemble --solver cbc`). One CBC model per solve, single-threaded, logging off.
/// CBC's solve keeps static state (its command-line driver underneath), so concurrent solves in
/// one process corrupt each other: they are taken one at a time. The libraries are opened on
/// first use (`CBCLibrary`), so only `assemble --solver cbc` needs them.
public struct CBCSolver: MIPSolver {
    public init() {}

    /// Throws what to install when CBC cannot be opened; `assemble` checks before reading the bank.
    public static func checkAvailable() throws(SolverLibrary.Unavailable) { _ = try CBCLibrary.shared.get() }

    public var name: String {
        guard let api = try? CBCLibrary.shared.get(), let version = api.version() else { return "CBC (not available)" }
        return "CBC \(String(cString: version))"
    }

    private static let oneAtATime = Mutex(())

    public func solve(_ model: LinearModel, options: SolverOptions, start: [Double]?) -> MIPResult {
        switch CBCLibrary.shared {
        case .success(let api): Self.oneAtATime.withLock { _ in solveAlone(model, options: options, start: start, api: api) }
        case .failure(let unavailable): MIPResult(status: .failed, detail: unavailable.description)
        }
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
    private func solveLP(_ model: LinearModel, _ matrix: ColumnMajor, options: SolverOptions, api: CBCLibrary) -> MIPResult {
        guard let clp = api.clp.newModel() else { return MIPResult(status: .failed, detail: "Clp could not create a model") }
        defer { api.clp.deleteModel(clp) }
        api.clp.loadProblem(clp, Int32(model.columns.count), Int32(model.rows.count), matrix.starts, matrix.index, matrix.value,
                        matrix.columnLower, matrix.columnUpper, matrix.cost, matrix.rowLower, matrix.rowUpper)
        api.clp.setObjSense(clp, model.sense == .minimize ? 1 : -1)
        api.clp.setLogLevel(clp, 0)
        api.clp.setMaximumSeconds(clp, options.timeLimit)
        let began = DispatchTime.now().uptimeNanoseconds
        _ = api.clpInitialPrimalSolve(clp)
        var result = MIPResult(status: .failed, seconds: Double(DispatchTime.now().uptimeNanoseconds - began) / 1e9)
        switch api.clp.status(clp) {
        case 0:
            guard let solution = api.clp.colSolution(clp) else { return result }
            result.status = .optimal
            result.values = Array(UnsafeBufferPointer(start: solution, count: model.columns.count))
            result.objective = api.clpObjectiveValue(clp)
            result.bound = result.objective
            result.gap = 0
        case 1: result.status = .infeasible
        case 3: result.status = .noSolutionInTime
        default: result.detail = "Clp status \(api.clp.status(clp)), secondary status \(api.clp.secondaryStatus(clp))"
        }
        return result
    }

    private func solveAlone(_ model: LinearModel, options: SolverOptions, start: [Double]?, api: CBCLibrary) -> MIPResult {
        let columns = model.columns, rows = model.rows
        let matrix = ColumnMajor(model)
        if !columns.contains(where: \.isInteger) { return solveLP(model, matrix, options: options, api: api) }
        guard let cbc = api.cbc.newModel() else { return MIPResult(status: .failed, detail: "CBC could not create a model") }
        defer { api.cbc.deleteModel(cbc) }
        api.cbc.loadProblem(cbc, Int32(columns.count), Int32(rows.count), matrix.starts, matrix.index, matrix.value,
                        matrix.columnLower, matrix.columnUpper, matrix.cost, matrix.rowLower, matrix.rowUpper)
        for (c, column) in columns.enumerated() where column.isInteger { api.setInteger(cbc, Int32(c)) }
        api.cbc.setObjSense(cbc, model.sense == .minimize ? 1 : -1)
        api.cbc.setLogLevel(cbc, 0)
        api.setAllowableFractionGap(cbc, options.relativeGap)
        api.setAllowableGap(cbc, options.absoluteGap)
        api.cbc.setMaximumSeconds(cbc, options.timeLimit)
        api.setParameter(cbc, "threads", "1")
        api.setParameter(cbc, "randomCbcSeed", "\(options.seed + 1)")
        if options.firstSolution { api.setMaximumSolutions(cbc, 1) }
        if let start, start.count == columns.count {
            let indexes = columns.indices.map { Int32($0) }
            api.setMIPStart(cbc, Int32(columns.count), indexes, start)
        }

        let began = DispatchTime.now().uptimeNanoseconds
        _ = api.solve(cbc)
        var result = MIPResult(status: .failed, seconds: Double(DispatchTime.now().uptimeNanoseconds - began) / 1e9)
        if api.isProvenInfeasible(cbc) != 0 { result.status = .infeasible; return result }
        let hasIntegers = columns.contains(where: \.isInteger)
        if api.isSecondsLimitReached(cbc) != 0, hasIntegers, api.numberSavedSolutions(cbc) == 0 {
            result.status = .noSolutionInTime
            return result
        }
        guard let solution = api.cbc.colSolution(cbc) else {
            result.detail = "CBC status \(api.cbc.status(cbc)), secondary status \(api.cbc.secondaryStatus(cbc)), no solution"
            return result
        }
        let found = !hasIntegers || api.numberSavedSolutions(cbc) > 0 || api.isProvenOptimal(cbc) != 0
        if api.isProvenOptimal(cbc) != 0 {
            result.status = .optimal
        } else if found, api.isSecondsLimitReached(cbc) != 0 {
            result.status = .timeLimit
        } else if found, options.firstSolution, api.isSolutionLimitReached(cbc) != 0 {
            result.status = .firstSolution
        } else {
            result.detail = "CBC status \(api.cbc.status(cbc)), secondary status \(api.cbc.secondaryStatus(cbc))"
            return result
        }
        result.values = Array(UnsafeBufferPointer(start: solution, count: columns.count))
        result.objective = api.objValue(cbc)
        result.bound = hasIntegers ? api.bestPossibleObjValue(cbc) : result.objective
        result.gap = abs(result.bound - result.objective) / max(abs(result.objective), 1e-9)
        result.nodes = Int(api.nodeCount(cbc))
        return result
    }
}

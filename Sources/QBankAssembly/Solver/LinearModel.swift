/// A mixed-integer linear program in the plain form every solver accepts: bounded
/// columns, ranged sparse rows, one linear objective. Assembly builds it; a `MIPSolver`
/// solves it; `SolutionCheck` re-checks the answer against it in Swift.
public struct LinearModel: Sendable {
    public enum Sense: Sendable { case minimize, maximize }

    public struct Column: Sendable {
        public var name: String
        public var lower: Double
        public var upper: Double
        public var cost: Double
        public var isInteger: Bool
    }

    public struct Row: Sendable {
        public var name: String
        public var lower: Double
        public var upper: Double
        public var columns: [Int]
        public var coefficients: [Double]
        /// Rows that stand for a blueprint requirement get a slack in the elastic copy;
        /// structural rows (enemies, whole case studies, item use) stay hard.
        public var isElastic: Bool
    }

    public var sense: Sense
    public private(set) var columns: [Column] = []
    public private(set) var rows: [Row] = []

    public init(sense: Sense) { self.sense = sense }

    @discardableResult
    public mutating func addColumn(_ name: String, lower: Double = 0, upper: Double = 1, cost: Double = 0, integer: Bool = true) -> Int {
        columns.append(Column(name: name, lower: lower, upper: upper, cost: cost, isInteger: integer))
        return columns.count - 1
    }

    /// Adds `lower ≤ Σ coefficient·column ≤ upper`; returns the row's index.
    @discardableResult
    public mutating func addRow(_ name: String, _ terms: [(Int, Double)], lower: Double = -.infinity, upper: Double = .infinity,
                                elastic: Bool = false) -> Int {
        rows.append(Row(name: name, lower: lower, upper: upper, columns: terms.map(\.0), coefficients: terms.map(\.1), isElastic: elastic))
        return rows.count - 1
    }

    public mutating func setCost(_ column: Int, _ cost: Double) { columns[column].cost = cost }

    /// The LP relaxation: every column continuous. Its optimum bounds the MIP's.
    public var relaxed: LinearModel {
        var copy = self
        for index in copy.columns.indices { copy.columns[index].isInteger = false }
        return copy
    }

    /// A copy with these columns fixed at these values (the rest of the model then solved as an LP
    /// completes a partial solution).
    public func fixing(_ values: [Int: Double]) -> LinearModel {
        var copy = self
        for (column, value) in values { copy.columns[column].lower = value; copy.columns[column].upper = value }
        return copy
    }

    public var nonZeros: Int { rows.reduce(0) { $0 + $1.columns.count } }

    /// The value of row `index` at `values`.
    public func activity(of index: Int, at values: [Double]) -> Double {
        let row = rows[index]
        var sum = 0.0
        for k in row.columns.indices { sum += row.coefficients[k] * values[row.columns[k]] }
        return sum
    }

    public func objective(at values: [Double]) -> Double {
        columns.indices.reduce(0) { $0 + columns[$1].cost * values[$1] }
    }
}

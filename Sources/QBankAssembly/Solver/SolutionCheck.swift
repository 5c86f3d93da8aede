/// Re-checks a solver's answer against the model in Swift, bound by bound and row by
/// row: solvers have shipped wrong answers, and HiGHS leaves integers unrounded.
public enum SolutionCheck {
    public static let tolerance = 1e-6

    /// Integer columns rounded to the nearest integer (solvers return 0.9999999).
    public static func rounded(_ values: [Double], in model: LinearModel) -> [Double] {
        zip(values, model.columns).map { value, column in column.isInteger ? value.rounded() : value }
    }

    /// Every bound, integrality and row the values break, described; empty when they satisfy the model.
    public static func violations(of model: LinearModel, at values: [Double]) -> [String] {
        guard values.count == model.columns.count else {
            return ["the solver returned \(values.count) values for \(model.columns.count) columns"]
        }
        var found: [String] = []
        for (index, column) in model.columns.enumerated() {
            let value = values[index]
            if !value.isFinite || value < column.lower - tolerance || value > column.upper + tolerance {
                found.append("column \(column.name) = \(value) is outside [\(column.lower), \(column.upper)]")
            } else if column.isInteger, abs(value - value.rounded()) > tolerance {
                found.append("column \(column.name) = \(value) is not integral")
            }
        }
        for index in model.rows.indices {
            let row = model.rows[index], activity = model.activity(of: index, at: values)
            if activity < row.lower - tolerance || activity > row.upper + tolerance {
                found.append("row \(row.name) = \(activity) is outside [\(row.lower), \(row.upper)]")
            }
        }
        return found
    }
}

/// Sample statistics with R's conventions (n − 1 denominators, pairwise-complete cases),
/// so figures can be checked against R psych.
enum Sample {
    /// Covariance over the cases where both are present (`cov(use = "pairwise")`).
    static func covariance(_ x: [Double], _ y: [Double]) -> Double {
        var n = 0.0, sx = 0.0, sy = 0.0
        for k in x.indices where !x[k].isNaN && !y[k].isNaN {
            n += 1; sx += x[k]; sy += y[k]
        }
        guard n > 1 else { return .nan }
        let mx = sx / n, my = sy / n
        var s = 0.0
        for k in x.indices where !x[k].isNaN && !y[k].isNaN { s += (x[k] - mx) * (y[k] - my) }
        return s / (n - 1)
    }

    /// Pearson correlation over pairwise-complete cases; `nil` when either side has no variance.
    static func correlation(_ x: [Double], _ y: [Double]) -> Double? {
        var n = 0.0, sx = 0.0, sy = 0.0
        for k in x.indices where !x[k].isNaN && !y[k].isNaN {
            n += 1; sx += x[k]; sy += y[k]
        }
        guard n > 1 else { return nil }
        let mx = sx / n, my = sy / n
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for k in x.indices where !x[k].isNaN && !y[k].isNaN {
            let dx = x[k] - mx, dy = y[k] - my
            sxy += dx * dy; sxx += dx * dx; syy += dy * dy
        }
        guard sxx > 0, syy > 0 else { return nil }
        return sxy / (sxx * syy).squareRoot()
    }

    /// Mean and standard deviation of the present values, and how many there are.
    static func describe(_ x: [Double]) -> (n: Int, mean: Double, sd: Double) {
        let present = x.filter { !$0.isNaN }
        guard !present.isEmpty else { return (0, .nan, .nan) }
        let mean = present.reduce(0, +) / Double(present.count)
        guard present.count > 1 else { return (1, mean, .nan) }
        let ss = present.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return (present.count, mean, (ss / Double(present.count - 1)).squareRoot())
    }

    /// The median of present 0/1 scores, as R's `median` gives it (0.5 on a tie).
    static func median01(_ x: [Double]) -> Double {
        let present = x.filter { !$0.isNaN }
        guard !present.isEmpty else { return .nan }
        let ones = present.filter { $0 == 1 }.count * 2
        return ones > present.count ? 1 : (ones < present.count ? 0 : 0.5)
    }
}

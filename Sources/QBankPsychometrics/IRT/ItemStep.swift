import Foundation

/// The M-step for one item: maximise Σ_q r_q log P(θ_q) + (n_q − r_q) log(1 − P(θ_q)) (plus
/// the log prior on c for the 3PL) by Fisher scoring in slope–intercept form
/// (a, d = −ab, c), which keeps the 2PL problem concave and the steps well scaled.
enum ItemStep {
    static let lowestGuess = 1e-4, highestGuess = 0.6

    static func fit(_ start: ItemParameters, right: [Double], total: [Double], offset: Int, points: [Double],
                    model: IRTModel, prior: GuessingPrior) -> ItemParameters {
        var a = start.a, d = -start.a * start.b, c = start.c
        for _ in 0..<8 {
            var gradient = [Double](repeating: 0, count: 3)
            var information = [[Double]](repeating: [Double](repeating: 0, count: 3), count: 3)
            for (k, theta) in points.enumerated() {
                let n = total[offset + k]
                guard n > 0 else { continue }
                let r = right[offset + k]
                let logistic = 1 / (1 + exp(-(a * theta + d)))
                let p = min(max(c + (1 - c) * logistic, 1e-10), 1 - 1e-10)
                let slope = (1 - c) * logistic * (1 - logistic)
                let derivatives = [slope * theta, slope, 1 - logistic]
                let factor = (r - n * p) / (p * (1 - p))
                let weight = n / (p * (1 - p))
                for x in 0..<3 {
                    gradient[x] += factor * derivatives[x]
                    for y in 0..<3 { information[x][y] += weight * derivatives[x] * derivatives[y] }
                }
            }
            if model == .threePL {
                gradient[2] += (prior.alpha - 1) / c - (prior.beta - 1) / (1 - c)
                information[2][2] += (prior.alpha - 1) / (c * c) + (prior.beta - 1) / ((1 - c) * (1 - c))
            }
            // Rasch fits d only; the 2PL a and d; the 3PL all three.
            var indices = model == .rasch ? [1] : (model == .twoPL ? [0, 1] : [0, 1, 2])
            guard var step = solve(information, gradient, indices) else { break }
            // c held at its bound when the step would cross it: a and d move on their own.
            if model == .threePL, (c <= lowestGuess && step[2] < 0) || (c >= highestGuess && step[2] > 0) {
                indices = [0, 1]
                guard let reduced = solve(information, gradient, indices) else { break }
                step = reduced + [0]
            }
            var scale = 1.0
            let largest = step.map(abs).max() ?? 0
            if largest > 1 { scale = 1 / largest }
            if model != .rasch { a = min(max(a + scale * step[0], 0.05), 8) }
            d = min(max(d + scale * step[indices.count == 1 ? 0 : 1], -40), 40)
            if model == .threePL { c = min(max(c + scale * step[2], lowestGuess), highestGuess) }
            if largest * scale < 1e-8 { break }
        }
        return ItemParameters(a: a, b: -d / a, c: model == .threePL ? c : 0)
    }

    /// Solves the sub-system on `indices` by Gaussian elimination; nil when singular.
    static func solve(_ matrix: [[Double]], _ vector: [Double], _ indices: [Int]) -> [Double]? {
        let n = indices.count
        var m = indices.map { row in indices.map { matrix[row][$0] } + [vector[row]] }
        for column in 0..<n {
            guard let pivot = (column..<n).max(by: { abs(m[$0][column]) < abs(m[$1][column]) }), abs(m[pivot][column]) > 1e-12 else { return nil }
            m.swapAt(column, pivot)
            for row in 0..<n where row != column {
                let f = m[row][column] / m[column][column]
                for x in column...n { m[row][x] -= f * m[column][x] }
            }
        }
        return (0..<n).map { m[$0][n] / m[$0][$0] }
    }

    /// The inverse of the sub-matrix on `indices`, column by column.
    static func inverse(_ matrix: [[Double]], _ indices: [Int]) -> [[Double]]? {
        var columns: [[Double]] = []
        for unit in indices.indices {
            var e = [Double](repeating: 0, count: 3)
            e[indices[unit]] = 1
            guard let column = solve(matrix, e, indices) else { return nil }
            columns.append(column)
        }
        return indices.indices.map { row in indices.indices.map { columns[$0][row] } }
    }
}

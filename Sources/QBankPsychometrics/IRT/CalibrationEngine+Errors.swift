import Foundation

extension CalibrationEngine {
    /// Standard errors from the cross-product of each candidate's score vector (the empirical
    /// information, item by item), in (a, d, c) then by the delta method for b = −d/a.
    func standardErrors() -> [(a: Double?, b: Double?, c: Double?)] {
        let q = quadrature.points.count, items = parameters.count
        let model = options.model
        let indices = model == .rasch ? [1] : (model == .twoPL ? [0, 1] : [0, 1, 2])
        // Per item, point and parameter: ∂log P/∂ψ for a right answer and ∂log(1 − P)/∂ψ for a wrong one.
        var gradientRight = [Double](repeating: 0, count: items * q * 3), gradientWrong = gradientRight
        for (i, item) in parameters.enumerated() {
            let d = -item.a * item.b
            for (k, theta) in quadrature.points.enumerated() {
                let logistic = 1 / (1 + exp(-(item.a * theta + d)))
                let p = min(max(item.c + (1 - item.c) * logistic, 1e-10), 1 - 1e-10)
                let slope = (1 - item.c) * logistic * (1 - logistic)
                let derivatives = [slope * theta, slope, 1 - logistic]
                for x in 0..<3 {
                    gradientRight[(i * q + k) * 3 + x] = derivatives[x] / p
                    gradientWrong[(i * q + k) * 3 + x] = -derivatives[x] / (1 - p)
                }
            }
        }
        let data = self.data
        let (rightTable, wrongTable) = (gradientRight, gradientWrong)
        let (chunks, _) = forEachPosterior([Double](repeating: 0, count: items * 9)) { products, j, post in
            func add(_ i: Int32, _ table: [Double]) {
                var score = [0.0, 0.0, 0.0]
                let base = Int(i) * q
                for k in 0..<q {
                    let w = post[k], at = (base + k) * 3
                    score[0] += w * table[at]; score[1] += w * table[at + 1]; score[2] += w * table[at + 2]
                }
                for x in 0..<3 { for y in 0..<3 { products[Int(i) * 9 + x * 3 + y] += score[x] * score[y] } }
            }
            for i in data.right[j] { add(i, rightTable) }
            for i in data.wrong[j] { add(i, wrongTable) }
        }
        var total = [Double](repeating: 0, count: items * 9)
        for chunk in chunks { for x in total.indices { total[x] += chunk[x] } }
        return parameters.indices.map { i in
            var information = (0..<3).map { x in (0..<3).map { y in total[i * 9 + x * 3 + y] } }
            let item = parameters[i]
            if model == .threePL {
                let prior = options.guessingPrior
                information[2][2] += (prior.alpha - 1) / (item.c * item.c) + (prior.beta - 1) / ((1 - item.c) * (1 - item.c))
            }
            guard let covariance = ItemStep.inverse(information, indices) else { return (nil, nil, nil) }
            let d = -item.a * item.b
            switch model {
            case .rasch:
                return (nil, covariance[0][0].squareRoot(), nil)
            case .twoPL, .threePL:
                // b = −d/a: ∂b/∂a = d/a², ∂b/∂d = −1/a.
                let ga = d / (item.a * item.a), gd = -1 / item.a
                let varB = ga * ga * covariance[0][0] + 2 * ga * gd * covariance[0][1] + gd * gd * covariance[1][1]
                return (covariance[0][0].squareRoot(), max(varB, 0).squareRoot(), model == .threePL ? covariance[2][2].squareRoot() : nil)
            }
        }
    }

    /// RMSD between the posterior-expected proportion correct at each ability point and the
    /// model's, weighted by the posterior mass there.
    func rmsd() -> [Double] {
        let q = quadrature.points.count
        return parameters.indices.map { i in
            var mass = 0.0, sum = 0.0
            for (k, theta) in quadrature.points.enumerated() {
                let n = expectedTotal[i * q + k]
                guard n > 1e-9 else { continue }
                let observed = expectedRight[i * q + k] / n
                let gap = observed - parameters[i].probability(theta)
                sum += n * gap * gap
                mass += n
            }
            return mass > 0 ? (sum / mass).squareRoot() : .nan
        }
    }
}

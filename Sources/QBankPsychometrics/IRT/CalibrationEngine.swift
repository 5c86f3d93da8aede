import Foundation
import QBankCore

/// The EM loop behind `Calibration`. Hot loops run on flat buffers; the E-step splits the
/// candidates into a fixed number of chunks summed in order, so results do not depend on
/// how many cores run it.
struct CalibrationEngine {
    let data: ResponsePatterns
    let options: Calibration.Options
    var parameters: [ItemParameters]
    var fixed: [Bool]
    var counts: [Int]
    var quadrature: Quadrature
    var mean = 0.0, sd = 1.0
    var cycles = 0
    var converged = false
    var logLikelihood = -Double.infinity
    /// Expected right answers and expected responses per item and ability point (item-major).
    var expectedRight: [Double] = []
    var expectedTotal: [Double] = []
    var posteriorMass: [Double] = []

    static let chunks = 16

    init(_ data: ResponsePatterns, options: Calibration.Options) {
        self.data = data
        self.options = options
        quadrature = Quadrature(count: options.quadraturePoints)
        var right = [Int](repeating: 0, count: data.items.count), total = right
        for j in 0..<data.candidates {
            for i in data.right[j] { right[Int(i)] += 1; total[Int(i)] += 1 }
            for i in data.wrong[j] { total[Int(i)] += 1 }
        }
        counts = total
        fixed = data.items.map { options.anchors[$0] != nil }
        parameters = data.items.indices.map { i in
            if let anchor = options.anchors[data.items[i]] { return anchor }
            let p = min(max((Double(right[i]) + 0.5) / (Double(total[i]) + 1), 0.02), 0.98)
            let c = options.model == .threePL ? 0.2 : 0
            let pp = min(max((p - c) / (1 - c), 0.02), 0.98)
            return ItemParameters(a: 1, b: -log(pp / (1 - pp)) * 1.3, c: c)
        }
    }

    mutating func run() {
        for cycle in 1...max(1, options.maximumCycles) {
            cycles = cycle
            expectationStep()
            var change = 0.0
            for i in parameters.indices where !fixed[i] {
                let before = parameters[i]
                parameters[i] = ItemStep.fit(before, right: expectedRight, total: expectedTotal, offset: i * quadrature.points.count,
                                             points: quadrature.points, model: options.model, prior: options.guessingPrior)
                change = max(change, abs(parameters[i].a - before.a), abs(parameters[i].b - before.b), abs(parameters[i].c - before.c))
            }
            if !options.anchors.isEmpty {
                // After the items: the expected counts belong to the points they were taken at.
                let before = (mean, sd)
                estimatePopulation()
                change = max(change, abs(mean - before.0), abs(sd - before.1))
            }
            if change < options.tolerance { converged = true; break }
        }
        expectationStep()
    }

    /// θ's mean and sd from the posterior mass, so anchored items set the scale.
    mutating func estimatePopulation() {
        let total = posteriorMass.reduce(0, +)
        guard total > 0 else { return }
        let m = zip(posteriorMass, quadrature.points).reduce(0) { $0 + $1.0 * $1.1 } / total
        let v = zip(posteriorMass, quadrature.points).reduce(0) { $0 + $1.0 * ($1.1 - m) * ($1.1 - m) } / total
        mean = m
        sd = max(v.squareRoot(), 0.05)
        quadrature.place(mean: mean, sd: sd)
    }

    /// Log P and log(1 − P) of every item at every point, item-major.
    func logTables() -> (right: [Double], wrong: [Double]) {
        let q = quadrature.points.count
        var right = [Double](repeating: 0, count: parameters.count * q), wrong = right
        for (i, item) in parameters.enumerated() {
            for (k, theta) in quadrature.points.enumerated() {
                let p = min(max(item.probability(theta), 1e-12), 1 - 1e-12)
                right[i * q + k] = log(p)
                wrong[i * q + k] = log(1 - p)
            }
        }
        return (right, wrong)
    }

    /// Runs `body(candidate, posterior)` for every candidate, chunk by chunk in parallel; each
    /// chunk's accumulator is created by `make` and the chunks are returned in order.
    func forEachPosterior<A: Sendable>(_ empty: A, _ body: @escaping @Sendable (inout A, Int, UnsafeBufferPointer<Double>) -> Void) -> (accumulators: [A], logLikelihood: Double) {
        let q = quadrature.points.count
        let (logRight, logWrong) = logTables()
        let logWeights = quadrature.weights.map { log(max($0, 1e-300)) }
        let n = data.candidates
        let results = ConcurrentSlots<(A, Double)>(count: Self.chunks)
        let data = self.data
        DispatchQueue.concurrentPerform(iterations: Self.chunks) { chunk in
            var accumulator = empty
            var ll = [Double](repeating: 0, count: q)
            var total = 0.0
            logRight.withUnsafeBufferPointer { lr in
                logWrong.withUnsafeBufferPointer { lw in
                    ll.withUnsafeMutableBufferPointer { buffer in
                        for j in stride(from: chunk, to: n, by: Self.chunks) {
                            for k in 0..<q { buffer[k] = logWeights[k] }
                            for i in data.right[j] { let base = Int(i) * q; for k in 0..<q { buffer[k] += lr[base + k] } }
                            for i in data.wrong[j] { let base = Int(i) * q; for k in 0..<q { buffer[k] += lw[base + k] } }
                            var top = -Double.infinity
                            for k in 0..<q { top = max(top, buffer[k]) }
                            var sum = 0.0
                            for k in 0..<q { buffer[k] = exp(buffer[k] - top); sum += buffer[k] }
                            for k in 0..<q { buffer[k] /= sum }
                            total += top + log(sum)
                            body(&accumulator, j, UnsafeBufferPointer(buffer))
                        }
                    }
                }
            }
            results.store((accumulator, total), at: chunk)
        }
        let values = results.values.map { $0! }
        return (values.map(\.0), values.reduce(0) { $0 + $1.1 })
    }

    mutating func expectationStep() {
        let q = quadrature.points.count, size = parameters.count * q
        let data = self.data
        let (chunks, ll) = forEachPosterior(ExpectedCounts(size: size, points: q)) { counts, j, post in
            counts.right.withUnsafeMutableBufferPointer { r in
                counts.total.withUnsafeMutableBufferPointer { t in
                    for i in data.right[j] { let base = Int(i) * q; for k in 0..<q { r[base + k] += post[k]; t[base + k] += post[k] } }
                    for i in data.wrong[j] { let base = Int(i) * q; for k in 0..<q { t[base + k] += post[k] } }
                }
            }
            for k in 0..<q { counts.mass[k] += post[k] }
        }
        expectedRight = [Double](repeating: 0, count: size)
        expectedTotal = expectedRight
        posteriorMass = [Double](repeating: 0, count: q)
        for chunk in chunks {
            for x in 0..<size { expectedRight[x] += chunk.right[x]; expectedTotal[x] += chunk.total[x] }
            for k in 0..<q { posteriorMass[k] += chunk.mass[k] }
        }
        logLikelihood = ll
    }
}

struct ExpectedCounts: Sendable {
    var right: [Double]
    var total: [Double]
    var mass: [Double]
    init(size: Int, points: Int) {
        right = [Double](repeating: 0, count: size)
        total = right
        mass = [Double](repeating: 0, count: points)
    }
}

import Foundation
import QBankPsychometrics

/// `swift run -c release qbank-bench calibrate [ITEMS] [CANDIDATES] [--model 2pl]`: simulates
/// ITEMS × CANDIDATES responses from seeded 2PL parameters, times the MML-EM calibration
/// in-process (best of 3) against the 10 s target, and prints the parameter recovery.
enum CalibrationBenchmark {
    static let target = 10.0

    static func run(_ arguments: [String]) {
        let numbers = arguments.compactMap(Int.init)
        let items = numbers.first ?? 200, candidates = numbers.dropFirst().first ?? 20_000
        let model = arguments.firstIndex(of: "--model").flatMap { arguments.indices.contains($0 + 1) ? IRTModel(rawValue: arguments[$0 + 1]) : nil } ?? .twoPL
        let ids = (1...items).map { "item-\($0)" }
        var generating: [String: ItemParameters] = [:]
        for id in ids {
            var p = ResponseSimulator.drawnParameters(for: id, seed: 19)
            if model == .rasch { p.a = 1 }
            if model == .threePL { p.c = 0.2 }
            generating[id] = p
        }
        var simulator = ResponseSimulator(parameters: generating, seed: 2026)
        let data = simulator.patterns(items: ids, count: candidates)
        print("Calibrating \(model.rawValue) on \(items) items × \(candidates) candidates (simulated, seed 2026) …")
        var best = Double.infinity
        var result: Calibration?
        for _ in 0..<3 {
            let start = DispatchTime.now().uptimeNanoseconds
            let calibration = Calibration(data, options: .init(model: model))
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            result = calibration
        }
        guard let calibration = result else { return }
        let rmse = { (values: [(Double, Double)]) in (values.reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } / Double(values.count)).squareRoot() }
        let a = rmse(calibration.items.map { ($0.parameters.a, generating[$0.id]!.a) })
        let b = rmse(calibration.items.map { ($0.parameters.b, generating[$0.id]!.b) })
        print(String(format: "calibrate %@: %.2f s (best of 3; target ≤ %.0f s, ratio %.2f), %d EM cycles, %@", model.rawValue, best, target,
                     best / target, calibration.cycles, calibration.converged ? "converged" : "NOT converged"))
        print(String(format: "recovery: RMSE a %.3f, RMSE b %.3f", a, b))
    }
}

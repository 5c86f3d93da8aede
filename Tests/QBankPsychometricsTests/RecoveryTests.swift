import Foundation
import QBankCore
import Testing
@testable import QBankPsychometrics

/// simulate → analyze → calibrate: two forms sharing 10 of their 30 items, 3,000 simulated
/// candidates each, recover the generating 2PL parameters.
struct RecoveryTests {
    static func forms() -> [[KeyEntry]] {
        let ids = (1...50).map { "r-\($0)" }
        func key(_ slice: ArraySlice<String>) -> [KeyEntry] {
            slice.enumerated().map { KeyEntry(position: $0.offset + 1, id: $0.element, type: "single", scored: true, answer: .choice("a")) }
        }
        return [key(ids[0..<30]), key(ids[20..<50])]
    }

    @Test func simulateAnalyzeCalibrateRecoversTheGeneratingParameters() {
        var generating: [String: ItemParameters] = [:]
        for form in Self.forms() { for entry in form { generating[entry.id] = ResponseSimulator.drawnParameters(for: entry.id, seed: 5) } }
        var simulator = ResponseSimulator(parameters: generating, distractors: Dictionary(uniqueKeysWithValues: generating.keys.map { ($0, ["b", "c", "d"]) }), seed: 11)
        let administrations = Self.forms().enumerated().map { simulator.administer(form: "form-\($0.offset + 1)", key: $0.element, count: 3000) }

        let analysis = ItemAnalysis(administrations)
        #expect(analysis.items.count == 50)
        #expect(analysis.items.first { $0.id == "r-25" }?.n == 6000)
        #expect(analysis.forms.allSatisfy { $0.alpha > 0.8 })
        // Harder items (higher b) have lower p-values.
        let pairs = analysis.items.map { ($0.pValue, generating[$0.id]!.b) }
        #expect(Sample.correlation(pairs.map(\.0), pairs.map(\.1))! < -0.9)

        let calibration = Calibration(ResponsePatterns(administrations), options: .init(model: .twoPL))
        #expect(calibration.converged)
        let rmseA = (calibration.items.reduce(0) { $0 + pow($1.parameters.a - generating[$1.id]!.a, 2) } / 50).squareRoot()
        let rmseB = (calibration.items.reduce(0) { $0 + pow($1.parameters.b - generating[$1.id]!.b, 2) } / 50).squareRoot()
        #expect(rmseA < 0.1 && rmseB < 0.1, "RMSE a \(rmseA), b \(rmseB)")
        print("recovery on 2 forms × 3,000 simulated candidates: RMSE a \(Format.fixed(rmseA)), b \(Format.fixed(rmseB))")
    }

    @Test func sameSeedSameResponses() {
        let key = Self.forms()[0]
        let parameters = Dictionary(uniqueKeysWithValues: key.map { ($0.id, ItemParameters(a: 1, b: 0)) })
        var one = ResponseSimulator(parameters: parameters, seed: 3), two = ResponseSimulator(parameters: parameters, seed: 3)
        let a = one.administer(form: "f", key: key, count: 50), b = two.administer(form: "f", key: key, count: 50)
        #expect(a.candidates.map(\.responses) == b.candidates.map(\.responses))
    }
}

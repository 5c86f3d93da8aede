import Foundation
import Testing
@testable import QBankPsychometrics

struct CalibrationTests {
    /// Anchors on a transformed scale (θ' = 2θ + 0.5) carry the free items onto it:
    /// b' = 2b + 0.5, a' = a / 2, and the estimated ability distribution is N(0.5, 2²).
    @Test func fixedParameterCalibrationPutsFreeItemsOnTheAnchorsScale() throws {
        let data = try CalibrationAnchorTests.lsat6()
        let free = Calibration(data, options: .init(model: .twoPL, tolerance: 1e-6))
        var anchors: [String: ItemParameters] = [:]
        for item in free.items.prefix(3) {
            anchors[item.id] = ItemParameters(a: item.parameters.a / 2, b: 2 * item.parameters.b + 0.5)
        }
        let anchored = Calibration(data, options: .init(model: .twoPL, anchors: anchors, tolerance: 1e-6))
        #expect(anchored.items.prefix(3).allSatisfy { $0.anchored && $0.seA == nil })
        for (before, after) in zip(free.items, anchored.items).dropFirst(3) {
            #expect(abs(after.parameters.b - (2 * before.parameters.b + 0.5)) < 0.05, "\(after.id) b \(after.parameters.b)")
            #expect(abs(after.parameters.a - before.parameters.a / 2) < 0.02, "\(after.id) a \(after.parameters.a)")
        }
        #expect(abs(anchored.populationMean - 0.5) < 0.05 && abs(anchored.populationSD - 2) < 0.1)
    }

    @Test func itemsNeverGivenToACandidateStayOutOfTheirLikelihood() {
        // Two "forms" sharing item x: y only on the first, z only on the second.
        let right: [[Int32]] = Array(repeating: [0, 1], count: 300) + Array(repeating: [0], count: 200) + Array(repeating: [2], count: 250)
        let wrong: [[Int32]] = Array(repeating: [], count: 300) + Array(repeating: [1], count: 200) + Array(repeating: [0], count: 250)
        let data = ResponsePatterns(items: ["x", "y", "z"], right: right, wrong: wrong)
        let calibration = Calibration(data, options: .init(model: .rasch))
        #expect(calibration.items.map(\.responses) == [750, 500, 250])
        #expect(calibration.converged)
    }

    @Test func sameInputSameEstimates() throws {
        let data = try CalibrationAnchorTests.lsat6()
        let one = Calibration(data, options: .init(model: .threePL)), two = Calibration(data, options: .init(model: .threePL))
        #expect(one.items == two.items && one.logLikelihood == two.logLikelihood)
    }
}

import Foundation
import Testing
@testable import QBankPsychometrics

struct AngoffStandardTests {
    /// Identical Rasch items at b = 0: TCC(θ) = n·σ(θ), so the cut is the logit of the mean rating.
    @Test func identicalItemsGiveTheLogitOfTheMeanRating() throws {
        let items = [0.6, 0.7, 0.8].map { (ItemParameters(a: 1, b: 0), $0) }
        #expect(abs(try AngoffStandard.cutTheta(items) - log(0.7 / 0.3)) < 1e-9)
    }

    /// 3PL: 0.2 + 0.8·σ(1.5(θ − 0.5)) = 0.7 at θ = 0.5 + ln(0.625/0.375)/1.5 ≈ 0.8405; symmetric items give 0.
    @Test func guessingAndSymmetryGiveTheKnownCut() throws {
        let threePL = [(ItemParameters(a: 1.5, b: 0.5, c: 0.2), 0.65), (ItemParameters(a: 1.5, b: 0.5, c: 0.2), 0.75)]
        #expect(abs(try AngoffStandard.cutTheta(threePL) - (0.5 + log(0.625 / 0.375) / 1.5)) < 1e-9)
        let symmetric = [(ItemParameters(a: 1.2, b: -1), 0.4), (ItemParameters(a: 1.2, b: 1), 0.6)]
        #expect(abs(try AngoffStandard.cutTheta(symmetric)) < 1e-9)
    }

    @Test func ratingsNoAbilityReachesAreRefused() {
        #expect(throws: AngoffStandard.Failure.unreachable(expected: 0.375, floor: 0.5, items: 2)) {
            try AngoffStandard.cutTheta([(ItemParameters(a: 1, b: 0, c: 0.25), 0.125), (ItemParameters(a: 1, b: 0, c: 0.25), 0.25)])
        }
        #expect(throws: AngoffStandard.Failure.self) { try AngoffStandard.cutTheta([(ItemParameters(a: 1, b: 0), 1.0)]) }
        #expect(throws: AngoffStandard.Failure.self) { try AngoffStandard.cutTheta([]) }
    }
}

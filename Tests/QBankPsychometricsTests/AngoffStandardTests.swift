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

    /// Ratings at or below the guessing floor, all 0 or all 1, or past what flat items reach: refused, not ±40.
    @Test func ratingsNoAbilityReachesAreRefused() throws {
        let guessing = [(ItemParameters(a: 1, b: 0, c: 0.25), 0.125), (ItemParameters(a: 1, b: 0, c: 0.25), 0.25)]
        let error = #expect(throws: AngoffStandard.Failure.self) { try AngoffStandard.cutTheta(guessing) }
        guard case .unreachable(let expected, let lowest, _, let items)? = error else { return }
        #expect(expected == 0.375 && abs(lowest - 0.5) < 1e-9 && items == 2)
        let twoItems = [ItemParameters(a: 1.2, b: -1), ItemParameters(a: 0.8, b: 1)]
        #expect(throws: AngoffStandard.Failure.self) { try AngoffStandard.cutTheta(twoItems.map { ($0, 0.0) }) }
        #expect(throws: AngoffStandard.Failure.self) { try AngoffStandard.cutTheta(twoItems.map { ($0, 1.0) }) }
        // a = 0.01: P(40) = σ(0.4) ≈ 0.599, so a rating of 0.9 has no θ (bisection alone would stop at 40).
        #expect(throws: AngoffStandard.Failure.self) { try AngoffStandard.cutTheta([(ItemParameters(a: 0.01, b: 0), 0.9)]) }
        #expect(throws: AngoffStandard.Failure.self) { try AngoffStandard.cutTheta([]) }
    }

    /// The cut is where the TCC meets the ratings' sum, and the same ratings give the same θ bit for bit.
    @Test func theCutMeetsTheSumOfRatingsAndIsDeterministic() throws {
        let items: [(parameters: ItemParameters, rating: Double)] = (0..<40).map { i in
            let a = 0.6 + Double(i % 7) / 5, b = Double(i % 9) / 3 - 1.3, c = Double(i % 3) / 10
            return (ItemParameters(a: a, b: b, c: c), 0.35 + Double(i % 11) / 20)
        }
        let theta = try AngoffStandard.cutTheta(items)
        let sum = items.reduce(0.0) { $0 + $1.rating }
        #expect(abs(ConversionTable.trueScore(items.map { $0.parameters }, at: theta) - sum) < 1e-9)
        #expect(try AngoffStandard.cutTheta(items).bitPattern == theta.bitPattern)
    }
}

struct AngoffPanelTests {
    /// An item's rating is the mean over the raters who rated it; the sd is across them (n − 1).
    @Test func itemsAverageTheirRaters() {
        let panel = AngoffPanel([("q2", "ann", 0.5), ("q1", "ann", 0.6), ("q1", "bo", 0.8), ("q1", "cy", 0.7)])
        #expect(panel.items.map(\.id) == ["q2", "q1"] && panel.raters == ["ann", "bo", "cy"] && panel.ratings == 4)
        let q1 = panel.items[1]
        #expect(q1.raters == 3 && abs(q1.mean - 0.7) < 1e-12 && abs(q1.sd! - 0.1) < 1e-12 && q1.min == 0.6 && q1.max == 0.8)
        #expect(panel.items[0].sd == nil && abs(panel.expectedRawScore - 1.2) < 1e-12)
    }
}

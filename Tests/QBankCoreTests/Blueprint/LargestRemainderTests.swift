import QBankCore
import Testing
import TestSupport

struct LargestRemainderTests {
    @Test func mlaCountsComeFromTheWeights() {
        let blueprint = Fixtures.mlaBlueprint
        #expect(blueprint.scoredCounts == [1: 14, 2: 13, 3: 11, 4: 12])
        #expect(blueprint.unscoredCounts == [1: 4, 2: 4, 3: 3, 4: 4])
        #expect(blueprint.counts(for: 65) == [1: 18, 2: 17, 3: 14, 4: 16])
    }

    @Test func seatsAlwaysAddUpAndTiesGoToTheEarlierParty() {
        #expect(LargestRemainder.apportion(10, weights: [1, 1, 1]) == [4, 3, 3])
        #expect(LargestRemainder.apportion(7, weights: [50, 30, 20]).reduce(0, +) == 7)
        #expect(LargestRemainder.apportion(0, weights: [1, 2]) == [0, 0])
        #expect(LargestRemainder.apportion(5, weights: []) == [])
    }
}

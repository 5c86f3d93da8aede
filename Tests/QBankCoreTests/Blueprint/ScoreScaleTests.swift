import QBankCore
import Testing

@Suite struct ScoreScaleTests {
    let scale = ScoreScale.standard

    @Test func endpointsAndCut() {
        #expect(scale.rawCut(maxRaw: 50) == 35)
        #expect(scale.scaled(raw: 0, maxRaw: 50) == 100)
        #expect(scale.scaled(raw: 35, maxRaw: 50) == 720)
        #expect(scale.scaled(raw: 50, maxRaw: 50) == 1000)
        #expect(scale.scaled(raw: 34, maxRaw: 50) == 702) // 100 + 620 * 34 / 35 = 702.28
        #expect(scale.scaled(raw: 42, maxRaw: 50) == 850) // 720 + 280 * 7 / 15 = 850.67
    }

    /// Pass/fail by scaled score and by raw score never disagree, for any form length.
    @Test func passingIsMonotoneAndAgreesWithTheCut() {
        for maxRaw in 1...120 {
            var previous = Int.min
            for raw in 0...maxRaw {
                let scaled = scale.scaled(raw: raw, maxRaw: maxRaw)
                #expect(scaled >= previous)
                #expect((scaled >= scale.cut) == scale.passes(raw: raw, maxRaw: maxRaw), "raw \(raw)/\(maxRaw)")
                previous = scaled
            }
        }
    }
}

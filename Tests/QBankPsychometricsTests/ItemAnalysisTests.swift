import QBankCore
import Testing
@testable import QBankPsychometrics

/// Hand-computed figures on a four-candidate form, so each formula is checked on its own.
struct ItemAnalysisTests {
    /// Scores: c1 1 1 1, c2 1 1 0, c3 1 0 0, c4 0 0 0 (item 3 unscored in the second test).
    static func administration(thirdScored: Bool = true) -> Administration {
        let key = [
            KeyEntry(position: 1, id: "i1", type: "single", scored: true, answer: .choice("b")),
            KeyEntry(position: 2, id: "i2", type: "multiple", scored: true, answer: .sequence(["a", "c"])),
            KeyEntry(position: 3, id: "i3", type: "matching", scored: thirdScored, answer: .pairs(["p1": "r1", "p2": "r2"])),
        ]
        let rows: [[Answer?]] = [
            [.choice("b"), .sequence(["c", "a"]), .pairs(["p1": "r1", "p2": "r2"])],
            [.choice("b"), .sequence(["a", "c"]), .pairs(["p1": "r2", "p2": "r1"])],
            [.choice("b"), .sequence(["a"]), nil],
            [.choice("a"), nil, .pairs(["p1": "r1"])],
        ]
        return Administration(form: "f", key: key, candidates: rows.enumerated().map { .init(id: "c\($0.offset)", responses: $0.element) })
    }

    @Test func difficultyReliabilityAndCorrectedCorrelation() {
        let analysis = ItemAnalysis([Self.administration()])
        #expect(analysis.items.map(\.pValue) == [0.75, 0.5, 0.25])
        let form = analysis.forms[0]
        #expect(abs(form.alpha - 0.75) < 1e-12)
        #expect(form.distribution == [1, 1, 1, 1])
        #expect(abs(form.sem - (5.0 / 3).squareRoot() * 0.5) < 1e-12)
        #expect(abs(analysis.items[0].pointBiserial! - 0.75 / (0.75 * 2.75).squareRoot()) < 1e-12)
        #expect(analysis.items[1].omitRate == 0.25)
    }

    @Test func distractorsAndMiskeyFlag() {
        let analysis = ItemAnalysis([Self.administration()])
        let options = analysis.items[0].options
        #expect(options.map(\.option) == ["a", "b"])
        #expect(options.map(\.count) == [1, 3])
        #expect(options[1].isKey && options[1].meanTotal == 2)
        #expect(analysis.items[0].flags.isEmpty)
    }

    @Test func unscoredItemsCorrelateWithTheScoredTotal() {
        let analysis = ItemAnalysis([Self.administration(thirdScored: false)])
        #expect(analysis.forms[0].scoredItems == 2)
        // i3 (1,0,0,0) against the scored total (2,2,1,0).
        let expected = 0.75 / (0.75 * 2.75).squareRoot()
        #expect(abs(analysis.items[2].pointBiserial! - expected) < 1e-12)
        #expect(!analysis.items[2].scored)
    }

    @Test func aKeyedOptionThatLowScorersChooseIsAMiskeySuspect() {
        var administration = Self.administration()
        administration.key[0].answer = .choice("a")
        let analysis = ItemAnalysis([administration])
        #expect(analysis.items[0].flags.contains { $0.code == "miskey-suspect" })
    }

    @Test func formsPoolByItemId() {
        let one = Self.administration()
        var two = Self.administration()
        two.form = "g"
        two.candidates = Array(two.candidates.prefix(2))
        let analysis = ItemAnalysis([one, two])
        #expect(analysis.items.count == 3)
        #expect(analysis.items[0].n == 6 && analysis.items[0].forms == ["f", "g"])
        #expect(abs(analysis.items[0].pValue - 5.0 / 6) < 1e-12)
    }
}

import Testing
@testable import QBankRules

/// The pre-check may say "maybe" too often, never "no" when a needle is there.
struct ByteNeedlesTests {
    let needles = ByteNeedles(exact: ["TODO"], folded: ["lorem"])

    @Test func exactNeedlesKeepTheirCase() {
        #expect(needles.mayOccur(in: "Write it. TODO: more"))
        #expect(!needles.mayOccur(in: "a todo list of jobs"))
    }

    @Test func foldedNeedlesMatchEitherCase() {
        #expect(needles.mayOccur(in: "LOREM ipsum"))
        #expect(needles.mayOccur(in: "text ends in Lorem"))
        #expect(!needles.mayOccur(in: "lore and ipsum"))
        #expect(!needles.mayOccur(in: ""))
    }

    @Test func nonASCIITextsAndNeedlesAreAlwaysMaybe() {
        #expect(needles.mayOccur(in: "café"))
        #expect(ByteNeedles(exact: ["É"], folded: []).mayOccur(in: "plain"))
        #expect(ByteNeedles(exact: [""], folded: []).mayOccur(in: "plain"))
    }

    @Test func oneByteNeedlesAndNeedlesAtTheEnd() {
        let x = ByteNeedles(exact: ["X"], folded: [])
        #expect(x.mayOccur(in: "a X b") && x.mayOccur(in: "ab-X") && x.mayOccur(in: "X") && x.mayOccur(in: "**X**"))
        #expect(!x.mayOccur(in: "abc x"))
        #expect(needles.mayOccur(in: "the end TODO"))
        #expect(!needles.mayOccur(in: "the end TOD"))
    }

    /// A needle inside a longer run of word bytes is no word of the text: "TODOS", "XTODO" and "TODO_1" are not "TODO".
    @Test func needlesMustBeWholeRunsOfWordBytes() {
        #expect(!needles.mayOccur(in: "TODOS and XTODO and TODO_1 and TODO2"))
        #expect(needles.mayOccur(in: "(TODO)") && needles.mayOccur(in: "TODO.") && needles.mayOccur(in: "`TODO`"))
        #expect(needles.mayOccur(in: "pre-TODO") && needles.mayOccur(in: "lorem-ipsum"))
        let x = ByteNeedles(exact: ["X"], folded: [])
        #expect(!x.mayOccur(in: "aXb") && !x.mayOccur(in: "abX"))
    }
}

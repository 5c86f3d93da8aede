@testable import QBankRules
import Testing

/// `WordGate` may let a word through that is not in its list, never stop one that is.
struct WordListsTests {
    let list: Set<String> = ["often", "may", "no one", "x"]

    @Test func listedWordsPassAndMostOthersStop() {
        let gate = WordGate(list)
        #expect(list.allSatisfy(gate.mayContain))
        #expect(!gate.mayContain("offers") && !gate.mayContain("m") && !gate.mayContain("xx"))
        #expect(gate.mayContain("max") && gate.mayContain("offer")) // first byte and length of "may", "often": the set decides
    }

    @Test func nonASCIIListsAndWordsPassEverything() {
        #expect(WordGate(["café"]).mayContain("cafe\u{301}"))
        #expect(WordGate(["naïve"]).mayContain("plain"))
        #expect(WordGate(["often"]).mayContain("éclair"))
        #expect(WordGate([""]).mayContain("anything"))
    }

    @Test func longWordsShareTheLastLengthBucket() {
        let long = String(repeating: "a", count: 70)
        #expect(WordGate([long]).mayContain(long) && WordGate([long]).mayContain(String(repeating: "a", count: 64)))
    }

    @Test func phraseListsFindPhrasesBehindTheGate() {
        let phrases = PhraseList(["no one", "Often"])
        #expect(phrases.matches(in: ["no", "one", "knows"]) == ["no one"])
        #expect(phrases.matches(in: ["it", "often", "fails"]) == ["often"])
        #expect(phrases.matches(in: ["nothing", "here"]).isEmpty)
    }
}

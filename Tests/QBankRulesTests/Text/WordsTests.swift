@testable import QBankRules
import Testing

/// `Words.lowered` builds only Strings on ASCII texts; it must give the lower forms of `Words.of`.
struct WordsTests {
    @Test(arguments: [
        "", "Don't **USE** the `S3-bucket`.", "Which is NOT v1.2 e.g. well-known __init__?", "a - b -- c' 'd",
        "Café’s NOT naïve", "ASCII then é", "**bold** `code` ** x", "Ends with joiner-", "İstanbul DOTTED",
    ])
    func loweredMatchesWords(_ text: String) {
        TextMemo.current.forgetAll()
        let fresh = Words.lowered(text)          // tokenised for lower forms only
        let fromWords = Words.of(text).map(\.lower)
        TextMemo.current.forgetAll()
        _ = Words.of(text)
        #expect(Words.lowered(text) == fromWords) // reused from the known words
        #expect(fresh == fromWords)
        #expect(Words.lowered(text[...]) == fromWords)
    }

    @Test func loweredValues() {
        TextMemo.current.forgetAll()
        #expect(Words.lowered("Don't **USE** the `S3-bucket`.") == ["don't", "use", "the", "s3-bucket"])
        #expect(Words.lowered("Café’s NOT") == ["café's", "not"])
        #expect(Words.lowered("A longer-than-fifteen-bytes WORD") == ["a", "longer-than-fifteen-bytes", "word"])
    }
}

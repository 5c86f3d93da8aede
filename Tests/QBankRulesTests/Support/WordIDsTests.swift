@testable import QBankRules
import Testing

/// QB505's word numbering must treat words as `String` does, or it would split a word its weights count once.
struct WordIDsTests {
    @Test func equalWordsShareAnIdAndOthersDoNot() {
        var ids = WordIDs()
        let composed = "caf\u{E9}", decomposed = "cafe\u{301}"
        #expect(ids.id(of: composed) == 0)
        #expect(ids.id(of: "cafe") == 1)
        #expect(ids.id(of: decomposed) == 0)
        // Past the first table's size, every word keeps its id.
        let many = (0..<3_000).map { "word\($0)" }
        let first = many.map { ids.id(of: $0) }
        #expect(many.map { ids.id(of: $0) } == first)
        #expect(Set(first).count == 3_000 && ids.words.count == 3_002)
        #expect(ids.id(of: decomposed) == 0 && ids.id(of: "cafe") == 1)
    }
}

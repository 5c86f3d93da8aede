@testable import QBankRules
import Testing

/// The memo answers a text it has seen with the value computed for it, per item; a miss only computes again.
struct TextMemoTests {
    @Test func aTextIsComputedOncePerItem() {
        let memo = TextMemo()
        var computed = 0
        let text = String(repeating: "a text longer than fifteen bytes ", count: 3) // stored on the heap
        let copy = text // same storage
        func ask(_ value: String) -> Bool { memo.isCombination(value) { computed += 1; return $0.hasPrefix("a text") } }
        #expect(ask(text) && ask(copy) && ask("short text") == false)
        #expect(computed == 2)
        memo.reset()
        #expect(ask(text))
        #expect(computed == 3)
    }

    @Test func equalTextsWithOtherStorageGetTheirOwnRightValue() {
        let memo = TextMemo()
        let first = String(repeating: "Which option is NOT right? ", count: 2)
        let second = String(repeating: "Which option is NOT right? ", count: 2)
        let words = memo.words(of: first) { _ in Words.of(first[...]) }
        let again = memo.words(of: second) { _ in Words.of(second[...]) }
        #expect(words.map(\.lower) == again.map(\.lower))
        // Many texts in one item: slots taken by others only cost a recomputation, never a wrong value.
        let texts = (0..<500).map { "text number \($0) of one item, long enough for the heap" }
        for text in texts { _ = memo.lowered(of: text) { Words.of($0[...]).map(\.lower) } }
        for text in texts { #expect(memo.lowered(of: text) { Words.of($0[...]).map(\.lower) } == Words.of(text[...]).map(\.lower)) }
    }

    @Test func stemsAreKeptAcrossItemsAndForgottenOnRequest() {
        let memo = TextMemo()
        var computed = 0
        func stem(_ word: String) -> String { memo.stem(of: word) { computed += 1; return String($0.dropLast()) } }
        #expect(stem("encrypted") == "encrypte")
        memo.reset()
        #expect(stem(String("encrypted".reversed().reversed())) == "encrypte")
        #expect(computed == 1)
        memo.forgetAll()
        #expect(stem("encrypted") == "encrypte" && computed == 2)
    }
}

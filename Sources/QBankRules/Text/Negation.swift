/// Finds negative words ("not", "except", "don't", …) in a run of words, skipping
/// phrases where the word does not negate ("at least 20 GB", "false positives").
enum Negation {
    static func negatives(in words: [Word], list: Set<String>, exceptions: [[String]]) -> [Word] {
        // Most texts have no negative word at all: then the exceptions need not be looked for.
        guard words.contains(where: { !$0.isCode && (list.contains($0.lower) || isContraction($0.lower)) }) else { return [] }
        let lower = words.map(\.lower)
        var excused = Set<Int>()
        for phrase in exceptions where !phrase.isEmpty && phrase.count <= lower.count {
            for start in 0...(lower.count - phrase.count) where lower[start..<(start + phrase.count)].elementsEqual(phrase) {
                excused.formUnion(start..<(start + phrase.count))
            }
        }
        return words.indices.filter { index in
            !excused.contains(index) && !words[index].isCode && (list.contains(lower[index]) || isContraction(lower[index]))
        }.map { words[$0] }
    }

    /// "don't", "isn't": the last byte rules out almost every word before the character comparison.
    static func isContraction(_ lower: String) -> Bool {
        lower.utf8.last == UInt8(ascii: "t") && lower.hasSuffix("n't")
    }
}

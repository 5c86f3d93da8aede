/// Finds negative words ("not", "except", "don't", …) in a run of words, skipping
/// phrases where the word does not negate ("at least 20 GB", "false positives").
enum Negation {
    static func negatives(in words: [Word], list: Set<String>, exceptions: [[String]]) -> [Word] {
        let lower = words.map(\.lower)
        var excused = Set<Int>()
        for phrase in exceptions where !phrase.isEmpty && phrase.count <= lower.count {
            for start in 0...(lower.count - phrase.count) where lower[start..<(start + phrase.count)].elementsEqual(phrase) {
                excused.formUnion(start..<(start + phrase.count))
            }
        }
        return words.indices.filter { index in
            !excused.contains(index) && !words[index].isCode && (list.contains(lower[index]) || lower[index].hasSuffix("n't"))
        }.map { words[$0] }
    }
}

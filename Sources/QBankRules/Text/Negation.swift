/// Finds negative words ("not", "except", "don't", …) in a run of words, skipping
/// phrases where the word does not negate ("at least 20 GB", "false positives").
enum Negation {
    /// `gate` is `WordGate(list)`, made once by the rule: it settles most words without hashing them.
    /// Words are read in place by index: a `Word` copied into a closure retained two strings.
    static func negatives(in words: [Word], list: Set<String>, gate: WordGate, exceptions: [[String]]) -> [Word] {
        func isNegative(_ index: Int) -> Bool {
            guard !words[index].isCode else { return false }
            let lower = words[index].lower
            return (gate.mayContain(lower) && list.contains(lower)) || isContraction(lower)
        }
        // Most texts have no negative word at all: then the exceptions need not be looked for.
        guard let first = words.indices.first(where: isNegative) else { return [] }
        let lower = words.map(\.lower)
        var excused = Set<Int>()
        for phrase in exceptions where !phrase.isEmpty && phrase.count <= lower.count {
            // The first word settles almost every position before the slice is compared.
            for start in 0...(lower.count - phrase.count) where lower[start] == phrase[0] && lower[start..<(start + phrase.count)].elementsEqual(phrase) {
                excused.formUnion(start..<(start + phrase.count))
            }
        }
        return words.indices[first...].filter { !excused.contains($0) && isNegative($0) }.map { words[$0] }
    }

    /// The negatives that make the question itself negative (QB201, QB202). The lead-in must ask something: it ends
    /// in "?" or ":" or runs into the options (a completion); a statement ending in "." ("Statement 2| … does not …")
    /// asks no negative question. A negative inside a subordinate or relative clause ("messages that are not lost",
    /// "when the instances are not in use") states a condition, not the question, until a comma closes the clause;
    /// and "true or false" / "True / False" is a true-false question, not a negative one.
    static func questionNegatives(inLeadInOf stem: String, list: Set<String>, gate: WordGate, exceptions: [[String]]) -> [Word] {
        let words = LeadIn.words(of: stem)
        let negatives = negatives(in: words, list: list, gate: gate, exceptions: exceptions)
        guard !negatives.isEmpty, let last = LeadIn.of(stem).last, last != ".", last != "!", last != ")" else { return [] }
        let lower = Set(words.map(\.lower))
        let trueFalse = lower.contains("true") && lower.contains("false")
        var inClause = false
        var kept: [Word] = []
        for (index, word) in words.enumerated() {
            let afterComma = index > 0 && words[index - 1].text.endIndex <= word.text.startIndex
                && stem[words[index - 1].text.endIndex..<word.text.startIndex].contains(",")
            if afterComma { inClause = false }
            // ", which you don't remember creating," is a relative clause, not the question.
            if subordinators.contains(word.lower) || (afterComma && (word.lower == "which" || word.lower == "who")) { inClause = true }
            if !inClause, !(trueFalse && word.lower == "false"),
               negatives.contains(where: { $0.text.startIndex == word.text.startIndex }) {
                kept.append(word)
            }
        }
        return kept
    }

    /// Words that open a subordinate or relative clause; "which" and "what" are left out: they open the question.
    private static let subordinators: Set<String> = [
        "that", "when", "whenever", "if", "because", "where", "while", "unless", "although", "though", "since",
        "after", "before", "whose", "who", "whom", "so",
    ]

    /// "don't", "isn't": the last byte rules out almost every word before the character comparison.
    static func isContraction(_ lower: String) -> Bool {
        let utf8 = lower.utf8
        guard utf8.count >= 3, utf8[utf8.index(before: utf8.endIndex)] == UInt8(ascii: "t") else { return false }
        return lower.hasSuffix("n't")
    }
}

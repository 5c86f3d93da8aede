/// "Content words" as the catalog defines them (RULES.md §2 conventions): at least four
/// letters, not a function word, reduced by a light suffix stripper so that "encrypts",
/// "encrypted" and "encrypting" meet. Used by the word-repeat rules (QB306, QB405).
enum ContentWords {
    static let minimumLength = 4

    /// The stemmed content words of `text`, code spans included (a repeated identifier is a cue too).
    /// `gate` is `WordGate(stopWords)` where the caller keeps one: it settles most words without hashing them.
    static func of(_ text: some StringProtocol, stopWords: Set<String> = StopWords.english, gate: WordGate? = nil) -> Set<String> {
        Set(stems(of: Words.of(text), stopWords: stopWords, gate: gate))
    }

    /// The stems of the content words among `words`, in order, repeats kept.
    static func stems(of words: [Word], stopWords: Set<String> = StopWords.english, gate: WordGate? = nil) -> [String] {
        var found: [String] = []
        found.reserveCapacity(words.count)
        let memo = TextMemo.current // once, not per word
        for word in words where isContent(word.lower, stopWords: stopWords, gate: gate) {
            found.append(memo.stem(of: word.lower, compute: computeStem))
        }
        return found
    }

    static func isContent(_ lower: String, stopWords: Set<String> = StopWords.english, gate: WordGate? = nil) -> Bool {
        // UTF-8 length bounds the character count from above: a short byte count settles it cheaply,
        // and an ASCII word has as many characters as bytes (counting characters cost more than the rest).
        guard lower.utf8.count >= minimumLength, lower.utf8.allSatisfy({ $0 < 0x80 }) || lower.count >= minimumLength else { return false }
        let hasLetter = lower.utf8.contains { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x41 && $0 <= 0x5A) } || lower.contains(where: \.isLetter)
        return hasLetter && !((gate?.mayContain(lower) ?? true) && stopWords.contains(lower))
    }

    /// Strips `-ations, -ation, -ings, -ing, -ies, -es, -s, -ed` (keeping at least four
    /// characters), then a final `e`, so "store", "stored" and "storing" give "stor".
    static func stem(_ word: String) -> String {
        TextMemo.current.stem(of: word, compute: computeStem)
    }

    private static func computeStem(_ word: String) -> String {
        var stem = word
        if stem.hasSuffix("'s") { stem.removeLast(2) }
        for suffix in ["ations", "ation", "ings", "ing", "ies", "es", "ed", "s"] where stem.hasSuffix(suffix) {
            if suffix == "s", stem.hasSuffix("ss") || stem.hasSuffix("us") || stem.hasSuffix("is") { break }
            if suffix == "es", !(stem.hasSuffix("sses") || stem.hasSuffix("xes") || stem.hasSuffix("ches") || stem.hasSuffix("shes")) { continue }
            let kept = stem.count - suffix.count
            guard kept >= minimumLength else { break }
            stem.removeLast(suffix.count)
            if suffix == "ies" { stem += "y" }
            break
        }
        if stem.count > minimumLength, stem.hasSuffix("e") { stem.removeLast() }
        return stem
    }
}

enum StopWords {
    /// About 150 English function words plus the exam words "following, best, most, least,
    /// which, what" (RULES.md §2 conventions). Only words of four or more letters matter.
    static let english: Set<String> = [
        "about", "above", "across", "after", "afterwards", "again", "against", "almost", "alone", "along",
        "already", "also", "although", "always", "among", "amongst", "another", "anyhow", "anyone", "anything",
        "anyway", "anywhere", "around", "became", "because", "become", "becomes", "been", "before", "beforehand",
        "behind", "being", "below", "beside", "besides", "best", "between", "beyond", "both", "cannot", "could",
        "does", "doing", "done", "down", "during", "each", "either", "else", "elsewhere", "enough", "even",
        "ever", "every", "everyone", "everything", "everywhere", "except", "few", "fewer", "following", "former",
        "from", "further", "given", "have", "having", "hence", "here", "hereby", "herein", "hers", "herself",
        "himself", "however", "into", "itself", "just", "last", "latter", "least", "less", "made", "make",
        "makes", "many", "might", "more", "moreover", "most", "mostly", "much", "must", "myself", "neither",
        "never", "nevertheless", "next", "nobody", "none", "nothing", "otherwise", "ours", "ourselves", "over",
        "own", "perhaps", "please", "rather", "same", "several", "should", "since", "some", "somehow", "someone",
        "something", "sometime", "sometimes", "somewhere", "still", "such", "than", "that", "their", "theirs",
        "them", "themselves", "then", "thence", "there", "thereafter", "thereby", "therefore", "therein",
        "these", "they", "this", "those", "though", "through", "throughout", "thus", "together", "too", "toward",
        "towards", "under", "unless", "until", "upon", "used", "uses", "using", "very", "want", "wants", "were",
        "what", "whatever", "when", "whence", "whenever", "where", "whereas", "whereby", "wherein", "whether",
        "which", "while", "whither", "whoever", "whole", "whom", "whose", "will", "with", "within", "without",
        "would", "your", "yours", "yourself", "yourselves", "able", "also", "only", "onto", "take", "takes",
        "that's", "it's", "don't", "doesn't", "isn't", "aren't", "can't", "won't", "shouldn't", "wouldn't",
    ]
}

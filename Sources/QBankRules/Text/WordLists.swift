/// Default word lists of the lexical rules. Each rule copies the list it uses into a
/// `public var`, so a configuration can replace it per rule.
enum WordLists {
    /// Negative words of a lead-in (QB201, QB202). "n't" contractions count too.
    static let negativeLeadIn: Set<String> = ["not", "except", "least", "false", "incorrect", "cannot", "never", "untrue", "inaccurate"]

    /// Phrases in which a negative word is not a negative question: "at least 20 GB",
    /// "not only … but", "false positives", "whether or not".
    static let negativeExceptions: [[String]] = [
        ["at", "least"], ["not", "only"], ["whether", "or", "not"], ["if", "not"], ["false", "positive"],
        ["false", "positives"], ["false", "negative"], ["false", "negatives"], ["false", "positive", "rate"],
        ["not", "a", "number"], ["least", "privilege"], ["least", "privileged"], ["least", "recently"],
        // Terms of art that contain "least" or "false" without asking a negative question.
        ["least", "squares"], ["least", "square"], ["least", "angle"], ["least", "absolute"],
        ["least", "significant"], ["least", "frequently", "used"], ["least", "common"], ["false", "discovery"],
        ["false", "alarm"], ["false", "alarms"], ["false", "acceptance"], ["false", "rejection"], ["or", "not"],
        // "least" as an optimisation criterion ("with the least amount of effort"), not a negation.
        ["least", "amount"], ["least", "effort"], ["least", "cost"], ["least", "expensive"], ["least", "operational"],
        ["least", "time"], ["least", "possible"], ["least", "number"],
    ]

    /// Negation in an option (QB202).
    static let optionNegation: Set<String> = ["not", "no", "never", "none", "cannot", "nothing", "neither", "nor"]

    /// Specific determiners (QB307): the catalog's list (RULES.md §2b) without the scope words below.
    static let absolute: [String] = [
        "always", "never", "completely", "absolutely", "totally", "entirely", "invariably", "certainly",
        "definitely", "no one", "everyone", "impossible", "guaranteed",
    ]

    /// Scope words the catalog also lists as absolute. In technical items they scope an action ("encrypt
    /// all objects", "run it every day", "only the training role") far more often than they overstate,
    /// so QB307 leaves them out unless configured (measured: 19 of 100 sample-bank items).
    static let scopeAbsolute: [String] = ["all", "none", "every", "only", "must"]

    /// Words that scaffold an exam question rather than carry its content ("Which actions meet these
    /// requirements?"); QB306 ignores them.
    static let questionScaffolding: Set<String> = [
        "action", "actions", "requirement", "requirements", "solution", "solutions", "approach", "approaches",
        "change", "changes", "option", "options", "step", "steps", "meet", "meets", "take", "takes",
        "company", "companies", "engineer", "engineers", "team", "statement", "statements", "result", "results", "answer",
        "correct", "true", "false", "describe", "describes", "example", "choose", "select",
    ]

    /// Vendor and generic words that name the product family rather than the answer ("Amazon", "AWS",
    /// "service"): every option of a cloud exam may carry them, so QB306 ignores them too.
    static let vendorAndGeneric: Set<String> = [
        "amazon", "aws", "azure", "google", "microsoft", "service", "services", "managed", "cloud", "feature",
        "features", "tool", "tools", "resource", "resources", "using", "capability", "capabilities",
    ]

    /// Vague frequency and hedging terms (QB308; RULES.md §2b).
    static let vague: [String] = [
        "often", "usually", "sometimes", "rarely", "frequently", "occasionally", "commonly", "generally",
        "typically", "normally", "seldom", "mostly", "nearly", "approximately", "somewhat",
        "may", "might", "possibly", "probably", "likely",
    ]

    /// Words that make a lead-in a question or a task (QB203).
    static let directives: Set<String> = [
        "which", "what", "who", "whom", "whose", "when", "where", "why", "how", "select", "choose", "identify",
        "determine", "arrange", "order", "match", "drag", "pick", "name", "list", "indicate", "complete",
        "put", "place", "sort", "specify", "classify", "rank", "calculate", "compute", "estimate", "explain",
        "describe", "recommend", "evaluate",
    ]

    /// Words that reveal a step's position (QB402). "Start", "Begin" and "End" are left out: as
    /// imperatives they are step content ("Start the training job").
    static let sequenceMarkers: Set<String> = [
        "first", "firstly", "second", "secondly", "third", "thirdly", "fourth", "fifth", "then", "next",
        "after", "afterwards", "afterward", "finally", "lastly", "last", "before", "initially", "subsequently",
        "later",
    ]
}

/// Splits a lower-cased phrase list into word sequences once.
extension Array where Element == String {
    var asPhrases: [[String]] { map { $0.split(separator: " ").map(String.init) } }
}

extension Array where Element == String {
    /// Phrases of `list` found in these words, each once, in list order.
    func matches(_ phrases: [[String]]) -> [String] {
        phrases.filter { containsSequence($0) }.map { $0.joined(separator: " ") }
    }
}

/// Lower-cased phrases to find in lower-cased words, with their first words at hand: most
/// texts contain none of them, and one set look-up per word says so.
struct PhraseList: Sendable {
    let phrases: [[String]]
    private let firstWords: Set<String>
    private let gate: WordGate
    /// An empty phrase is found in every text, so it turns the look-up off.
    private let hasEmpty: Bool

    init(_ terms: [String]) {
        phrases = terms.map { $0.lowercased() }.asPhrases
        firstWords = Set(phrases.compactMap(\.first))
        gate = WordGate(firstWords)
        hasEmpty = phrases.contains { $0.isEmpty }
    }

    /// `words.matches(phrases)`.
    func matches(in words: [String]) -> [String] {
        guard hasEmpty || words.contains(where: { gate.mayContain($0) && firstWords.contains($0) }) else { return [] }
        return words.matches(phrases)
    }
}

/// The first byte and length (in bytes) of every word of a list: a word whose pair is none of
/// them is not in the list, and is settled without hashing it (most words of a text are not;
/// the first byte alone let through half the words of a text for a list of twenty).
/// A list with a word that is not all ASCII (or is empty) lets every word through, since a decomposed
/// "é" starts with "e" and equals the composed one in fewer bytes. A word that starts with a byte
/// past ASCII always passes. An ASCII list word equals only its own bytes among the words the
/// tokeniser makes: no letter, digit or `_` decomposes to ASCII once lower-cased (the Kelvin sign
/// lower-cases to "k").
struct WordGate: Sendable {
    /// Bit `length` of entry `byte`: some word starts with `byte` and has that many bytes (63: 63 or more).
    private var lengths = [UInt64](repeating: 0, count: 128)
    private var passesAll = false

    init(_ words: some Sequence<String>) {
        for word in words {
            guard let byte = word.utf8.first, word.utf8.allSatisfy({ $0 < 0x80 }) else { passesAll = true; continue }
            lengths[Int(byte)] |= 1 << UInt64(min(word.utf8.count, 63))
        }
    }

    /// False only when no word of the list can equal `word`.
    func mayContain(_ word: String) -> Bool {
        guard !passesAll, let byte = word.utf8.first, byte < 0x80 else { return true }
        return lengths[Int(byte)] >> UInt64(min(word.utf8.count, 63)) & 1 == 1
    }
}

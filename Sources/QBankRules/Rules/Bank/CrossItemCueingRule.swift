import QBankCore

/// One item's stem must not give away another item's key.
public struct CrossItemCueingRule: ConfigurableRule {
    /// Keys shorter than this (in characters) are too generic to cue anything.
    public var minimumKeyLength = 12
    /// Keys need at least this many content words (four letters or more, not a function word).
    public var minimumContentWords = 3
    /// A key found in more stems than this is a common phrase of the bank, not a cue.
    public var maximumDocumentFrequency = 2

    public init() {}

    public var options: [String: RuleOptionValue] {
        ["minimumKeyLength": .number(Double(minimumKeyLength)), "minimumContentWords": .number(Double(minimumContentWords)),
         "maximumDocumentFrequency": .number(Double(maximumDocumentFrequency))]
    }

    public mutating func configure(_ options: RuleOptions) throws(RuleOptionError) {
        try options.read("minimumKeyLength", into: &minimumKeyLength, in: 1...1_000)
        try options.read("minimumContentWords", into: &minimumContentWords, in: 0...50)
        try options.read("maximumDocumentFrequency", into: &maximumDocumentFrequency, in: 1...1_000)
    }

    public static let description = RuleDescription(
        id: "QB504", name: "cross-item-cueing", category: .bank,
        summary: "An item's key must not appear word for word in another item's stem.",
        rationale: """
            When item B's stem states item A's answer, a candidate who sees both on one form gets A free \
            (NBME item-writing guide, "hinged" items; Haladyna, Downing & Rodriguez 2002, guideline 4: keep items \
            independent). A key of at least `minimumKeyLength` (12) characters and `minimumContentWords` (3) content words \
            (four letters or more, not a function word) is \
            looked up, word for word with case and punctuation ignored, in every other stem; it is reported when \
            it appears in at most `maximumDocumentFrequency` (2) stems, because a phrase found in many stems is \
            the bank's common vocabulary, not a cue. Items in the same case study, and items declared enemies, \
            are skipped (they never share a form apart).
            """,
        severity: .warning,
        triggeringExamples: [
            RuleExample("""
                {"format": "urn:qbank:bank:1", "items": [
                  ↓{"id": "q1", "type": "single", "domain": 4, "task": "4.1", "status": "draft", "stem": "Which feature detects drift in the quality of a deployed model's predictions?",
                   "options": [{"id": "a", "text": "SageMaker Model Monitor", "correct": true}, {"id": "b", "text": "SageMaker Debugger"}, {"id": "c", "text": "SageMaker Experiments"}, {"id": "d", "text": "SageMaker Ground Truth"}]},
                  {"id": "q2", "type": "single", "domain": 4, "task": "4.2", "status": "draft", "stem": "A team uses SageMaker Model Monitor to detect drift. Where should the team send the alerts?",
                   "options": [{"id": "a", "text": "Amazon CloudWatch", "correct": true}, {"id": "b", "text": "AWS Glue"}, {"id": "c", "text": "Amazon Athena"}, {"id": "d", "text": "AWS Batch"}]}
                ]}
                """, syntax: .json),
        ],
        nonTriggeringExamples: [
            RuleExample("""
                {"format": "urn:qbank:bank:1", "items": [
                  {"id": "q1", "type": "single", "domain": 4, "task": "4.1", "status": "draft", "stem": "Which feature detects drift in the quality of a deployed model's predictions?",
                   "options": [{"id": "a", "text": "SageMaker Model Monitor", "correct": true}, {"id": "b", "text": "SageMaker Debugger"}, {"id": "c", "text": "SageMaker Experiments"}, {"id": "d", "text": "SageMaker Ground Truth"}],
                   "enemies": ["q2"]},
                  {"id": "q2", "type": "single", "domain": 4, "task": "4.2", "status": "draft", "stem": "A team uses SageMaker Model Monitor to detect drift. Where should the team send the alerts?",
                   "options": [{"id": "a", "text": "Amazon CloudWatch", "correct": true}, {"id": "b", "text": "AWS Glue"}, {"id": "c", "text": "Amazon Athena"}, {"id": "d", "text": "AWS Batch"}]}
                ]}
                """, syntax: .json),
            // A phrase in three stems is the bank's vocabulary, not a cue.
            RuleExample("""
                {"format": "urn:qbank:bank:1", "items": [
                  {"id": "q1", "type": "single", "domain": 1, "task": "1.1", "status": "draft", "stem": "Which storage class moves rarely read training data to cheaper tiers by itself?",
                   "options": [{"id": "a", "text": "Amazon S3 Intelligent-Tiering", "correct": true}, {"id": "b", "text": "Amazon S3 Standard"}, {"id": "c", "text": "Amazon EBS gp3"}, {"id": "d", "text": "Amazon EFS Standard"}]},
                  {"id": "q2", "type": "single", "domain": 1, "task": "1.1", "status": "draft", "stem": "Data lands in Amazon S3 Intelligent-Tiering. Which service catalogues it?",
                   "options": [{"id": "a", "text": "AWS Glue Data Catalog", "correct": true}, {"id": "b", "text": "Amazon Athena"}, {"id": "c", "text": "Amazon EMR"}, {"id": "d", "text": "AWS Lambda"}]},
                  {"id": "q3", "type": "single", "domain": 1, "task": "1.2", "status": "draft", "stem": "Logs arrive in Amazon S3 Intelligent-Tiering every hour. Which service queries them in place?",
                   "options": [{"id": "a", "text": "Amazon Athena", "correct": true}, {"id": "b", "text": "Amazon RDS"}, {"id": "c", "text": "Amazon DynamoDB"}, {"id": "d", "text": "Amazon Neptune"}]},
                  {"id": "q4", "type": "single", "domain": 1, "task": "1.3", "status": "draft", "stem": "Which service copies objects out of Amazon S3 Intelligent-Tiering on a schedule?",
                   "options": [{"id": "a", "text": "AWS DataSync", "correct": true}, {"id": "b", "text": "Amazon SQS"}, {"id": "c", "text": "Amazon SNS"}, {"id": "d", "text": "AWS Config"}]}
                ]}
                """, syntax: .json),
        ]
    )

    static let functionWords: Set<String> = [
        "about", "above", "after", "also", "been", "before", "best", "both", "does", "each", "following", "from", "have",
        "into", "least", "more", "most", "only", "other", "over", "should", "such", "than", "that", "their", "them",
        "then", "there", "these", "they", "this", "those", "under", "what", "when", "where", "which", "while", "will",
        "with", "would", "your",
    ]

    private static let functionWordBytes = ByteWordSet(functionWords)

    /// Words of four bytes or more (`BankText.foldedWords`' words) that are not function words, counted on the bytes.
    static func contentWordCount(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { word in
                BankText.wordFolding.withUnsafeBufferPointer { folding in
                    var count = 0, length = 0
                    for index in 0...bytes.count {
                        if index < bytes.count, folding[Int(bytes[index])] != 0 {
                            word[length] = folding[Int(bytes[index])]
                            length += 1
                        } else if length > 0 {
                            if length >= 4, !functionWordBytes.contains(UnsafeBufferPointer(rebasing: word[0..<length])) { count += 1 }
                            length = 0
                        }
                    }
                    return count
                }
            }
        }
    }

    /// A key to look for: its words (hashed), the item it belongs to.
    private struct Key {
        var words: [UInt64]
        var owner: Int
        var text: String
    }

    /// One item's part, as the cache keeps it: its keys that may cue (words hashed, and the text) and its stem's words.
    struct Analysis {
        var keys: [(words: [UInt64], text: String)]
        var stem: [UInt64]
    }

    public func check(_ context: LintContext) -> [Diagnostic] {
        let entries = context.bankItems
        guard entries.count >= 2 else { return [] }
        let analyses = entries.analyses(rule: Self.description.id, in: context, analyse: { range in
            range.map { index in
                var keys: [(words: [UInt64], text: String)] = []
                if let body = entries[index].choiceBody {
                    // The keys read where they lie (`body.keys` filters a copy of them).
                    for option in body.options.indices where body.options[option].isCorrect {
                        let text = body.options[option].text.value
                        guard BankText.scalarCount(text) >= minimumKeyLength else { continue }
                        let words = BankText.wordHashes(text)
                        guard !words.isEmpty, Self.contentWordCount(text) >= minimumContentWords else { continue }
                        keys.append((words, text))
                    }
                }
                return Analysis(keys: keys, stem: BankText.wordHashes(entries[index].stem.value))
            }
        }, encode: Self.encode, decode: Self.decode)
        var keys: [Key] = []
        for (index, analysis) in analyses.enumerated() {
            for key in analysis.keys { keys.append(Key(words: key.words, owner: index, text: key.text)) }
        }
        guard !keys.isEmpty else { return [] }
        // Index keys by their first n words (n = 1…3), then scan every stem once.
        let prefixLength = min(3, keys.lazy.map { $0.words.count }.min()!)
        var byPrefix: [UInt64: [Int]] = [:]
        // Most stem positions start no key: a bit per prefix hash (about 1 in 30 set) skips the dictionary for them.
        var bits = 1 << 16
        while bits < keys.count * 32 { bits <<= 1 }
        let mask = UInt64(bits - 1)
        var prefixBits = [UInt64](repeating: 0, count: bits / 64)
        for (k, key) in keys.enumerated() {
            let prefix = BankText.combine(key.words[0..<prefixLength])
            byPrefix[prefix, default: []].append(k)
            prefixBits[Int((prefix & mask) >> 6)] |= 1 << (prefix & 63)
        }

        var stemsOf = Array(repeating: [Int](), count: keys.count)
        for index in entries.indices {
            let words = analyses[index].stem
            guard words.count >= prefixLength else { continue }
            for start in 0...(words.count - prefixLength) {
                let prefix = BankText.combine(words[start..<(start + prefixLength)])
                guard prefixBits[Int((prefix & mask) >> 6)] & (1 << (prefix & 63)) != 0, let candidates = byPrefix[prefix] else { continue }
                for k in candidates where keys[k].owner != index && stemsOf[k].count <= maximumDocumentFrequency && stemsOf[k].last != index {
                    let key = keys[k].words
                    if start + key.count <= words.count, words[start..<(start + key.count)].elementsEqual(key) { stemsOf[k].append(index) }
                }
            }
        }

        var found: [Diagnostic] = []
        for (k, key) in keys.enumerated() where !stemsOf[k].isEmpty && stemsOf[k].count <= maximumDocumentFrequency {
            let owner = entries[key.owner], ownerCase = entries.caseID(key.owner)
            let cued = stemsOf[k].filter { other in
                let sameCase = ownerCase != nil && ownerCase == entries.caseID(other)
                return !sameCase && !DuplicateItemsRule.areEnemies(owner, entries[other])
            }
            guard !cued.isEmpty else { continue }
            let names = cued.map { "'\(entries[$0].id)'" }.joined(separator: " and ")
            found.append(diagnostic(
                "the key of item '\(owner.id)' (\"\(key.text)\") appears word for word in the stem of \(names); "
                    + "reword one of them or declare them enemies",
                at: owner.origin, in: entries.file(key.owner), item: owner.id,
                related: relatedItems(cued.map { entries[$0] }) { "the stem of '\($0.id)' states the key" }))
        }
        return found
    }

    static func encode(_ analyses: [Analysis]) -> [UInt8] {
        var out = AnalysisWriter()
        for analysis in analyses {
            out.count(analysis.keys.count)
            for key in analysis.keys {
                out.count(key.words.count)
                out.words(key.words)
                out.string(key.text)
            }
            out.count(analysis.stem.count)
            out.words(analysis.stem)
        }
        return out.bytes
    }

    static func decode(_ bytes: [UInt8]) -> [Analysis]? {
        var input = AnalysisReader(bytes: bytes)
        var analyses: [Analysis] = []
        while !input.atEnd {
            guard let keyCount = input.count() else { return nil }
            var keys: [(words: [UInt64], text: String)] = []
            for _ in 0..<keyCount {
                guard let words = input.words(UInt64.self), let text = input.string() else { return nil }
                keys.append((words, text))
            }
            guard let stem = input.words(UInt64.self) else { return nil }
            analyses.append(Analysis(keys: keys, stem: stem))
        }
        return analyses
    }
}

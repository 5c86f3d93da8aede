import Foundation
import QBankCore

/// Two items that test the same fact in different words must be declared enemies.
public struct SameFactItemsRule: ConfigurableRule {
    /// Share of the smaller key's weight (content words weighted by rarity) that the other key must also hold.
    public var keyOverlap = 0.65
    /// Weighted Jaccard similarity of the two stems (case scenario included) from which they describe the same scenario.
    public var stemSimilarity = 0.07
    /// A looser key overlap suffices when the stems are this similar (the same scenario retold).
    public var closeStemSimilarity = 0.3
    /// The key overlap required with close stems.
    public var closeStemKeyOverlap = 0.5
    /// Content words the two keys must share at least.
    public var minimumSharedKeyWords = 2
    /// A key word used by more than this share of the bank's keys is vocabulary, not a fact: it does not pair items.
    public var commonKeyWordShare = 0.05
    /// Words never counted (besides function words): question scaffolding, vendor and generic words.
    public var ignoredWords: [String] = Self.defaultIgnored

    private static let defaultIgnored = WordLists.questionScaffolding.union(WordLists.vendorAndGeneric).sorted()

    public init() {}

    public var options: [String: RuleOptionValue] {
        ["keyOverlap": .number(keyOverlap), "stemSimilarity": .number(stemSimilarity),
         "closeStemSimilarity": .number(closeStemSimilarity), "closeStemKeyOverlap": .number(closeStemKeyOverlap),
         "minimumSharedKeyWords": .number(Double(minimumSharedKeyWords)), "commonKeyWordShare": .number(commonKeyWordShare),
         "ignoredWords": .strings(ignoredWords)]
    }

    public mutating func configure(_ options: RuleOptions) throws(RuleOptionError) {
        try options.read("keyOverlap", into: &keyOverlap, in: 0.05...1)
        try options.read("stemSimilarity", into: &stemSimilarity, in: 0...1)
        try options.read("closeStemSimilarity", into: &closeStemSimilarity, in: 0...1)
        try options.read("closeStemKeyOverlap", into: &closeStemKeyOverlap, in: 0.05...1)
        try options.read("minimumSharedKeyWords", into: &minimumSharedKeyWords, in: 1...20)
        try options.read("commonKeyWordShare", into: &commonKeyWordShare, in: 0.001...1)
        try options.read("ignoredWords", into: &ignoredWords)
    }

    public static let description = RuleDescription(
        id: "QB505", name: "same-fact-items", category: .bank,
        summary: "Items whose keys say the same thing about the same scenario must be declared enemies.",
        rationale: """
            Two items that test one fact in different words count it twice on a form and cue each other \
            (Haladyna, Downing & Rodriguez 2002, guideline 4: keep items independent); QB503's shared 5-word \
            phrases cannot see a rewording. Content words (four letters or more, light stemming, without \
            function, scaffolding and vendor words such as "Amazon" or "service") are weighted by rarity in the \
            bank (inverse document frequency). Two items are reported when their keys share at least \
            `minimumSharedKeyWords` (2) words holding `keyOverlap` (65%) of the smaller key's weight and their \
            stems (with the case scenario) have a weighted Jaccard similarity of `stemSimilarity` (0.07), or \
            when the stems reach `closeStemSimilarity` (0.3) and the keys `closeStemKeyOverlap` (50%). Items \
            pair only through key words found in at most `commonKeyWordShare` of the keys and at most 100 keys \
            (an index, not every pair). Enemies, items of one case study and exact copies (QB503's error) are skipped. Measured on 28 hand-labelled sample-bank \
            pairs (the same-fact clusters of issue #21 and every pair near the thresholds, enemies ignored): \
            precision 12/12, recall 12/16 (`SameFactItemsRuleTests`).
            """,
        severity: .warning,
        triggeringExamples: [
            RuleExample("""
                {"format": "urn:qbank:bank:1", "items": [
                  {"id": "q1", "type": "single", "domain": 3, "task": "3.1", "status": "draft", "stem": "A training job reads a 2 TB dataset from Amazon S3 and waits minutes before the first epoch starts. Which input mode starts training sooner?",
                   "options": [{"id": "a", "text": "FastFile mode", "correct": true}, {"id": "b", "text": "File mode"}, {"id": "c", "text": "A larger EBS volume"}, {"id": "d", "text": "More training instances"}]},
                  ↓{"id": "q2", "type": "single", "domain": 4, "task": "4.2", "status": "draft", "stem": "Training jobs spend a long time downloading a large S3 dataset before the first epoch. What should the engineer change?",
                   "options": [{"id": "a", "text": "Stream the objects with FastFile mode", "correct": true}, {"id": "b", "text": "Copy the dataset to EFS"}, {"id": "c", "text": "Use Spot Instances"}, {"id": "d", "text": "Compress the dataset"}]}
                ]}
                """, syntax: .json),
        ],
        nonTriggeringExamples: [
            RuleExample("""
                {"format": "urn:qbank:bank:1", "items": [
                  {"id": "q1", "type": "single", "domain": 3, "task": "3.1", "status": "draft", "stem": "A training job reads a 2 TB dataset from Amazon S3 and waits minutes before the first epoch starts. Which input mode starts training sooner?",
                   "options": [{"id": "a", "text": "FastFile mode", "correct": true}, {"id": "b", "text": "File mode"}, {"id": "c", "text": "A larger EBS volume"}, {"id": "d", "text": "More training instances"}],
                   "enemies": ["q2"]},
                  {"id": "q2", "type": "single", "domain": 4, "task": "4.2", "status": "draft", "stem": "Training jobs spend a long time downloading a large S3 dataset before the first epoch. What should the engineer change?",
                   "options": [{"id": "a", "text": "Stream the objects with FastFile mode", "correct": true}, {"id": "b", "text": "Copy the dataset to EFS"}, {"id": "c", "text": "Use Spot Instances"}, {"id": "d", "text": "Compress the dataset"}]}
                ]}
                """, syntax: .json),
            // The same key for a different scenario is a different fact.
            RuleExample("""
                {"format": "urn:qbank:bank:1", "items": [
                  {"id": "q1", "type": "single", "domain": 3, "task": "3.1", "status": "draft", "stem": "A training job reads a 2 TB dataset from Amazon S3 and waits minutes before the first epoch starts. Which input mode starts training sooner?",
                   "options": [{"id": "a", "text": "FastFile mode", "correct": true}, {"id": "b", "text": "File mode"}, {"id": "c", "text": "A larger EBS volume"}, {"id": "d", "text": "More training instances"}]},
                  {"id": "q2", "type": "single", "domain": 1, "task": "1.2", "status": "draft", "stem": "Which mode lets a notebook user browse images stored as objects without copying them?",
                   "options": [{"id": "a", "text": "FastFile input mode", "correct": true}, {"id": "b", "text": "Pipe input mode"}, {"id": "c", "text": "Local mode"}, {"id": "d", "text": "Batch mode"}]}
                ]}
                """, syntax: .json),
        ]
    )

    /// One item's content words: its keys' (sorted, distinct) and its stem's (with the case scenario; in any order, repeats allowed).
    private typealias Facts = (key: [String], stem: [String])

    public func check(_ context: LintContext) -> [Diagnostic] {
        let entries = context.bankItems
        guard entries.count >= 2 else { return [] }
        let contentStems = ContentStems(stopWords: StopWords.english.union(ignoredWords.map { $0.lowercased() }))
        // Per item, file by file (or as the cache kept them); an item's scenario is its own case's.
        let facts: [Facts?] = entries.analyses(rule: Self.description.id, in: context, analyse: { range in
            // A case's scenario is analysed once, not once per item of the case.
            var scenarioWords: [String: [String]] = [:]
            var key: [String] = []
            return range.map { index -> Facts? in
                // Read in place: binding the item to a local would copy it.
                guard let body = entries[index].choiceBody, body.options.contains(where: { $0.isCorrect }) else { return nil }
                key.removeAll(keepingCapacity: true)
                // The keys read where they lie (`body.keys` filters a copy of them).
                for option in body.options.indices where body.options[option].isCorrect {
                    contentStems.append(body.options[option].text.value, to: &key)
                }
                ContentStems.sortedDistinct(&key)
                guard key.count >= minimumSharedKeyWords else { return nil }
                // Stem words as found (`FactIndex` sorts them as numbers; the cache sorts its copy).
                var stem: [String] = []
                stem.reserveCapacity(64)
                contentStems.append(entries[index].stem.value, to: &stem)
                if let scenario = entries.caseStudy(index)?.scenario.value {
                    if scenarioWords[scenario] == nil {
                        var words: [String] = []
                        contentStems.append(scenario, to: &words)
                        scenarioWords[scenario] = words
                    }
                    stem += scenarioWords[scenario]!
                }
                return (key, stem)
            }
        }, encode: Self.encode, decode: Self.decode)
        let factIndex = FactIndex(facts)
        // At most 100 items per word whatever the bank's size, so the comparisons grow with the bank, not its square.
        let commonLimit = min(100, max(3, Int((Double(factIndex.keyedCount) * commonKeyWordShare).rounded(.up))))

        var twinsOf: [Int: [Int]] = [:]
        var copies = ExactCopies(entries)
        var candidates: [Int32] = []
        // The last item each later item was made a candidate for, so each is listed once.
        var listedFor = [Int32](repeating: -1, count: facts.count)
        for item in facts.indices where factIndex.hasFacts[item] {
            // Later items sharing a rare key word; the comparison then counts every shared word.
            candidates.removeAll(keepingCapacity: true)
            for word in factIndex.key(item) {
                let list = factIndex.holders(of: word)
                guard list.count <= commonLimit else { continue }
                for other in list.reversed() {
                    guard Int(other) > item else { break }
                    if listedFor[Int(other)] != Int32(item) {
                        listedFor[Int(other)] = Int32(item)
                        candidates.append(other)
                    }
                }
            }
            candidates.sort()
            for candidate in candidates {
                let other = Int(candidate)
                guard isSameFact(item, other, factIndex) else { continue }
                if let caseID = entries.caseID(item), caseID == entries.caseID(other) { continue }
                if DuplicateItemsRule.areEnemies(entries[item], entries[other]) { continue }
                // An exact copy is QB503's error already.
                if copies.areCopies(item, other) { continue }
                twinsOf[other, default: []].append(item)
            }
        }
        return entries.indices.compactMap { index in
            guard let earlier = twinsOf[index] else { return nil }
            let item = entries[index], file = entries.file(index)
            let names = earlier.prefix(5).map { "'\(entries[$0].id)'" }.joined(separator: ", ") + (earlier.count > 5 ? " and \(earlier.count - 5) more" : "")
            return diagnostic(
                "item '\(item.id)' tests the same fact as \(names) (keys and scenario share their distinctive words); declare them enemies, or rewrite one to test another skill",
                at: item.origin, in: file, item: item.id,
                related: relatedItems(earlier.map { entries[$0] }) { "'\($0.id)' has a key that says the same" })
        }
    }

    /// Each item's facts as the cache keeps them: 0 for none, else 1 and the counted key and stem words, sorted.
    private static func encode(_ facts: [Facts?]) -> [UInt8] {
        var out = AnalysisWriter()
        for fact in facts {
            guard let fact else { out.count(0); continue }
            out.count(1)
            var stem = fact.stem
            ContentStems.sortedDistinct(&stem)
            for words in [fact.key, stem] {
                out.count(words.count)
                for word in words { out.string(word) }
            }
        }
        return out.bytes
    }

    private static func decode(_ bytes: [UInt8]) -> [Facts?]? {
        var input = AnalysisReader(bytes: bytes)
        var facts: [Facts?] = []
        func words() -> [String]? {
            guard let count = input.count() else { return nil }
            var words: [String] = []
            words.reserveCapacity(count)
            for _ in 0..<count {
                guard let word = input.string() else { return nil }
                words.append(word)
            }
            // Sorted and distinct as written; bytes from elsewhere are sorted again rather than trusted.
            if zip(words, words.dropFirst()).contains(where: { $0 >= $1 }) { ContentStems.sortedDistinct(&words) }
            return words
        }
        while !input.atEnd {
            switch input.count() {
            case 0: facts.append(nil)
            case 1:
                guard let key = words(), let stem = words() else { return nil }
                facts.append((key, stem))
            default: return nil
            }
        }
        return facts
    }

    private func isSameFact(_ a: Int, _ b: Int, _ facts: FactIndex) -> Bool {
        let shared = facts.sharedKey(a, b)
        guard shared.count >= minimumSharedKeyWords else { return false }
        let smallerKey = min(facts.keyTotal[a], facts.keyTotal[b])
        guard smallerKey > 0 else { return false }
        let overlap = shared.weight / smallerKey
        guard overlap >= min(keyOverlap, closeStemKeyOverlap) else { return false }
        let similarity = facts.stemSimilarity(a, b)
        return (overlap >= keyOverlap && similarity >= stemSimilarity) || (overlap >= closeStemKeyOverlap && similarity >= closeStemSimilarity)
    }
}

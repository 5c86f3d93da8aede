import Dispatch
import Foundation
import QBankCore

/// No item is a copy, or a light rewording, of another.
public struct DuplicateItemsRule: ConfigurableRule {
    /// Jaccard similarity of 5-word shingles from which two items are near-duplicates.
    public var threshold = 0.8
    public var shingleSize = 5

    public init() {}

    public var options: [String: RuleOptionValue] {
        ["threshold": .number(threshold), "shingleSize": .number(Double(shingleSize))]
    }

    public mutating func configure(_ options: RuleOptions) throws(RuleOptionError) {
        try options.read("threshold", into: &threshold, in: 0.3...1)
        try options.read("shingleSize", into: &shingleSize, in: 1...12)
    }

    public static let description = RuleDescription(
        id: "QB503", name: "duplicate-items", category: .bank,
        summary: "Items must not duplicate or nearly duplicate other items of the bank.",
        rationale: """
            Two copies of an item on one form cue each other and count one objective twice; near-copies (a \
            reworded stem, the same options) are how banks drift after years of edits. An exact duplicate (same \
            type, stem and options, ignoring case, white space and option order) is an error. A near-duplicate \
            shares at least `threshold` (0.8) of its 5-word phrases (Jaccard similarity of word shingles over the \
            stem and the sorted options) and is a warning, unless the two are already declared enemies (never on \
            one form). Candidates are found with MinHash and LSH banding (16 bands of 4), so 100,000 items take \
            seconds, then checked exactly.
            """,
        severity: .warning,
        triggeringExamples: [
            RuleExample("""
                {"format": "urn:qbank:bank:1", "items": [
                  {"id": "q1", "type": "single", "domain": 1, "task": "1.1", "status": "draft", "stem": "Which service stores training data as objects?",
                   "options": [{"id": "a", "text": "Amazon S3", "correct": true}, {"id": "b", "text": "Amazon EFS"}, {"id": "c", "text": "Amazon EBS"}, {"id": "d", "text": "Amazon FSx for Lustre"}]},
                  ↓{"id": "q2", "type": "single", "domain": 1, "task": "1.1", "status": "draft", "stem": "Which service stores training data as  OBJECTS?",
                   "options": [{"id": "a", "text": "Amazon EFS"}, {"id": "b", "text": "Amazon S3", "correct": true}, {"id": "c", "text": "Amazon EBS"}, {"id": "d", "text": "Amazon FSx for Lustre"}]}
                ]}
                """, syntax: .json),
            RuleExample("""
                {"format": "urn:qbank:bank:1", "items": [
                  {"id": "q1", "type": "single", "domain": 1, "task": "1.1", "status": "draft",
                   "stem": "A data science team stores raw clickstream logs for model training. The logs arrive every hour from three regions, are read by nightly training jobs, and must keep every version of each file for seven years for audits. Which service should the team use?",
                   "options": [{"id": "a", "text": "Amazon S3 with versioning", "correct": true}, {"id": "b", "text": "Amazon EFS"}, {"id": "c", "text": "Amazon EBS"}, {"id": "d", "text": "Amazon FSx for Lustre"}]},
                  ↓{"id": "q2", "type": "single", "domain": 1, "task": "1.1", "status": "draft",
                   "stem": "A data science team stores raw clickstream logs for model training. The logs arrive every hour from three regions, are read by nightly training jobs, and must keep every version of each file for seven years for audits. Which service should the team choose?",
                   "options": [{"id": "a", "text": "Amazon S3 with versioning", "correct": true}, {"id": "b", "text": "Amazon EFS"}, {"id": "c", "text": "Amazon EBS"}, {"id": "d", "text": "Amazon FSx for Lustre"}]}
                ]}
                """, syntax: .json),
        ],
        nonTriggeringExamples: [
            RuleExample("""
                {"format": "urn:qbank:bank:1", "items": [
                  {"id": "q1", "type": "single", "domain": 1, "task": "1.1", "status": "draft", "stem": "Which service stores training data as objects?",
                   "options": [{"id": "a", "text": "Amazon S3", "correct": true}, {"id": "b", "text": "Amazon EFS"}, {"id": "c", "text": "Amazon EBS"}, {"id": "d", "text": "Amazon FSx for Lustre"}]},
                  {"id": "q2", "type": "single", "domain": 1, "task": "1.1", "status": "draft", "stem": "Which service gives training jobs a shared POSIX file system?",
                   "options": [{"id": "a", "text": "Amazon S3"}, {"id": "b", "text": "Amazon EFS", "correct": true}, {"id": "c", "text": "Amazon EBS"}, {"id": "d", "text": "Amazon FSx for Lustre"}]}
                ]}
                """, syntax: .json),
            // Declared enemies: a deliberate variant that never shares a form.
            RuleExample("""
                {"format": "urn:qbank:bank:1", "items": [
                  {"id": "q1", "type": "single", "domain": 1, "task": "1.1", "status": "draft",
                   "stem": "A data science team stores raw clickstream logs for model training. The logs arrive every hour from three regions, are read by nightly training jobs, and must keep every version of each file for seven years for audits. Which service should the team use?",
                   "options": [{"id": "a", "text": "Amazon S3 with versioning", "correct": true}, {"id": "b", "text": "Amazon EFS"}, {"id": "c", "text": "Amazon EBS"}, {"id": "d", "text": "Amazon FSx for Lustre"}],
                   "enemies": ["q2"]},
                  {"id": "q2", "type": "single", "domain": 1, "task": "1.1", "status": "draft",
                   "stem": "A data science team stores raw clickstream logs for model training. The logs arrive every hour from three regions, are read by nightly training jobs, and must keep every version of each file for seven years for audits. Which service should the team choose?",
                   "options": [{"id": "a", "text": "Amazon S3 with versioning", "correct": true}, {"id": "b", "text": "Amazon EFS"}, {"id": "c", "text": "Amazon EBS"}, {"id": "d", "text": "Amazon FSx for Lustre"}]}
                ]}
                """, syntax: .json),
        ]
    )

    public func check(_ context: LintContext) -> [Diagnostic] {
        let entries = context.bankItems
        guard entries.count >= 2 else { return [] }
        var found: [Diagnostic] = []

        // Per item, file by file on every core (or as the cache kept them): the exact-content hash, the shingle set
        // and its MinHash signature.
        let prepared = entries.analyses(rule: Self.description.id, in: context, analyse: { range in
            var words: [UInt64] = []
            // The item is passed in place, not bound to a local (which would copy it).
            return range.map { index in Self.prepare(entries[index], shingleSize: shingleSize, words: &words) }
        }, encode: Self.encode, decode: Self.decode)

        // Exact: same type, stem and options (sorted), case and white space ignored; the
        // texts are compared only when two hashes agree.
        var firstByKey: [UInt64: [Int]] = [:]
        var exactOf: [Int: [Int]] = [:]
        var exactPairs = Set<UInt64>()
        for index in entries.indices {
            let hash = prepared[index].0
            if let earlier = firstByKey[hash]?.first(where: { Self.exactKey(entries[$0]) == Self.exactKey(entries[index]) }) {
                exactOf[index, default: []].append(earlier)
                exactPairs.insert(UInt64(earlier) << 32 | UInt64(index))
            } else {
                firstByKey[hash, default: []].append(index)
            }
        }

        // Near: MinHash signatures and LSH over the shingle sets.
        let sets = prepared.map(\.1)
        var signatures: [UInt32] = []
        signatures.reserveCapacity(prepared.count * MinHash.signatureLength)
        for analysis in prepared { signatures += analysis.2 }
        var nearOf: [Int: [(Int, Double)]] = [:]
        for (i, j, similarity) in MinHash.similarPairs(sets, signatures: signatures, threshold: threshold) {
            if exactPairs.contains(UInt64(i) << 32 | UInt64(j)) { continue }
            if let exact = exactOf[j], exact.contains(where: { exactOf[i]?.contains($0) == true || $0 == i }) { continue }
            if Self.areEnemies(entries[i], entries[j]) { continue }
            nearOf[j, default: []].append((i, similarity))
        }

        for index in entries.indices {
            let item = entries[index], file = entries.file(index)
            if let earlier = exactOf[index] {
                var d = diagnostic(
                    "item '\(item.id)' duplicates '\(entries[earlier[0]].id)' (same stem and options); remove one of them",
                    at: item.origin, in: file, item: item.id,
                    related: relatedItems(earlier.map { entries[$0] }) { "'\($0.id)' has the same stem and options" })
                d.severity = .error
                found.append(d)
            }
            if let near = nearOf[index]?.sorted(by: { $0.0 < $1.0 }) {
                let names = near.prefix(5).map { "'\(entries[$0.0].id)' (\(Self.percent($0.1)))" }.joined(separator: ", ")
                let more = near.count > 5 ? " and \(near.count - 5) more" : ""
                found.append(diagnostic(
                    "item '\(item.id)' nearly duplicates \(names)\(more) (share of \(shingleSize)-word phrases); reword it, retire one, or declare them enemies",
                    at: item.origin, in: file, item: item.id,
                    related: near.prefix(maximumRelatedItems).compactMap { pair in
                        entries[pair.0].origin.location.map {
                            RelatedLocation(location: $0, message: "'\(entries[pair.0].id)' shares \(Self.percent(pair.1))")
                        }
                    },
                    fix: Self.enemiesFix(item, adding: near.map { entries[$0.0].id }, in: file)))
            }
        }
        return found
    }

    /// An item's analysis as the cache keeps it: the exact hash, the counted shingles, then the MinHash signature.
    static func encode(_ analyses: [(UInt64, [UInt32], [UInt32])]) -> [UInt8] {
        var out = AnalysisWriter()
        for (hash, shingles, signature) in analyses {
            out.word(hash)
            out.count(shingles.count)
            out.words(shingles)
            out.words(signature)
        }
        return out.bytes
    }

    static func decode(_ bytes: [UInt8]) -> [(UInt64, [UInt32], [UInt32])]? {
        var input = AnalysisReader(bytes: bytes)
        var analyses: [(UInt64, [UInt32], [UInt32])] = []
        while !input.atEnd {
            guard let hash = input.word(UInt64.self), let shingles = input.words(UInt32.self),
                  let signature = input.words(UInt32.self, count: MinHash.signatureLength) else { return nil }
            analyses.append((hash, shingles, signature))
        }
        return analyses
    }

    static func percent(_ value: Double) -> String { "\(Int((value * 100).rounded(.down)))%" }

    static func exactHash(_ item: Item) -> UInt64 {
        exactHash(item, partHashes: BankText.partTexts(item).map(BankText.foldedHash))
    }

    /// The exact hash given the folded hashes of the item's parts (in any order).
    static func exactHash(_ item: Item, partHashes: [UInt64]) -> UInt64 {
        var hashes = partHashes
        hashes.sort()
        var h = BankText.mix(BankText.fnv1a(item.type.rawValue) ^ BankText.foldedHash(item.stem.value))
        for part in hashes { h = BankText.mix(h ^ part) }
        return h
    }

    static func exactKey(_ item: Item) -> String {
        let parts = BankText.partTexts(item).map { Self.folded($0) }.sorted()
        return item.type.rawValue + "\u{1}" + folded(item.stem.value) + "\u{1}" + parts.joined(separator: "\u{2}")
    }

    private static func folded(_ text: String) -> String {
        text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Stem words, then each part's words in the order of their folded hashes (`parts` pairs each part's text with it), with a separator between
    /// parts so that shingles never join two options silently.
    static func words(of item: Item, parts: [(hash: UInt64, text: String)], into out: inout [UInt64]) {
        BankText.wordHashes(item.stem.value, into: &out)
        // Parts in an order that does not depend on how they were authored (parts with one hash have the same words).
        for part in parts.sorted(by: { $0.hash < $1.hash }) {
            out.append(0x9E37_79B9_7F4A_7C15)
            BankText.wordHashes(part.text, into: &out)
        }
    }

    /// An item's exact-content hash, shingle set and MinHash signature; `words` is scratch space.
    private static func prepare(_ item: Item, shingleSize: Int, words: inout [UInt64]) -> (UInt64, [UInt32], [UInt32]) {
        // Each part's folded hash serves both the exact hash and the parts' order.
        let parts = BankText.partTexts(item).map { (hash: BankText.foldedHash($0), text: $0) }
        words.removeAll(keepingCapacity: true)
        Self.words(of: item, parts: parts, into: &words)
        let shingles = MinHash.shingles(words, size: shingleSize)
        var signature = Array(repeating: UInt32.max, count: MinHash.signatureLength)
        if !shingles.isEmpty { MinHash.signature(shingles, into: &signature, at: 0) }
        return (Self.exactHash(item, partHashes: parts.map { $0.hash }), shingles, signature)
    }

    static func areEnemies(_ a: Item, _ b: Item) -> Bool {
        a.enemies.contains { $0.id == b.id } || b.enemies.contains { $0.id == a.id }
    }
}

extension DuplicateItemsRule {
    /// Unsafe (`--unsafe-fixes`): declares the near-duplicates enemies of the item, for when the author
    /// confirms they are deliberate variants; it changes which items assembly may put on one form.
    static func enemiesFix(_ item: Item, adding ids: [String], in file: String) -> Fix? {
        let missing = ids.filter { id in !item.enemies.contains { $0.id == id } }
        guard !missing.isEmpty, let stem = item.stem.origin.span else { return nil }
        let title = "declare \(missing.map { "'\($0)'" }.joined(separator: ", ")) enemies of '\(item.id)'"
        let insertion: (at: Int, text: String)
        switch (stem.syntax, item.enemies.first?.origin.element) {
        case (.json, let first?):
            insertion = (first.lowerBound, missing.map { "\"\($0)\", " }.joined())
        case (.json, nil):
            // Right after the stem's closing quote: member order is free in JSON.
            insertion = (stem.end + 1, ", \"enemies\": [\(missing.map { "\"\($0)\"" }.joined(separator: ", "))]")
        case (.xml, let first?):
            insertion = (first.lowerBound, missing.map { "<enemy ref=\"\(XMLEscaping.attribute($0))\"/>" }.joined())
        case (.xml, nil):
            // Enemies come last but for stats (Schemas/qbank-bank.xsd); the new line is indented like the item's children.
            guard item.stats == nil, let range = item.origin.element else { return nil }
            let indent = String(repeating: " ", count: max(0, (item.origin.location?.column ?? 1) - 1))
            let enemies = missing.map { "<enemy ref=\"\(XMLEscaping.attribute($0))\"/>" }.joined()
            insertion = (range.upperBound - "</item>".utf8.count, "  <enemies>\(enemies)</enemies>\n" + indent)
        }
        return Fix(title, edits: [TextEdit(file: file, start: insertion.at, end: insertion.at, replacement: insertion.text)], applicability: .unsafe)
    }
}

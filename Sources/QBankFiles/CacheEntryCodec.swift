import QBankCore
import QBankRules

/// The lint cache's entries in `CacheBytes`' layout: a header (the cache format, the entry's kind
/// and its key), then the findings field by field. A finding's file is written once and then
/// referred to while it repeats, so decoding shares one string per file instead of making one per
/// finding. Decoding refuses anything that does not read to the end exactly.
enum CacheEntryCodec {
    static let bankKind: UInt8 = 0x42 // "B"
    static let fileKind: UInt8 = 0x46 // "F"
    static let bankRulesKind: UInt8 = 0x52 // "R"

    static func header(kind: UInt8, key: String) -> [UInt8] { Array(LintCache.format.utf8) + [kind] + Array(key.utf8) }

    static func encode(_ entry: LintCache.Entry, key: String) -> [UInt8] {
        var out = EntryWriter(bytes: header(kind: bankKind, key: key))
        out.entry(entry)
        return out.bytes
    }

    static func decodeEntry(_ bytes: [UInt8], key: String) -> LintCache.Entry? {
        var input = EntryReader(bytes: bytes)
        guard input.skip(header(kind: bankKind, key: key)), var entry = input.entry(), input.atEnd else { return nil }
        entry.key = key
        return entry
    }

    /// A bank's bank-rule findings (before settings), the file keys its entry was made from, and the entry.
    static func encode(_ record: LintCache.BankRulesRecord, key: String) -> [UInt8] {
        var out = EntryWriter(bytes: header(kind: bankRulesKind, key: key))
        out.diagnostics(record.bankFindings)
        out.count(record.fileKeys.count)
        for fileKey in record.fileKeys { out.string(fileKey) }
        out.count(record.digests.count)
        for digest in record.digests { out.string(digest) }
        out.entry(record.entry)
        return out.bytes
    }

    static func decodeBankRules(_ bytes: [UInt8], key: String) -> LintCache.BankRulesRecord? {
        var input = EntryReader(bytes: bytes)
        guard input.skip(header(kind: bankRulesKind, key: key)), let findings = input.diagnostics(), let keyCount = input.count() else { return nil }
        var fileKeys: [String] = [], digests: [String] = []
        for _ in 0..<keyCount {
            guard let fileKey = input.string() else { return nil }
            fileKeys.append(fileKey)
        }
        guard let digestCount = input.count() else { return nil }
        for _ in 0..<digestCount {
            guard let digest = input.string() else { return nil }
            digests.append(digest)
        }
        guard let entry = input.entry(), input.atEnd else { return nil }
        return LintCache.BankRulesRecord(bankFindings: findings, fileKeys: fileKeys, digests: digests, entry: entry)
    }

    static func encode(_ entry: LintCache.FileEntry, key: String) -> [UInt8] {
        var out = EntryWriter(bytes: header(kind: fileKind, key: key))
        out.diagnostics(entry.findings)
        out.bool(entry.readDiagnostics != nil)
        if let read = entry.readDiagnostics { out.diagnostics(read) }
        out.media(entry.media)
        out.optional(entry.signatureDigest)
        out.optional(entry.signatureContentDigest)
        return out.bytes
    }

    static func decodeFileEntry(_ bytes: [UInt8], key: String) -> LintCache.FileEntry? {
        var input = EntryReader(bytes: bytes)
        guard input.skip(header(kind: fileKind, key: key)), let findings = input.diagnostics(), let hasRead = input.bool() else { return nil }
        var read: [Diagnostic]?
        if hasRead {
            guard let diagnostics = input.diagnostics() else { return nil }
            read = diagnostics
        }
        guard let media = input.media(), let digest = input.optional(), let contentDigest = input.optional(), input.atEnd else { return nil }
        return LintCache.FileEntry(findings: findings, readDiagnostics: read, media: media, signatureDigest: digest,
                                   signatureContentDigest: contentDigest, key: key)
    }
}

private struct EntryWriter: CacheByteWriting {
    var bytes: [UInt8]
    /// The file of the last location written, which the next ones refer to while it repeats.
    var file: String?

    init(bytes: [UInt8]) {
        self.bytes = bytes
        self.bytes.reserveCapacity(16_384)
    }

    /// A bank's entry, without its key (which the header holds).
    mutating func entry(_ entry: LintCache.Entry) {
        diagnostics(entry.diagnostics)
        count(entry.suppressed.count)
        for suppressed in entry.suppressed {
            diagnostic(suppressed.diagnostic)
            bool(suppressed.kind == .external)
            optional(suppressed.justification)
        }
        count(entry.filePaths.count)
        for path in entry.filePaths { string(path) }
        count(entry.itemCount)
        bool(entry.hasUnreadableInput)
        count(entry.fingerprints.count)
        for (key, value) in entry.fingerprints.sorted(by: { ($0.key.file, $0.key.id) < ($1.key.file, $1.key.id) }) {
            string(key.file)
            string(key.id)
            string(value)
        }
        media(entry.media)
    }

    mutating func diagnostics(_ list: [Diagnostic]) {
        count(list.count)
        for diagnostic in list { self.diagnostic(diagnostic) }
    }

    mutating func diagnostic(_ value: Diagnostic) {
        string(value.ruleID)
        string(value.ruleName)
        byte(value.severity == .info ? 0 : value.severity == .warning ? 1 : 2)
        string(value.message)
        location(value.location)
        optional(value.itemID)
        count(value.related.count)
        for related in value.related {
            location(related.location)
            string(related.message)
        }
        bool(value.end != nil)
        if let end = value.end { location(end) }
        bool(value.fix != nil)
        if let fix = value.fix {
            string(fix.title)
            bool(fix.applicability == .safe)
            count(fix.edits.count)
            for edit in fix.edits {
                string(edit.file)
                int(edit.start)
                int(edit.end)
                string(edit.replacement)
            }
        }
    }

    mutating func location(_ value: SourceLocation) {
        // Byte equality: String's == calls a precomposed and a decomposed spelling of one name equal,
        // and two such files must not share their findings' path.
        if let file, value.file.utf8.elementsEqual(file.utf8) {
            bool(false)
        } else {
            bool(true)
            string(value.file)
            file = value.file
        }
        count(value.line)
        count(value.column)
    }

    /// Sorted by path, so the same entry always has the same bytes.
    mutating func media(_ stamps: [String: String]) {
        count(stamps.count)
        for (path, hash) in stamps.sorted(by: { $0.key < $1.key }) {
            string(path)
            string(hash)
        }
    }
}

private struct EntryReader: CacheByteReading {
    let bytes: [UInt8]
    var offset = 0
    var file: String?

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func entry() -> LintCache.Entry? {
        guard let diagnostics = diagnostics(), let suppressedCount = count() else { return nil }
        var suppressed: [SuppressedDiagnostic] = []
        for _ in 0..<suppressedCount {
            guard let diagnostic = diagnostic(), let external = bool(), let justification = optional() else { return nil }
            suppressed.append(SuppressedDiagnostic(diagnostic, kind: external ? .external : .inSource, justification: justification))
        }
        guard let pathCount = count() else { return nil }
        var paths: [String] = []
        for _ in 0..<pathCount {
            guard let path = string() else { return nil }
            paths.append(path)
        }
        guard let itemCount = count(), let unreadable = bool(), let fingerprintCount = count() else { return nil }
        var fingerprints: [FingerprintKey: String] = [:]
        for _ in 0..<fingerprintCount {
            guard let file = string(), let id = string(), let value = string() else { return nil }
            fingerprints[FingerprintKey(file: file, id: id)] = value
        }
        guard let media = media() else { return nil }
        var entry = LintCache.Entry(diagnostics: diagnostics, suppressed: suppressed, filePaths: paths, itemCount: itemCount,
                                    hasUnreadableInput: unreadable, fingerprints: fingerprints)
        entry.media = media
        return entry
    }

    mutating func diagnostics() -> [Diagnostic]? {
        guard let count = count() else { return nil }
        var list: [Diagnostic] = []
        list.reserveCapacity(count)
        for _ in 0..<count {
            guard let diagnostic = diagnostic() else { return nil }
            list.append(diagnostic)
        }
        return list
    }

    mutating func diagnostic() -> Diagnostic? {
        guard let ruleID = string(), let ruleName = string(), let severityByte = byte(), severityByte < 3, let message = string(),
              let location = location(), let itemID = optional(), let relatedCount = count() else { return nil }
        let severity: Severity = severityByte == 0 ? .info : severityByte == 1 ? .warning : .error
        var related: [RelatedLocation] = []
        for _ in 0..<relatedCount {
            guard let place = self.location(), let note = string() else { return nil }
            related.append(RelatedLocation(location: place, message: note))
        }
        var diagnostic = Diagnostic(ruleID: ruleID, ruleName: ruleName, severity: severity, message: message, location: location,
                                    itemID: itemID, related: related)
        guard let hasEnd = bool() else { return nil }
        if hasEnd {
            guard let end = self.location() else { return nil }
            diagnostic.end = end
        }
        guard let hasFix = bool() else { return nil }
        if hasFix {
            guard let title = string(), let safe = bool(), let editCount = count() else { return nil }
            var edits: [TextEdit] = []
            for _ in 0..<editCount {
                guard let file = string(), let start = int(), let end = int(), let replacement = string() else { return nil }
                edits.append(TextEdit(file: file, start: start, end: end, replacement: replacement))
            }
            diagnostic.fix = Fix(title, edits: edits, applicability: safe ? .safe : .unsafe)
        }
        return diagnostic
    }

    mutating func location() -> SourceLocation? {
        guard let named = bool() else { return nil }
        if named { file = string() }
        guard let file, let line = count(), let column = count() else { return nil }
        return SourceLocation(file: file, line: line, column: column)
    }

    mutating func media() -> [String: String]? {
        guard let count = count() else { return nil }
        var stamps: [String: String] = [:]
        for _ in 0..<count {
            guard let path = string(), let hash = string() else { return nil }
            stamps[path] = hash
        }
        return stamps
    }
}

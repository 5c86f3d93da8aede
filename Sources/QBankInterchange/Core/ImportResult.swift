import Foundation
import QBankCore

/// What importing one source gave: the items (and case studies) that could be
/// mapped, and a problem for everything that could not, so nothing is dropped silently.
public struct ImportResult: Sendable {
    /// Imported items and case studies, in source order; `origin` points into the source.
    public var file: BankFile
    public var problems: [ImportProblem]
    /// Image files the imported texts name, by path relative to the bank file (`media/<hash>.<type>`).
    public var media: [String: [UInt8]] = [:]
    /// Source items seen (imported + skipped).
    public var read: Int
    /// Source categories or tags of each imported item (by item id), for `--map`.
    public var categories: [String: [String]]
    /// Each imported item's question and option text as the source gave it (HTML allowed), by item id,
    /// for the conservation check (`checkConservation`).
    public var sourceTexts: [String: String] = [:]

    public init(path: String, items: [Item] = [], cases: [CaseStudy] = [], problems: [ImportProblem] = [],
                read: Int? = nil, categories: [String: [String]] = [:]) {
        file = BankFile(path: path, items: items, cases: cases)
        self.problems = problems
        let skipped = problems.filter { $0.kind == .skipped }.count
        self.read = read ?? (file.allItems.count + skipped)
        self.categories = categories
    }

    public var imported: Int { file.allItems.count }
    public var skipped: Int { problems.filter { $0.kind == .skipped }.count }

    /// A whole source that could not be read (not well-formed, unsafe archive, …).
    public static func unreadable(_ path: String, _ problem: ImportProblem) -> ImportResult {
        ImportResult(path: path, problems: [problem], read: 0)
    }

    /// Skips every item (and case study, with its items) whose text holds a character XML 1.0 forbids, saying where:
    /// a source may spell one (`&#1;` in HTML, a raw control byte in CSV), and a bank must never hold one.
    public mutating func skipForbiddenCharacters() {
        func problem(_ found: (scalar: Unicode.Scalar, text: String, origin: Origin), item: String, fallback: Origin) -> ImportProblem {
            let at = found.origin.location ?? fallback.location ?? SourceLocation(file: file.path, line: 1, column: 1)
            return ImportProblem(.skipped, at: at, item: item,
                                 "the text holds \(XMLCharacters.name(found.scalar)), a control character XML 1.0 forbids (so no bank file can hold it)")
        }
        file.items.removeAll { item in
            guard let found = XMLCharacters.firstForbidden(inValue: item) else { return false }
            problems.append(problem(found, item: item.id, fallback: item.origin))
            return true
        }
        file.cases.removeAll { study in
            guard let found = XMLCharacters.firstForbidden(inValue: study) else { return false }
            for item in study.items { problems.append(problem(found, item: item.id, fallback: study.origin)) }
            if study.items.isEmpty { problems.append(problem(found, item: study.id, fallback: study.origin)) }
            return true
        }
    }

    mutating func append(_ other: ImportResult) {
        file.items += other.file.items
        file.cases += other.file.cases
        problems += other.problems
        read += other.read
        categories.merge(other.categories) { $0 + $1 }
        media.merge(other.media) { first, _ in first }
        sourceTexts.merge(other.sourceTexts) { first, _ in first }
    }
}

/// Something the importer could not carry over, with where and why.
public struct ImportProblem: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// The source item was not imported.
        case skipped
        /// The item was imported, but part of it (an image, feedback, …) was not.
        case lost
        /// The source is malformed here, outside any item (e.g. a stray line).
        case error
        /// The source could not be read at all.
        case unreadable
        /// Information, e.g. an encoding fallback.
        case note
    }

    public var kind: Kind
    public var location: SourceLocation
    /// The source item's id or title, when it has one.
    public var item: String?
    public var reason: String

    public init(_ kind: Kind, at location: SourceLocation, item: String? = nil, _ reason: String) {
        self.kind = kind
        self.location = location
        self.item = item.map(Self.oneLine)
        self.reason = Self.oneLine(reason)
    }

    /// One problem, one line: source text quoted in a reason (a stem, a key) may hold line breaks.
    static func oneLine(_ text: String) -> String {
        guard text.contains(where: \.isNewline) else { return text }
        return text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " ")
    }
}

/// One source to import: its bytes and the path diagnostics print.
public struct ImportSource: Sendable {
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    func location(line: Int, column: Int = 1) -> SourceLocation { SourceLocation(file: path, line: line, column: column) }
}

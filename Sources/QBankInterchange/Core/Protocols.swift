import QBankCore

/// Reads one interchange format into the bank model.
///
/// Importers never throw: a source that cannot be read becomes an `.unreadable`
/// problem, an item that cannot be mapped a `.skipped` one with the reason.
public protocol ItemImporter: Sendable {
    static var format: InterchangeFormat { get }
    func importItems(from source: ImportSource) -> ImportResult
}

/// Writes items for a delivery system or another tool.
public protocol FormExporter: Sendable {
    static var format: ExportFormat { get }
    /// The exported files: one for a single-file format, several for a package
    /// (paths relative to the package root).
    func export(_ content: ExportContent) throws(ExportError) -> [ExportedFile]
}

/// What to export: stand-alone items and whole case studies, in delivery order, under a title.
public struct ExportContent: Sendable {
    /// One stand-alone item, or a case study with its items (in the order they are delivered).
    public enum Block: Sendable {
        case item(Item)
        case caseStudy(CaseStudy)
    }

    public var title: String
    public var identifier: String
    public var blocks: [Block]
    /// The image files the bank's texts name (from `BankFile.media`), for packages that carry them.
    public var media: [String: MediaFile] = [:]

    public init(title: String, identifier: String, blocks: [Block]) {
        self.title = title
        self.identifier = identifier
        self.blocks = blocks
    }

    /// A bank's content: its stand-alone items, then its case studies.
    public init(title: String, identifier: String, items: [Item], cases: [CaseStudy]) {
        self.init(title: title, identifier: identifier, blocks: items.map(Block.item) + cases.map(Block.caseStudy))
    }

    public var items: [Item] { blocks.compactMap { if case .item(let item) = $0 { item } else { nil } } }
    public var cases: [CaseStudy] { blocks.compactMap { if case .caseStudy(let study) = $0 { study } else { nil } } }

    /// Every item: stand-alone ones, then each case's.
    public var allItems: [Item] { items + cases.flatMap(\.items) }
}

public struct ExportedFile: Sendable, Hashable {
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, text: String) {
        self.path = path
        bytes = Array(text.utf8)
    }

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}

public struct ExportError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

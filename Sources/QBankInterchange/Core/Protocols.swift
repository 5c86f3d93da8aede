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

/// What to export: items and case studies, in delivery order, under a title.
public struct ExportContent: Sendable {
    public var title: String
    public var identifier: String
    public var items: [Item]
    public var cases: [CaseStudy]

    public init(title: String, identifier: String, items: [Item], cases: [CaseStudy]) {
        self.title = title
        self.identifier = identifier
        self.items = items
        self.cases = cases
    }

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
}

public struct ExportError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

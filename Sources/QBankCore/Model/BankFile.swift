/// The content of one bank file, in either syntax. A file holds stand-alone items
/// first, then case studies; both syntaxes keep exactly this order.
public struct BankFile: Hashable, Sendable {
    /// The path as the user named it; used in every diagnostic.
    public var path: String
    public var items: [Item]
    public var cases: [CaseStudy]
    /// What the loader found at each image path the file's texts name, keyed by the path as
    /// written (empty when the file was read from bytes alone). Media rules judge it.
    public var media: [String: MediaFile]

    public init(path: String, items: [Item] = [], cases: [CaseStudy] = [], media: [String: MediaFile] = [:]) {
        self.path = path
        self.items = items
        self.cases = cases
        self.media = media
    }

    /// Every item, stand-alone ones first, then each case's items in order.
    public var allItems: [Item] { items + cases.flatMap(\.items) }
    /// How many items `allItems` holds, counted without copying them.
    public var itemCount: Int { cases.reduce(items.count) { $0 + $1.items.count } }
}

/// A bank: every file that shares one blueprint.
public struct Bank: Sendable {
    public var files: [BankFile]
    public var blueprint: Blueprint?

    public init(files: [BankFile], blueprint: Blueprint? = nil) {
        self.files = files
        self.blueprint = blueprint
    }

    public var allItems: [Item] { files.flatMap(\.allItems) }
    /// How many items `allItems` holds, counted without copying them.
    public var itemCount: Int { files.reduce(0) { $0 + $1.itemCount } }
    public var allCases: [CaseStudy] { files.flatMap(\.cases) }
    /// Every file's media by path as written; where two files name one path, the first file's entry.
    public var media: [String: MediaFile] { files.reduce(into: [:]) { $0.merge($1.media) { first, _ in first } } }
}

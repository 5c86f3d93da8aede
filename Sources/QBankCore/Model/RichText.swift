/// An item text read as blocks: what `Text.value` (Markdown source, see `Schemas/README.md`)
/// means. Built by `QBankMarkdown.MarkdownReader`; renderers and media checks read it,
/// prose rules read the projection instead (code and tables left out).
public struct RichText: Hashable, Sendable {
    public var blocks: [RichBlock]

    public init(_ blocks: [RichBlock]) { self.blocks = blocks }

    /// Every image, in document order (block exhibits and images inside paragraphs, lists and cells).
    public var images: [RichImage] { blocks.flatMap(\.images) }
    public var hasCode: Bool { blocks.contains(where: \.hasCode) }
    public var hasTable: Bool { blocks.contains(where: \.hasTable) }
}

/// One block of the supported subset.
public indirect enum RichBlock: Hashable, Sendable {
    case paragraph([RichInline])
    /// A fenced code block: its language (the info string's first word) and its lines exactly as written.
    case code(language: String?, text: String)
    /// `start` is the first number of an ordered list, nil for a bulleted list.
    case list(start: Int?, items: [[RichBlock]])
    /// A GFM table: the header row, then the body rows, cell by cell.
    case table(header: [[RichInline]], rows: [[[RichInline]]])
    /// A paragraph that holds nothing but one image: an exhibit.
    case image(RichImage)

    public var images: [RichImage] {
        switch self {
        case .paragraph(let inlines): inlines.flatMap(\.images)
        case .code: []
        case .list(_, let items): items.flatMap { $0.flatMap(\.images) }
        case .table(let header, let rows): (header + rows.flatMap { $0 }).flatMap { $0.flatMap(\.images) }
        case .image(let image): [image]
        }
    }

    /// The words a reader sees, without markup: code as written, table cells, alt text.
    public var plainText: String {
        switch self {
        case .paragraph(let inlines): inlines.map(\.plainText).joined()
        case .code(_, let text): text
        case .list(_, let items): items.map { $0.map(\.plainText).joined(separator: " ") }.joined(separator: "\n")
        case .table(let header, let rows):
            ([header] + rows).map { $0.map { $0.map(\.plainText).joined() }.joined(separator: " ") }.joined(separator: "\n")
        case .image(let image): image.alt
        }
    }

    var hasCode: Bool {
        switch self {
        case .code: true
        case .list(_, let items): items.contains { $0.contains(where: \.hasCode) }
        default: false
        }
    }

    var hasTable: Bool {
        switch self {
        case .table: true
        case .list(_, let items): items.contains { $0.contains(where: \.hasTable) }
        default: false
        }
    }
}

public indirect enum RichInline: Hashable, Sendable {
    case text(String)
    case strong([RichInline])
    case emphasis([RichInline])
    case code(String)
    case link(destination: String, [RichInline])
    case image(RichImage)
    /// A hard line break inside a paragraph or cell.
    case lineBreak

    var images: [RichImage] {
        switch self {
        case .strong(let children), .emphasis(let children), .link(_, let children): children.flatMap(\.images)
        case .image(let image): [image]
        default: []
        }
    }

    /// The words a reader sees, without markup (alt text for images).
    public var plainText: String {
        switch self {
        case .text(let text), .code(let text): text
        case .strong(let children), .emphasis(let children), .link(_, let children): children.map(\.plainText).joined()
        case .image(let image): image.alt
        case .lineBreak: " "
        }
    }
}

/// An image reference: a path relative to the bank file (or a URL), its alt text and the
/// line it is on, counted from the text's first line (0-based) so findings can point at it.
public struct RichImage: Hashable, Sendable {
    public var source: String
    public var alt: String
    public var title: String?
    /// Lines after the text's first line; not part of equality.
    public var lineOffset: Int { get { offset.value } set { offset.value = newValue } }
    private var offset = LineOffset()

    public init(source: String, alt: String, title: String? = nil, lineOffset: Int = 0) {
        self.source = source
        self.alt = alt
        self.title = title
        self.offset = LineOffset(value: lineOffset)
    }

    /// A position that never takes part in equality, like `Origin`.
    private struct LineOffset: Hashable, Sendable {
        var value = 0
        static func == (lhs: Self, rhs: Self) -> Bool { true }
        func hash(into hasher: inout Hasher) {}
    }
}

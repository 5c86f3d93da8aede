/// A position in a source file, 1-based, with columns counted in UTF-16 code units
/// (what SARIF's `utf16CodeUnits`, GitHub annotations and LSP all expect).
public struct SourceLocation: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The file as the user named it (relative paths stay relative).
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = max(1, line)
        self.column = max(1, column)
    }

    public var description: String { "\(file):\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

/// Where a model value was read from.
///
/// The same item written in XML or in JSON is the same content, so an origin never
/// takes part in equality or hashing: round-trip tests compare models directly.
public struct Origin: Hashable, Sendable {
    public var location: SourceLocation?
    /// For text values: where the content lies in the file, so fixes can edit it in place.
    public var span: TextSpan?
    /// For items, options and enemies: the UTF-8 byte range of the whole element (XML, start tag to
    /// end tag) or value (JSON object or string), so fixes can move or extend it.
    public var element: Range<Int>?
    /// The element's text as written, for options of items that keep their written order
    /// (`shuffle` off) only: a fix that reorders options moves them whole, and only where
    /// the order is delivered (QB312). Kept for every option, it was a sixth of a bank's memory.
    public var elementSource: String?

    public init(_ location: SourceLocation? = nil, span: TextSpan? = nil) {
        self.location = location
        self.span = span
    }

    public static let unknown = Origin()

    public static func == (lhs: Origin, rhs: Origin) -> Bool { true }
    public func hash(into hasher: inout Hasher) {}
}

/// Where a text value's content lies in its file: UTF-8 byte offsets of the content as written
/// (XML with its entity references, JSON with its escapes), the content itself and its syntax, so a
/// fix finds words in it and writes replacements escaped for the right syntax.
public struct TextSpan: Hashable, Sendable {
    public enum Syntax: Sendable { case xml, json }
    public var start: Int
    public var end: Int
    public var raw: String
    public var syntax: Syntax
    /// Line and column just past the content: findings about the text end here.
    public var endLocation: SourceLocation

    public init(start: Int, end: Int, raw: String, syntax: Syntax, endLocation: SourceLocation) {
        self.start = start
        self.end = end
        self.raw = raw
        self.syntax = syntax
        self.endLocation = endLocation
    }

    /// `text` as this syntax writes it (XML through `XMLEscaping`), or nil when JSON would need an
    /// escape: fixes then offer nothing rather than keep a second JSON escaper in the core.
    public func written(_ text: String) -> String? {
        switch syntax {
        case .xml: XMLEscaping.text(text)
        case .json: text.unicodeScalars.contains { $0 == "\"" || $0 == "\\" || $0.value < 0x20 } ? nil : text
        }
    }
}

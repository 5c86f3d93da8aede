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
///
/// A bank holds about ten origins per item, so they are stored packed (72 bytes, not 144): the file
/// path once (the span's end shares it), lines, columns and byte offsets as 32-bit values, and the one
/// range an origin has (a text's span or an element's range) in the same two slots. What does not fit
/// that shape (an origin with both, a value past 4 GiB, a span ending in another file) and the rare
/// `elementSource` live in a side box; the properties read and write as plain values either way.
public struct Origin: Hashable, Sendable, CustomReflectable {
    private var file: String?
    private var raw: String?
    private var extra: Extra?
    private var line: UInt32 = 0
    private var column: UInt32 = 0
    private var start: UInt32 = 0
    private var end: UInt32 = 0
    private var endLine: UInt32 = 0
    private var endColumn: UInt32 = 0
    private var form = Form.none

    /// Which of the packed slots hold a value.
    private enum Form: UInt8, Sendable { case none, span, jsonSpan, element }

    /// What the packed slots cannot hold; shared between copies, replaced (never mutated) on writes.
    private final class Extra: Sendable {
        /// Every part, when the packed form cannot hold them (then the packed slots are empty).
        let whole: (location: SourceLocation?, span: TextSpan?, element: Range<Int>?)?
        let elementSource: String?

        init(whole: (location: SourceLocation?, span: TextSpan?, element: Range<Int>?)?, elementSource: String?) {
            self.whole = whole
            self.elementSource = elementSource
        }
    }

    public var location: SourceLocation? {
        get {
            if let whole = extra?.whole { return whole.location }
            return file.map { SourceLocation(file: $0, line: Int(line), column: Int(column)) }
        }
        set { pack(newValue, span, element, elementSource) }
    }

    /// For text values: where the content lies in the file, so fixes can edit it in place.
    public var span: TextSpan? {
        get {
            if let whole = extra?.whole { return whole.span }
            guard form == .span || form == .jsonSpan, let raw, let file else { return nil }
            return TextSpan(start: Int(start), end: Int(end), raw: raw, syntax: form == .span ? .xml : .json,
                            endLocation: SourceLocation(file: file, line: Int(endLine), column: Int(endColumn)))
        }
        set { pack(location, newValue, element, elementSource) }
    }

    /// For items, options and enemies: the UTF-8 byte range of the whole element (XML, start tag to
    /// end tag) or value (JSON object or string), so fixes can move or extend it.
    public var element: Range<Int>? {
        get {
            if let whole = extra?.whole { return whole.element }
            return form == .element ? Int(start)..<Int(end) : nil
        }
        set {
            // Readers set the range of an origin that has only a location: store it in place.
            if extra == nil, form == .none || form == .element, let range = newValue,
               let start = UInt32(exactly: range.lowerBound), let end = UInt32(exactly: range.upperBound) {
                (self.start, self.end, form) = (start, end, .element)
            } else {
                pack(location, span, newValue, elementSource)
            }
        }
    }

    /// The element's text as written, for options of items that keep their written order
    /// (`shuffle` off) only: a fix that reorders options moves them whole, and only where
    /// the order is delivered (QB312). Kept for every option, it was a sixth of a bank's memory.
    public var elementSource: String? {
        get { extra?.elementSource }
        set { pack(location, span, element, newValue) }
    }

    public init(_ location: SourceLocation? = nil, span: TextSpan? = nil) {
        pack(location, span, nil, nil)
    }

    public static let unknown = Origin()

    public static func == (lhs: Origin, rhs: Origin) -> Bool { true }
    public func hash(into hasher: inout Hasher) {}

    /// Printed (and mirrored) as its parts, not its packed slots.
    public var customMirror: Mirror {
        Mirror(self, children: ["location": location as Any, "span": span as Any, "element": element as Any,
                                "elementSource": elementSource as Any])
    }

    /// Stores the parts packed when they fit, else whole in the side box.
    private mutating func pack(_ location: SourceLocation?, _ span: TextSpan?, _ element: Range<Int>?, _ elementSource: String?) {
        self = Origin(packing: location, span, element)
            ?? Origin(whole: (location, span, element), elementSource: elementSource)
        if elementSource != nil, extra == nil { extra = Extra(whole: nil, elementSource: elementSource) }
    }

    private init(whole: (location: SourceLocation?, span: TextSpan?, element: Range<Int>?), elementSource: String?) {
        extra = Extra(whole: whole, elementSource: elementSource)
    }

    private init?(packing location: SourceLocation?, _ span: TextSpan?, _ element: Range<Int>?) {
        if let location {
            guard let line = UInt32(exactly: location.line), let column = UInt32(exactly: location.column) else { return nil }
            (file, self.line, self.column) = (location.file, line, column)
        }
        switch (span, element) {
        case (nil, nil): break
        case (let span?, nil):
            guard let location, span.endLocation.file == location.file,
                  let start = UInt32(exactly: span.start), let end = UInt32(exactly: span.end),
                  let endLine = UInt32(exactly: span.endLocation.line), let endColumn = UInt32(exactly: span.endLocation.column)
            else { return nil }
            (raw, self.start, self.end, self.endLine, self.endColumn) = (span.raw, start, end, endLine, endColumn)
            form = span.syntax == .xml ? .span : .jsonSpan
        case (nil, let element?):
            guard let start = UInt32(exactly: element.lowerBound), let end = UInt32(exactly: element.upperBound) else { return nil }
            (self.start, self.end, form) = (start, end, .element)
        case (_?, _?):
            return nil
        }
    }
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

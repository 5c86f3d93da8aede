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

    public init(_ location: SourceLocation? = nil) { self.location = location }

    public static let unknown = Origin()

    public static func == (lhs: Origin, rhs: Origin) -> Bool { true }
    public func hash(into hasher: inout Hasher) {}
}

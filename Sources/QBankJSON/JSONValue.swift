/// A 1-based position in a JSON document; the column counts UTF-16 code units, as
/// `SourceLocation` does, so it can be handed to diagnostics unchanged.
public struct JSONPosition: Hashable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    /// Byte offset in the input, when the parser recorded it (not part of equality: positions compare by line and column).
    public var offset: Int?

    public init(line: Int, column: Int, offset: Int? = nil) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    public static func == (lhs: JSONPosition, rhs: JSONPosition) -> Bool { lhs.line == rhs.line && lhs.column == rhs.column }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(line)
        hasher.combine(column)
    }

    public var description: String { "\(line):\(column)" }
}

/// A parsed JSON value with the position where it starts. Objects keep their members
/// in source order (duplicates are a parse error, so keys are unique).
public struct JSONValue: Sendable {
    public enum Storage: Sendable {
        case null
        case bool(Bool)
        /// An integer literal (no fraction, no exponent) that fits in `Int`.
        case int(Int)
        /// Any other number: with a fraction or an exponent, or too large for `Int`.
        case double(Double)
        case string(String)
        case array([JSONValue])
        case object([JSONMember])
    }

    public var storage: Storage
    public var position: JSONPosition

    public init(_ storage: Storage, at position: JSONPosition) {
        self.storage = storage
        self.position = position
    }

    /// The member named `key`, if this is an object that has one.
    public subscript(key: String) -> JSONValue? { member(key)?.value }

    /// The member named `key`, with its key's position.
    public func member(_ key: String) -> JSONMember? {
        guard case .object(let members) = storage else { return nil }
        return members.first { $0.key == key }
    }

    public var stringValue: String? {
        if case .string(let s) = storage { return s }
        return nil
    }

    public var boolValue: Bool? {
        if case .bool(let b) = storage { return b }
        return nil
    }

    /// Any number as a `Double`.
    public var doubleValue: Double? {
        switch storage {
        case .int(let i): Double(i)
        case .double(let d): d
        default: nil
        }
    }

    /// The value as an integer, JSON Schema style: `2` and `2.0` (and `2e0`) are
    /// integers, `2.5` is not. Nil for non-numbers, fractions and values beyond `Int`.
    public var integerValue: Int? {
        switch storage {
        case .int(let i): i
        case .double(let d): Self.exactInt(d)
        default: nil
        }
    }

    /// True for numbers with no fractional part, however they are written (what JSON
    /// Schema's `"integer"` accepts), even when they are too large for `Int`.
    public var isIntegral: Bool {
        switch storage {
        case .int: true
        case .double(let d): d.isFinite && (abs(d) >= 0x1p52 || Double(Int(d)) == d)
        default: false
        }
    }

    /// `Int(exactly:)` without libm (which not every executable here links).
    private static func exactInt(_ d: Double) -> Int? {
        guard d.isFinite, d >= -0x1p63, d < 0x1p63 else { return nil }
        let i = Int(d)
        return Double(i) == d ? i : nil
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let a) = storage { return a }
        return nil
    }

    public var objectValue: [JSONMember]? {
        if case .object(let o) = storage { return o }
        return nil
    }

    public var isNull: Bool {
        if case .null = storage { return true }
        return false
    }

    /// "a string", "an object", … for messages such as "'domain' must be an integer, not a string".
    public var kindDescription: String {
        switch storage {
        case .null: "null"
        case .bool: "a boolean"
        case .int: "an integer"
        case .double: isIntegral ? "an integer" : "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// One `"key": value` pair of an object.
public struct JSONMember: Sendable {
    public var key: String
    public var keyPosition: JSONPosition
    public var value: JSONValue

    public init(key: String, keyPosition: JSONPosition, value: JSONValue) {
        self.key = key
        self.keyPosition = keyPosition
        self.value = value
    }
}

/// Why a document is not JSON, where, and (for duplicate keys) where the first one is.
public struct JSONParseError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public var position: JSONPosition
    /// The other place involved, e.g. the first occurrence of a duplicated key.
    public var related: JSONPosition?

    public init(_ message: String, at position: JSONPosition, related: JSONPosition? = nil) {
        self.message = message
        self.position = position
        self.related = related
    }

    public var description: String { "\(position): \(message)" }
}

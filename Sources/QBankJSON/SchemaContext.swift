import QBankCore

/// Collects the schema findings of one file while its model is built.
final class SchemaContext {
    let path: String
    let rule: RuleDescription
    var diagnostics: [Diagnostic] = []
    /// The file's bytes, for the spans of text values (fixes edit them in place).
    var bytes: [UInt8] = []

    init(path: String, rule: RuleDescription = ReaderRules.schemaViolation) {
        self.path = path
        self.rule = rule
    }

    /// The content of the string whose opening quote is at `p` (JSON strings hold no raw line breaks).
    func stringSpan(at p: JSONPosition) -> TextSpan? {
        guard let quote = p.offset, quote < bytes.count, bytes[quote] == UInt8(ascii: "\"") else { return nil }
        var end = quote + 1
        while end < bytes.count, bytes[end] != UInt8(ascii: "\"") { end += bytes[end] == UInt8(ascii: "\\") ? 2 : 1 }
        guard end < bytes.count else { return nil }
        let raw = String(decoding: bytes[(quote + 1)..<end], as: UTF8.self)
        return TextSpan(start: quote + 1, end: end, raw: raw, syntax: .json,
                        endLocation: SourceLocation(file: path, line: p.line, column: p.column + 1 + raw.utf16.count))
    }

    /// An origin with the byte range of the object or string that starts at `p`.
    func elementOrigin(_ p: JSONPosition, keepSource: Bool = false) -> Origin {
        var origin = origin(p)
        guard let start = p.offset, start < bytes.count else { return origin }
        var depth = 0
        var i = start
        var inString = false
        while i < bytes.count {
            let byte = bytes[i]
            if inString {
                if byte == UInt8(ascii: "\\") { i += 1 } else if byte == UInt8(ascii: "\"") {
                    inString = false
                    if depth == 0 { origin.element = start..<(i + 1); return origin }
                }
            } else if byte == UInt8(ascii: "\"") {
                inString = true
            } else if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") {
                depth += 1
            } else if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") {
                depth -= 1
                if depth == 0 {
                    origin.element = start..<(i + 1)
                    if keepSource { origin.elementSource = String(decoding: bytes[start..<(i + 1)], as: UTF8.self) }
                    return origin
                }
            }
            i += 1
        }
        return origin
    }

    func location(_ p: JSONPosition) -> SourceLocation {
        SourceLocation(file: path, line: p.line, column: p.column)
    }

    func origin(_ p: JSONPosition) -> Origin { Origin(location(p)) }

    func report(_ message: String, at p: JSONPosition, item: String? = nil) {
        diagnostics.append(Diagnostic(rule, message, at: location(p), item: item))
    }

    /// A parse error as a QB001 diagnostic; a duplicate key points back at the first one.
    static func syntaxDiagnostic(_ error: JSONParseError, path: String) -> Diagnostic {
        var d = Diagnostic(ReaderRules.syntaxError, error.message,
                           at: SourceLocation(file: path, line: error.position.line, column: error.position.column))
        if let r = error.related {
            d.related = [RelatedLocation(location: SourceLocation(file: path, line: r.line, column: r.column),
                                         message: "first occurrence")]
        }
        return d
    }
}

/// The members of one JSON object, checked against the fields a schema `$def` allows.
/// Getters report wrong types and return nil, so a builder can skip what it cannot use.
struct ObjectView {
    let context: SchemaContext
    let members: [JSONMember]
    let position: JSONPosition
    /// How messages name the object, e.g. "item 'q1', option 'a'"; empty for the root.
    let subject: String
    let itemID: String?

    /// Nil (after a report) when `value` is not an object. Reports unknown and missing fields.
    init?(_ value: JSONValue, _ context: SchemaContext, subject: String, itemID: String?,
          known: [String], required: [String], noun: String) {
        self.context = context
        self.subject = subject
        self.itemID = itemID
        self.position = value.position
        guard let members = value.objectValue else {
            context.report("\(Self.prefix(subject))\(noun) must be an object, not \(value.kindDescription)",
                           at: value.position, item: itemID)
            return nil
        }
        self.members = members
        for m in members where !known.contains(where: { Self.sameKey($0, m.key) }) {
            var message = "\(Self.prefix(subject))unknown field '\(m.key)'"
            if let near = Suggestion.nearest(to: m.key, in: known, within: { max(1, min(2, $0.count / 3)) }) { message += " (did you mean '\(near)'?)" }
            context.report(message, at: m.keyPosition, item: itemID)
        }
        for key in required where !members.contains(where: { $0.key == key }) {
            report("missing required field '\(key)'", at: value.position)
        }
    }

    static func prefix(_ subject: String) -> String { subject.isEmpty ? "" : "\(subject): " }

    func report(_ message: String, at p: JSONPosition) {
        context.report(Self.prefix(subject) + message, at: p, item: itemID)
    }

    func member(_ key: String) -> JSONMember? { members.first { Self.sameKey($0.key, key) } }

    /// Keys are short and most compared pairs differ: their lengths (inline in a small string) rule
    /// out most of them before the full comparison, which was a tenth of reading a JSON bank.
    @inline(__always) static func sameKey(_ a: String, _ b: String) -> Bool { a.utf8.count == b.utf8.count && a == b }

    func wrongType(_ key: String, _ expected: String, _ value: JSONValue) {
        report("'\(key)' must be \(expected), not \(value.kindDescription)", at: value.position)
    }

    func string(_ key: String) -> JSONValue? {
        guard let v = member(key)?.value else { return nil }
        guard v.stringValue != nil else { wrongType(key, "a string", v); return nil }
        return v
    }

    /// A string that must match `pattern`; the value is kept (with a report) when it does not.
    func string(_ key: String, matching pattern: (String) -> Bool, rule: String) -> JSONValue? {
        guard let v = string(key), let s = v.stringValue else { return nil }
        if !pattern(s) { report("'\(key)' \(rule), not '\(s)'", at: v.position) }
        return v
    }

    /// Text: a string, normalised, with the position of its opening quote.
    func text(_ key: String) -> Text? {
        guard let v = string(key), let s = v.stringValue else { return nil }
        let value = TextNormalization.normalize(s)
        var span = context.stringSpan(at: v.position)
        // Most texts are written as they read: one string then serves both, not two copies.
        if span?.raw == value { span?.raw = value }
        return Text(value, origin: Origin(context.location(v.position), span: span))
    }

    func bool(_ key: String) -> Bool? {
        guard let v = member(key)?.value else { return nil }
        guard let b = v.boolValue else { wrongType(key, "true or false", v); return nil }
        return b
    }

    /// JSON Schema "integer" (2.0 counts) within `range`; out-of-range values are
    /// reported and kept when they fit in `Int`.
    func integer(_ key: String, _ range: ClosedRange<Int>, rule: String) -> Int? {
        guard let v = member(key)?.value else { return nil }
        guard v.isIntegral else { wrongType(key, "an integer", v); return nil }
        guard let i = v.integerValue, range.contains(i) else {
            report("'\(key)' \(rule)", at: v.position)
            return nil
        }
        return i
    }

    /// JSON Schema "number" with optional bounds (`exclusiveMin` for weights).
    func number(_ key: String, min: Double? = nil, max: Double? = nil, exclusiveMin: Bool = false, rule: String = "") -> Double? {
        guard let v = member(key)?.value else { return nil }
        guard let d = v.doubleValue else { wrongType(key, "a number", v); return nil }
        let tooLow = min.map { exclusiveMin ? d <= $0 : d < $0 } ?? false
        let tooHigh = max.map { d > $0 } ?? false
        if tooLow || tooHigh {
            report("'\(key)' \(rule), not \(d)", at: v.position)
            return nil
        }
        return d
    }

    func array(_ key: String, minItems: Int = 0) -> JSONValue? {
        guard let v = member(key)?.value else { return nil }
        guard let a = v.arrayValue else { wrongType(key, "an array", v); return nil }
        if a.count < minItems { report("'\(key)' must have at least \(minItems) element\(minItems == 1 ? "" : "s")", at: v.position) }
        return v
    }

    /// One of a fixed set of strings.
    func oneOf(_ key: String, _ allowed: [String]) -> String? {
        guard let v = member(key)?.value else { return nil }
        guard let s = v.stringValue, allowed.contains(s) else {
            report("'\(key)' must be one of \(allowed.joined(separator: ", "))", at: v.position)
            return nil
        }
        return s
    }
}

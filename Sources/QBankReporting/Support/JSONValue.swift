import QBankCore

/// A JSON document with a writer we control, so output is byte-identical on every
/// platform: keys sorted by UTF-8 bytes, two-space indent, no escaped slashes,
/// non-ASCII written as UTF-8 (Foundation's serializers differ across platforms here).
enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    /// Written rounded to 6 decimals in Swift's shortest round-trip form, the same on every platform.
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// Pretty-printed text with a trailing newline.
    func rendered() -> String {
        var out = ""
        write(to: &out, indent: 0)
        out += "\n"
        return out
    }

    private func write(to out: inout String, indent: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .int(let value): out += String(value)
        case .double(let value):
            guard value.isFinite else { out += "null"; return }
            let rounded = (value * 1e6).rounded() / 1e6
            out += rounded == rounded.rounded() && abs(rounded) < 1e15 ? String(Int(rounded)) : String(rounded)
        case .string(let value): JSONValue.writeString(value, to: &out)
        case .array(let values):
            guard !values.isEmpty else { out += "[]"; return }
            out += "[\n"
            for (index, value) in values.enumerated() {
                out += JSONValue.indentation(indent + 1)
                value.write(to: &out, indent: indent + 1)
                out += index == values.count - 1 ? "\n" : ",\n"
            }
            out += JSONValue.indentation(indent)
            out += "]"
        case .object(let members):
            guard !members.isEmpty else { out += "{}"; return }
            out += "{\n"
            let sorted = members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            for (index, member) in sorted.enumerated() {
                out += JSONValue.indentation(indent + 1)
                JSONValue.writeString(member.key, to: &out)
                out += ": "
                member.value.write(to: &out, indent: indent + 1)
                out += index == sorted.count - 1 ? "\n" : ",\n"
            }
            out += JSONValue.indentation(indent)
            out += "}"
        }
    }

    /// Indentation strings built once: building one per line was a visible share of large reports.
    private static let indentations = (0..<16).map { String(repeating: "  ", count: $0) }

    private static func indentation(_ level: Int) -> String {
        level < indentations.count ? indentations[level] : String(repeating: "  ", count: level)
    }

    private static func writeString(_ value: String, to out: inout String) { JSONEscaping.append(value, to: &out) }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    init(stringLiteral value: String) { self = .string(value) }
    init(integerLiteral value: Int) { self = .int(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }

    /// `null` for nil, so optional contract fields are present rather than missing.
    static func string(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
}

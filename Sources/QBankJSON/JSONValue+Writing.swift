import QBankCore

/// Building and writing `JSONValue`s, for protocols that answer in JSON (the language
/// server). Built values carry no source position: they are written, never reported on.
extension JSONValue {
    static let nowhere = JSONPosition(line: 1, column: 1)

    public static let null = JSONValue(.null, at: nowhere)
    public static func bool(_ value: Bool) -> JSONValue { JSONValue(.bool(value), at: nowhere) }
    public static func int(_ value: Int) -> JSONValue { JSONValue(.int(value), at: nowhere) }
    public static func string(_ value: String) -> JSONValue { JSONValue(.string(value), at: nowhere) }
    public static func array(_ values: [JSONValue]) -> JSONValue { JSONValue(.array(values), at: nowhere) }
    /// An object whose members are written in the order given; nil values are left out.
    public static func object(_ members: KeyValuePairs<String, JSONValue?>) -> JSONValue {
        object(members.map { ($0.key, $0.value) })
    }
    public static func object(_ members: [(String, JSONValue?)]) -> JSONValue {
        JSONValue(.object(members.compactMap { key, value in
            value.map { JSONMember(key: key, keyPosition: nowhere, value: $0) }
        }), at: nowhere)
    }

    /// `self` with `key` set to `value` (added at the end when missing); for objects only.
    public func setting(_ key: String, to value: JSONValue) -> JSONValue {
        guard var members = objectValue else { return self }
        if let index = members.firstIndex(where: { $0.key == key }) { members[index].value = value } else {
            members.append(JSONMember(key: key, keyPosition: JSONValue.nowhere, value: value))
        }
        return JSONValue(.object(members), at: position)
    }

    /// Compact JSON text (no white space), members in their order; non-finite numbers as null.
    public var compactText: String {
        var out = ""
        write(to: &out)
        return out
    }

    private func write(to out: inout String) {
        switch storage {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .int(let value): out += String(value)
        case .double(let value): out += value.isFinite ? String(value) : "null"
        case .string(let value): JSONEscaping.append(value, to: &out)
        case .array(let values):
            out += "["
            for (index, value) in values.enumerated() {
                if index > 0 { out += "," }
                value.write(to: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { out += "," }
                JSONEscaping.append(member.key, to: &out)
                out += ":"
                member.value.write(to: &out)
            }
            out += "}"
        }
    }
}

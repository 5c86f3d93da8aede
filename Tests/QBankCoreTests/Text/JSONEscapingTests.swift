import QBankCore
import Testing

/// JSON string literals: what must be escaped is, the rest is copied as is, whole runs or not.
struct JSONEscapingTests {
    /// The plain definition, scalar by scalar, that the run-copying writer must match.
    static let named: [Unicode.Scalar: String] = ["\"": "\\\"", "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"]

    static func reference(_ value: String) -> String {
        let escaped = value.unicodeScalars.map { scalar -> String in
            if let name = named[scalar] { return name }
            guard scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x2028 || scalar.value == 0x2029 else { return String(scalar) }
            let hex = String(scalar.value, radix: 16)
            return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        }
        return "\"" + escaped.joined() + "\""
    }

    @Test(arguments: [
        "", "plain words", "say \"hi\"", "a\\b", "line\nbreak\r\n\ttab", "\u{0}\u{1}\u{1F}\u{7F}", "é — “quoted” ‘single’",
        "sep\u{2028}and\u{2029}end", "\u{2028}", "ends in E2 lead: \u{2027}\u{202A}", "日本語のテキスト 🙂", "\"", "x\u{E2}",
        "a long run with nothing to escape, longer than a small string, over and over, and then one \" at the end",
    ])
    func escapesLikeTheReference(_ value: String) {
        #expect(JSONEscaping.quoted(value) == Self.reference(value))
        var out = "prefix "
        JSONEscaping.append(value, to: &out)
        #expect(out == "prefix " + Self.reference(value))
        var bytes = Array("prefix ".utf8)
        JSONEscaping.append(value, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "prefix " + Self.reference(value))
    }

    @Test func aBridgedOrSubstringBackedStringEscapesTheSame() {
        let value = String("xx say \"hi\"\u{2028}\n".dropFirst(3))
        #expect(JSONEscaping.quoted(value) == Self.reference(value))
        #expect(JSONEscaping.quoted("a\"\\\u{1}\u{7F}\u{2028}—\n") == #""a\"\\\u0001\u007f\u2028—\n""#)
    }
}

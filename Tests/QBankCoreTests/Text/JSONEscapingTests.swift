import QBankCore
import Testing

/// JSON string literals: what must be escaped is, the rest is copied as is, whole runs or not.
struct JSONEscapingTests {
    /// The plain definition, scalar by scalar, that the run-copying writer must match.
    static func reference(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x2028 || scalar.value == 0x2029:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
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
    }

    @Test func aBridgedOrSubstringBackedStringEscapesTheSame() {
        let value = String("xx say \"hi\"\u{2028}\n".dropFirst(3))
        #expect(JSONEscaping.quoted(value) == Self.reference(value))
    }
}

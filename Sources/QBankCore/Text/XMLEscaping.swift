/// The one XML and HTML escaper. Three contexts:
/// - `text`: element content that is read back; keeps line breaks and tabs as written.
/// - `attribute`: double-quoted attribute values that are read back; white space other
///   than the space becomes a character reference, because attribute-value
///   normalisation would otherwise turn it into spaces on reading.
/// - `markup`: HTML (and XML for people) where a value may stand in element content or a
///   double-quoted attribute; white space stays as written.
/// All three work on Unicode scalars, not characters, so a `<` or `&` that carries a
/// combining mark is still escaped. What XML 1.0 cannot carry at all (C0 controls other
/// than tab, line feed and carriage return; U+FFFE, U+FFFF) is left as it is for the bank
/// writers, whose readers then refuse the file at its position rather than read back
/// something else, and replaced with U+FFFD in reports (`replacingForbidden`, `markup`).
public enum XMLEscaping {
    public static func text(_ value: String, replacingForbidden: Bool = false) -> String {
        escape(value, quote: false, whitespace: false, replace: replacingForbidden)
    }

    public static func attribute(_ value: String, replacingForbidden: Bool = false) -> String {
        escape(value, quote: true, whitespace: true, replace: replacingForbidden)
    }

    public static func markup(_ value: String) -> String {
        escape(value, quote: true, whitespace: false, carriageReturn: false, replace: true)
    }

    private static func escape(_ value: String, quote: Bool, whitespace: Bool, carriageReturn: Bool = true, replace: Bool) -> String {
        guard value.utf8.contains(where: { needsWork($0, quote: quote, whitespace: whitespace, replace: replace) }) else { return value }
        var result = ""
        result.reserveCapacity(value.utf8.count + 16)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where quote: result += "&quot;"
            case "\t" where whitespace: result += "&#9;"
            case "\n" where whitespace: result += "&#10;"
            case "\r" where whitespace || carriageReturn: result += "&#13;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            case _ where replace && (scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF): result += "\u{FFFD}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Whether a UTF-8 byte may start something to escape or replace: the fast path
    /// returns the value itself when none does. 0xEF leads U+FFFE and U+FFFF.
    private static func needsWork(_ byte: UInt8, quote: Bool, whitespace: Bool, replace: Bool) -> Bool {
        switch byte {
        case 0x26, 0x3C, 0x3E, 0x0D: true
        case 0x22: quote
        case 0x09, 0x0A: whitespace
        case ..<0x20, 0xEF: replace
        default: false
        }
    }
}

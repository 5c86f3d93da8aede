/// The characters XML 1.0 can carry (its `Char` production). Every bank format qbank writes is XML or must convert
/// to it, so text holding anything else is refused where it is read: no writer may produce a file its reader refuses.
public enum XMLCharacters {
    /// Tab, line feed, carriage return and everything from U+0020 except U+FFFE and U+FFFF (Swift strings hold no
    /// surrogates, the rest of the production's gaps).
    public static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: true
        case 0x00..<0x20, 0xFFFE, 0xFFFF: false
        default: true
        }
    }

    /// The first character XML 1.0 forbids, with its 1-based line and column (in UTF-16 units, like every column
    /// qbank reports) inside `text`.
    public static func firstForbidden(in text: String) -> (scalar: Unicode.Scalar, line: Int, column: Int)? {
        guard mayHoldForbidden(text) else { return nil }
        var line = 1, column = 1
        for scalar in text.unicodeScalars {
            if !isAllowed(scalar) { return (scalar, line, column) }
            if scalar == "\n" { line += 1; column = 1 } else { column += scalar.utf16.count }
        }
        return nil
    }

    /// A byte scan, since the JSON reader asks this of every string of a file: in UTF-8 a forbidden
    /// character is a byte below 0x20 (other than tab, LF, CR) or the bytes EF BF BE/BF (U+FFFE, U+FFFF).
    static func mayHoldForbidden(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            for index in bytes.indices {
                let byte = bytes[index]
                if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D { return true }
                if byte == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBF, bytes[index + 2] >= 0xBE { return true }
            }
            return false
        }
    }

    /// `U+0001` style, for messages.
    public static func name(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// A string anywhere in `value` (an item, a case study: found by reflection, so fields added later are covered)
    /// that holds a forbidden character, with the origin of the nearest enclosing text, option or item.
    public static func firstForbidden(inValue value: Any, origin: Origin = .unknown) -> (scalar: Unicode.Scalar, text: String, origin: Origin)? {
        if let text = value as? String {
            return firstForbidden(in: text).map { ($0.scalar, text, origin) }
        }
        let mirror = Mirror(reflecting: value)
        var origin = origin
        if let own = mirror.children.first(where: { $0.label == "origin" })?.value as? Origin, own.location != nil { origin = own }
        for child in mirror.children {
            if let found = firstForbidden(inValue: child.value, origin: origin) { return found }
        }
        return nil
    }
}

/// JSON string literals for every writer that prints JSON text by hand (reports, the
/// baseline, the language server): quotes, backslashes and control characters escaped,
/// DEL and the two separators JavaScript treats as line breaks too; the rest as is.
public enum JSONEscaping {
    public static func quoted(_ value: String) -> String {
        var out = ""
        append(value, to: &out)
        return out
    }

    /// Copies the runs between escapes whole: a report holds hundreds of thousands of strings,
    /// nearly all with nothing to escape, and appending them scalar by scalar cost a tenth of a run.
    public static func append(_ value: String, to out: inout String) {
        let clean = value.utf8.withContiguousStorageIfAvailable { buffer in
            !buffer.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F || $0 == 0xE2 }
        }
        if clean == true {
            out += "\""
            out += value
            out += "\""
            return
        }
        // Something to escape (rare), or no contiguous bytes: escaped as bytes, then added whole.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(value.utf8.count + 8)
        append(value, to: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }

    /// `append(_:to:)` into UTF-8 bytes: the same literal, for writers that build their output as
    /// bytes (a report of many findings spent more on `String` appends than on its content).
    public static func append(_ value: String, to out: inout [UInt8]) {
        out.append(0x22)
        value.utf8.withContiguousStorageIfAvailable { bytes in appendEscaped(bytes, to: &out) }
            ?? Array(value.utf8).withUnsafeBufferPointer { appendEscaped($0, to: &out) }
        out.append(0x22)
    }

    /// The bytes between the quotes: runs without an escape copied whole.
    private static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var start = 0, index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            guard byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F || byte == 0xE2 else { index += 1; continue }
            var after = index + 1
            let escape: String?
            switch byte {
            case 0x22: escape = "\\\""
            case 0x5C: escape = "\\\\"
            case 0x0A: escape = "\\n"
            case 0x0D: escape = "\\r"
            case 0x09: escape = "\\t"
            case 0xE2:
                // U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
                if index + 2 < count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 {
                    escape = unicode(bytes[index + 2] == 0xA8 ? 0x2028 : 0x2029)
                    after = index + 3
                } else {
                    escape = nil
                }
            default: escape = unicode(UInt32(byte))
            }
            if let escape {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                out.append(contentsOf: escape.utf8)
                start = after
            }
            index = after
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<count]))
    }

    private static func unicode(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: false)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}

import QBankCore

/// Turns the bytes of a text source into a String.
///
/// UTF-8 (with or without BOM) and UTF-16 with a BOM are read as such. Anything
/// else is decoded **line by line**: a line that is valid UTF-8 stays UTF-8, any
/// other line is read as Windows-1252 (a superset of Latin-1, what Windows tools
/// write), and a note names those lines. Files that mix both encodings (pasted
/// text, concatenated exports) come through readable instead of being refused.
public enum TextDecoding {
    public struct Decoded: Sendable {
        public var text: String
        /// Lines read as Windows-1252 (1-based).
        public var fallbackLines: [Int]
    }

    public static func decode(_ bytes: [UInt8]) -> Decoded {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return decode(Array(bytes.dropFirst(3))) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            var units: [UInt16] = []
            var index = 2
            while index + 1 < bytes.count {
                units.append(little ? UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8
                                    : UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1]))
                index += 2
            }
            return Decoded(text: String(decoding: units, as: UTF16.self), fallbackLines: [])
        }
        if let text = String(validating: bytes, as: UTF8.self) { return Decoded(text: text, fallbackLines: []) }
        var text = ""
        var fallback: [Int] = []
        var line = 1
        for piece in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            if line > 1 { text += "\n" }
            if let utf8 = String(validating: piece, as: UTF8.self) {
                text += utf8
            } else {
                text += windows1252(piece)
                fallback.append(line)
            }
            line += 1
        }
        return Decoded(text: text, fallbackLines: fallback)
    }

    /// The note importers add when some lines were not UTF-8.
    public static func note(_ decoded: Decoded, path: String) -> ImportProblem? {
        guard let first = decoded.fallbackLines.first else { return nil }
        let count = decoded.fallbackLines.count
        return ImportProblem(.note, at: SourceLocation(file: path, line: first, column: 1),
                             "\(count) line\(count == 1 ? " is" : "s are") not valid UTF-8 (first: line \(first)); read as Windows-1252. Check accented characters, or re-save the file as UTF-8")
    }

    static func windows1252<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        var out = String.UnicodeScalarView()
        for byte in bytes {
            if byte >= 0x80 && byte <= 0x9F, let mapped = cp1252High[Int(byte - 0x80)] {
                out.append(mapped)
            } else {
                out.append(Unicode.Scalar(byte))
            }
        }
        return String(out)
    }

    private static let cp1252High: [Unicode.Scalar?] = [
        "\u{20AC}", nil, "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
        "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}", "\u{0152}", nil, "\u{017D}", nil,
        nil, "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
        "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", nil, "\u{017E}", "\u{0178}",
    ]
}

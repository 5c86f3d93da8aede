/// The one normalisation both readers apply to every text field, so that XML's
/// indentation and JSON's literal strings give the same model.
///
/// Paragraphs are separated by blank lines and kept as `"\n\n"`; inside a paragraph
/// every run of white space becomes one space; leading and trailing space is dropped.
public enum TextNormalization {
    public static func normalize(_ raw: String) -> String {
        if isAlreadyNormal(raw) { return raw }
        var paragraphs: [String] = []
        var current: [Substring] = []
        for line in raw.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            let words = line.split(whereSeparator: \.isWhitespace)
            if words.isEmpty {
                if !current.isEmpty { paragraphs.append(current.joined(separator: " ")); current = [] }
            } else {
                current.append(contentsOf: words)
            }
        }
        if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
        return paragraphs.joined(separator: "\n\n")
    }

    /// A byte-level check that covers almost every field: one line, no tab, no double
    /// space, no space at either end. String searches here cost more than the rest of
    /// reading a bank, so this avoids them.
    static func isAlreadyNormal(_ text: String) -> Bool {
        let verdict: (clean: Bool, asciiEnds: Bool)? = text.utf8.withContiguousStorageIfAvailable { bytes in
            guard let first = bytes.first, let last = bytes.last else { return (true, true) }
            if isASCIISpace(first) || isASCIISpace(last) { return (false, true) }
            var previous: UInt8 = 0
            for byte in bytes {
                if byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0x0B || byte == 0x0C || (byte == 0x20 && previous == 0x20) { return (false, true) }
                previous = byte
            }
            return (true, first < 0x80 && last < 0x80)
        }
        guard let verdict, verdict.clean else { return false }
        if verdict.asciiEnds { return true }
        // Non-ASCII white space at the ends (e.g. U+00A0) is judged on the Character.
        return text.first?.isWhitespace != true && text.last?.isWhitespace != true
    }

    private static func isASCIISpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
}

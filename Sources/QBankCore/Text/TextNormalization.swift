/// The one normalisation both readers apply to every text field, so that XML's
/// indentation and JSON's literal strings give the same model.
///
/// Paragraphs are separated by blank lines and kept as `"\n\n"`; inside a paragraph
/// every run of white space becomes one space; leading and trailing space is dropped.
public enum TextNormalization {
    public static func normalize(_ raw: String) -> String {
        // Fast path: most fields are one clean line.
        if !raw.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D || $0 == 0x09 })
            && !raw.contains("  ") && raw.first?.isWhitespace != true && raw.last?.isWhitespace != true {
            return raw
        }
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
}

/// A word as the quality rules see it: letters, digits, `_`, and `'`/`-` between them.
///
/// Emphasis is part of the word because QB201 asks whether a negative is emphasised:
/// in our text format that is `**word**` or an ALL-CAPS word (Schemas/README.md, "Text").
struct Word: Sendable {
    var text: Substring
    var lower: String
    /// Inside a `**…**` span.
    var isBold: Bool
    /// Inside a `` `…` `` span: code, never judged as English.
    var isCode: Bool

    /// Two or more letters, all upper case ("NOT", "LEAST"; not "I" or "S3").
    var isAllCaps: Bool {
        var letters = 0
        for character in text where character.isLetter {
            if !character.isUppercase { return false }
            letters += 1
        }
        return letters >= 2
    }

    var isEmphasized: Bool { isBold || isAllCaps }
    var isNumber: Bool { text.allSatisfy { $0.isNumber || $0 == "," || $0 == "." } }
}

enum Words {
    /// The words of `text` in order, with emphasis and code spans tracked.
    static func of(_ text: some StringProtocol) -> [Word] {
        let string = Substring(text)
        return asciiWords(string) ?? unicodeWords(string)
    }

    /// The byte-level path every ASCII text takes. Character iteration and per-word
    /// allocations made the quality rules cost more than reading the bank.
    private static func asciiWords(_ text: Substring) -> [Word]? {
        let utf8 = text.utf8
        var words: [Word] = []
        var bold = false, code = false
        var index = utf8.startIndex
        var buffer: [UInt8] = []
        while index < utf8.endIndex {
            let byte = utf8[index]
            guard byte < 0x80 else { return nil }
            if byte == UInt8(ascii: "`") { code.toggle(); utf8.formIndex(after: &index); continue }
            if byte == UInt8(ascii: "*") {
                let next = utf8.index(after: index)
                if next < utf8.endIndex, utf8[next] == UInt8(ascii: "*") {
                    bold.toggle()
                    index = utf8.index(after: next)
                    continue
                }
            }
            guard isWordByte(byte) else { utf8.formIndex(after: &index); continue }
            let start = index
            buffer.removeAll(keepingCapacity: true)
            while index < utf8.endIndex {
                let current = utf8[index]
                if current >= 0x80 { return nil }
                if isWordByte(current) {
                    buffer.append(lower(current))
                    utf8.formIndex(after: &index)
                } else if isJoinerByte(current) {
                    let next = utf8.index(after: index)
                    guard next < utf8.endIndex, utf8[next] < 0x80, isWordByte(utf8[next]) else { break }
                    buffer.append(current)
                    index = next
                } else {
                    break
                }
            }
            words.append(Word(text: text[start..<index], lower: String(decoding: buffer, as: UTF8.self), isBold: bold, isCode: code))
        }
        return words
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
    }

    private static func isJoinerByte(_ byte: UInt8) -> Bool { byte == 0x27 || byte == 0x2D || byte == 0x2E }

    private static func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }

    private static func unicodeWords(_ text: Substring) -> [Word] {
        var words: [Word] = []
        var bold = false, code = false
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "`" {
                code.toggle()
                index = text.index(after: index)
                continue
            }
            if character == "*", text.index(after: index) < text.endIndex, text[text.index(after: index)] == "*" {
                bold.toggle()
                index = text.index(index, offsetBy: 2)
                continue
            }
            guard isWordCharacter(character) else {
                index = text.index(after: index)
                continue
            }
            let start = index
            var end = text.index(after: index)
            while end < text.endIndex {
                if isWordCharacter(text[end]) {
                    end = text.index(after: end)
                } else if isJoiner(text[end]), text.index(after: end) < text.endIndex, isWordCharacter(text[text.index(after: end)]) {
                    end = text.index(end, offsetBy: 2)
                } else {
                    break
                }
            }
            let slice = text[start..<end]
            var lower = slice.lowercased()
            if lower.contains("’") { lower = String(lower.map { $0 == "’" ? "'" : $0 }) }
            words.append(Word(text: slice, lower: lower, isBold: bold, isCode: code))
            index = end
        }
        return words
    }

    /// Lower-cased words, for rules that ignore emphasis.
    static func lowered(_ text: some StringProtocol) -> [String] { of(text).map(\.lower) }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_"
    }

    private static func isJoiner(_ character: Character) -> Bool {
        character == "'" || character == "’" || character == "-" || character == "."
    }
}

extension Array where Element == String {
    /// Whether `phrase` (already lower-cased words) occurs as consecutive elements.
    func containsSequence(_ phrase: [String]) -> Bool {
        guard !phrase.isEmpty, phrase.count <= count else { return phrase.isEmpty }
        for start in 0...(count - phrase.count) where self[start] == phrase[0] {
            if self[start..<(start + phrase.count)].elementsEqual(phrase) { return true }
        }
        return false
    }
}

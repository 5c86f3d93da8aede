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
            let slice = Substring(text[start..<end])
            words.append(Word(text: slice, lower: slice.lowercased().replacingOccurrences(of: "’", with: "'"), isBold: bold, isCode: code))
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

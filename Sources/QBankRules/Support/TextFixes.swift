import QBankCore

/// Fix producers for rules: edits inside a text value's content as the file writes it
/// (`Origin.span`), found by matching the normalised text the rules read against the raw
/// content, and refused (nil) whenever the two do not line up (an entity, a comment, an
/// escape in the way), so a fix never edits the wrong bytes.
enum TextFixes {
    /// Replaces the whole-word occurrence of `word` that starts at `offset` (UTF-8, in `text.value`).
    static func replaceWord(at offset: Int, length: Int, in text: Text, file: String, with replacement: String,
                            title: String) -> Fix? {
        guard let span = text.origin.span, let written = span.written(replacement) else { return nil }
        let value = Array(text.value.utf8)
        guard offset >= 0, offset + length <= value.count else { return nil }
        let word = Array(value[offset..<(offset + length)])
        let inValue = wholeWordOccurrences(of: word, in: value)
        let inRaw = wholeWordOccurrences(of: word, in: Array(span.raw.utf8))
        guard inValue.count == inRaw.count, let index = inValue.firstIndex(of: offset) else { return nil }
        let start = span.start + inRaw[index]
        return Fix(title, edits: [TextEdit(file: file, start: start, end: start + length, replacement: written)])
    }

    /// `substring`'s UTF-8 offset in `base` when it is a slice of it (or of an equal string).
    static func offset(of substring: Substring, in base: String) -> Int? {
        let offset = substring.base.utf8.distance(from: substring.base.utf8.startIndex, to: substring.startIndex)
        let bytes = Array(base.utf8)
        let needle = Array(substring.utf8)
        guard offset + needle.count <= bytes.count, Array(bytes[offset..<(offset + needle.count)]) == needle else { return nil }
        return offset
    }

    /// Deletes `count` bytes of the raw content after its leading white space.
    static func deleteLeading(_ count: Int, in text: Text, file: String, title: String) -> Fix? {
        guard let span = text.origin.span else { return nil }
        let raw = Array(span.raw.utf8)
        let lead = raw.prefix { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }.count
        guard lead + count <= raw.count else { return nil }
        return Fix(title, edits: [TextEdit(file: file, start: span.start + lead, end: span.start + lead + count, replacement: "")])
    }

    /// Appends `addition` after the raw content's last non-space character.
    static func append(_ addition: String, to text: Text, file: String, title: String) -> Fix? {
        guard let span = text.origin.span, let written = span.written(addition) else { return nil }
        let raw = Array(span.raw.utf8)
        var end = raw.count
        while end > 0, [0x20, 0x09, 0x0A, 0x0D].contains(raw[end - 1]) { end -= 1 }
        return Fix(title, edits: [TextEdit(file: file, start: span.start + end, end: span.start + end, replacement: written)])
    }

    /// Offsets of `word` in `bytes` with no letter, digit or `_` on either side.
    static func wholeWordOccurrences(of word: [UInt8], in bytes: [UInt8]) -> [Int] {
        guard !word.isEmpty, word.count <= bytes.count else { return [] }
        func isWordByte(_ byte: UInt8) -> Bool {
            byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x5F
        }
        var found: [Int] = []
        var i = 0
        while i + word.count <= bytes.count {
            if bytes[i] == word[0], bytes[i..<(i + word.count)].elementsEqual(word),
               i == 0 || !isWordByte(bytes[i - 1]), i + word.count == bytes.count || !isWordByte(bytes[i + word.count]) {
                found.append(i)
            }
            i += 1
        }
        return found
    }
}

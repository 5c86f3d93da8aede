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
        if let string = text as? String {
            return TextMemo.current.words(of: string) { asciiWords(Substring($0)) ?? unicodeWords(Substring($0)) }
        }
        let string = Substring(text)
        return asciiWords(string) ?? unicodeWords(string)
    }

    /// The byte-level path every ASCII text takes. Character iteration, `UTF8View`
    /// indexing and per-word allocations made the quality rules cost more than
    /// reading the bank, so this scans a contiguous buffer by integer offset and builds
    /// each word in one pass (a lower-cased word of up to 15 bytes allocates nothing).
    private static func asciiWords(_ text: Substring) -> [Word]? {
        let utf8 = text.utf8
        // ASCII: byte offsets are character offsets, and native UTF-8 indices offset in O(1).
        var position = utf8.startIndex
        var positionOffset = 0
        return scanASCII(text) { bytes, start, end, bold, code in
            let from = utf8.index(position, offsetBy: start - positionOffset)
            let to = utf8.index(from, offsetBy: end - start)
            position = to
            positionOffset = end
            return Word(text: text[from..<to], lower: loweredString(bytes[start..<end]), isBold: bold, isCode: code)
        }
    }

    /// `asciiWords(text)?.map(\.lower)` without the `Word`s: no slices, no indices.
    private static func asciiLowered(_ text: Substring) -> [String]? {
        scanASCII(text) { bytes, start, end, _, _ in loweredString(bytes[start..<end]) }
    }

    /// The words of an ASCII text as byte ranges with their emphasis, each made into an
    /// element by `make`; nil when a byte is not ASCII (or the text has no contiguous bytes).
    private static func scanASCII<Element>(
        _ text: Substring, _ make: (UnsafeBufferPointer<UInt8>, Int, Int, Bool, Bool) -> Element
    ) -> [Element]? {
        let scanned: [Element]?? = text.utf8.withContiguousStorageIfAvailable { bytes -> [Element]? in
            var words: [Element] = []
            var bold = false, code = false
            var index = 0
            let count = bytes.count
            // Growing the array one word at a time reallocated it about five times per text.
            words.reserveCapacity(count / 4 + 1)
            while index < count {
                let byte = bytes[index]
                guard byte < 0x80 else { return nil }
                if byte == UInt8(ascii: "`") { code.toggle(); index += 1; continue }
                if byte == UInt8(ascii: "*"), index + 1 < count, bytes[index + 1] == UInt8(ascii: "*") {
                    bold.toggle()
                    index += 2
                    continue
                }
                guard isWordByte(byte) else { index += 1; continue }
                let start = index
                while index < count {
                    let current = bytes[index]
                    if current >= 0x80 { return nil }
                    if isWordByte(current) {
                        index += 1
                    } else if isJoinerByte(current), index + 1 < count, bytes[index + 1] < 0x80, isWordByte(bytes[index + 1]) {
                        index += 1
                    } else {
                        break
                    }
                }
                words.append(make(bytes, start, index, bold, code))
            }
            return words
        }
        guard let scanned, let words = scanned else { return nil }
        return words
    }

    /// The lower-cased String of ASCII bytes, built in place.
    private static func loweredString(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { buffer in
            for k in 0..<bytes.count { buffer[k] = lower(bytes[bytes.startIndex + k]) }
            return bytes.count
        }
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
    /// Tokenises afresh only when the text's words are not known yet, and then builds
    /// just the lower-cased Strings (ASCII), not the `Word`s.
    static func lowered(_ text: some StringProtocol) -> [String] {
        if let string = text as? String {
            let memo = TextMemo.current
            return memo.lowered(of: string) { string in
                memo.knownWords(of: string)?.map(\.lower) ?? asciiLowered(Substring(string)) ?? of(string).map(\.lower)
            }
        }
        return asciiLowered(Substring(text)) ?? of(text).map(\.lower)
    }

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

/// The lead-in of a stem: its last sentence, the question or task the candidate answers.
///
/// A trailing "(Select TWO.)"/"Choose two." directive is dropped first, so the lead-in of
/// "Which … ? (Select TWO.)" is the question, not the directive. Abbreviations such as
/// "e.g." and decimals do not end a sentence.
enum LeadIn {
    static func of(_ stem: String) -> Substring {
        TextMemo.current.leadIn(of: stem) { stem in
            let text = body(of: stem)
            return sentences(of: stem).last ?? text
        }
    }

    /// `Words.of(LeadIn.of(stem))`, computed once per stem.
    static func words(of stem: String) -> [Word] {
        TextMemo.current.leadInWords(of: stem) { Words.of(of($0)) }
    }

    /// `Words.lowered(LeadIn.of(stem))`, computed once per stem.
    static func lowered(of stem: String) -> [String] {
        TextMemo.current.leadInLowered(of: stem) { words(of: $0).map(\.lower) }
    }

    /// The stem without trailing space and without a final "(Select TWO.)" directive.
    static func body(of stem: String) -> Substring { parts(of: stem).body }

    /// `Sentences.split(body(of: stem))`, computed once per stem.
    static func sentences(of stem: String) -> [Substring] { parts(of: stem).sentences }

    /// The body and its sentences. Most stems end in a question, not a directive: then the
    /// split that looked for the directive is the body's split, and is not done twice.
    private static func parts(of stem: String) -> StemParts {
        TextMemo.current.stemParts(of: stem) { stem in
            let text = Substring(stem).trimmingTrailingSpace()
            if text.hasSuffix(")") {
                let body = droppingTrailingDirective(text)
                return StemParts(body: body, sentences: Sentences.split(body))
            }
            let split = Sentences.split(text)
            if let last = split.last, last.startIndex > text.startIndex, isDirective(last) {
                let body = text[..<last.startIndex].trimmingTrailingSpace()
                return StemParts(body: body, sentences: Sentences.split(body))
            }
            return StemParts(body: text, sentences: split)
        }
    }

    /// Removes a final parenthesised or stand-alone "Select/Choose/Pick N" sentence.
    static func droppingTrailingDirective(_ text: Substring) -> Substring {
        var body = text
        if body.hasSuffix(")"), let open = body.lastIndex(of: "(") {
            let inside = body[body.index(after: open)..<body.index(before: body.endIndex)]
            if isDirective(inside) { body = body[..<open].trimmingTrailingSpace() }
        } else if let last = Sentences.split(body).last, last.startIndex > body.startIndex, isDirective(last) {
            body = body[..<last.startIndex].trimmingTrailingSpace()
        }
        return body
    }

    private static let directiveWords: Set<String> = ["select", "choose", "pick", "mark"]

    private static func isDirective(_ text: Substring) -> Bool {
        // The first word must start with s, c, p or m: one byte settles most sentences.
        for byte in text.utf8 {
            if byte >= 0x80 { break }
            let lower = byte | 0x20
            if (byte >= 0x30 && byte <= 0x39) || byte == 0x5F || (lower >= 0x61 && lower <= 0x7A) {
                guard lower == 0x73 || lower == 0x63 || lower == 0x70 || lower == 0x6D else { return false }
                break
            }
        }
        let words = Words.lowered(text)
        guard let first = words.first, directiveWords.contains(first) else { return false }
        return words.count <= 5
    }
}

/// A stem's body (without a trailing directive) and the body's sentences.
struct StemParts {
    var body: Substring
    var sentences: [Substring]
}

enum Sentences {
    private static let abbreviations: Set<String> = ["e.g", "i.e", "etc", "vs", "approx", "no", "fig", "mr", "mrs", "dr", "inc", "ltd", "st"]

    /// Sentences of `text`: split after `.`, `?` or `!` followed by white space, and at paragraph breaks.
    /// Scans UTF-8 bytes by integer offset: every terminator is ASCII, so every cut is a
    /// character boundary, and Character or index iteration cost more than the rules.
    static func split(_ text: Substring) -> [Substring] {
        let cuts: [(start: Int, end: Int)]? = text.utf8.withContiguousStorageIfAvailable { bytes in
            var cuts: [(start: Int, end: Int)] = []
            let count = bytes.count
            var start = 0
            var index = 0
            cuts.reserveCapacity(8)
            while index < count {
                let byte = bytes[index]
                // Letters and most punctuation sit at 0x40 and above; every byte that can end a sentence below.
                if byte >= 0x40 { index += 1; continue }
                let next = index + 1
                guard next < count else { break }
                let following = bytes[next]
                if byte == 0x0A, following == 0x0A {
                    cuts.append((start, index))
                    start = next
                } else if byte == 0x2E || byte == 0x3F || byte == 0x21,
                          following == 0x20 || following == 0x0A || following == 0x22 || following == 0x29 {
                    let end = following == 0x22 || following == 0x29 ? next + 1 : next
                    if byte != 0x2E || !endsWithAbbreviation(UnsafeBufferPointer(rebasing: bytes[start..<index])) {
                        cuts.append((start, end))
                        start = end
                    }
                }
                index = next
            }
            cuts.append((start, count))
            return cuts
        }
        guard let cuts else { return splitByIndex(text) }
        var sentences: [Substring] = []
        sentences.reserveCapacity(cuts.count)
        let utf8 = text.utf8
        var position = utf8.startIndex
        var offset = 0
        for cut in cuts {
            // ASCII cut points: native UTF-8 indices offset in O(1).
            let start = utf8.index(position, offsetBy: cut.start - offset)
            let end = utf8.index(start, offsetBy: cut.end - cut.start)
            append(text[start..<end], to: &sentences)
            position = end
            offset = cut.end
        }
        return sentences
    }

    /// The same split by string index, for text without contiguous UTF-8 (bridged strings).
    private static func splitByIndex(_ text: Substring) -> [Substring] {
        let utf8 = text.utf8
        var sentences: [Substring] = []
        var start = utf8.startIndex
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let byte = utf8[index]
            let next = utf8.index(after: index)
            guard next < utf8.endIndex else { break }
            let following = utf8[next]
            if byte == 0x0A, following == 0x0A {
                append(text[start..<index], to: &sentences)
                start = next
            } else if byte == 0x2E || byte == 0x3F || byte == 0x21,
                      following == 0x20 || following == 0x0A || following == 0x22 || following == 0x29 {
                let end = following == 0x22 || following == 0x29 ? utf8.index(after: next) : next
                if byte != 0x2E || !endsWithAbbreviation(Array(utf8[start..<index])) {
                    append(text[start..<end], to: &sentences)
                    start = end
                }
            }
            index = next
        }
        append(text[start...], to: &sentences)
        return sentences
    }

    private static func append(_ sentence: Substring, to sentences: inout [Substring]) {
        let trimmed = sentence.trimmingLeadingSpace().trimmingTrailingSpace()
        if !trimmed.isEmpty { sentences.append(trimmed) }
    }

    private static func endsWithAbbreviation(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { endsWithAbbreviation($0) }
    }

    private static func endsWithAbbreviation(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = bytes.count
        while start > 0 {
            let byte = bytes[start - 1]
            if byte == 0x20 || byte == 0x0A || byte == 0x28 { break }
            start -= 1
        }
        let count = bytes.count - start
        guard count > 0, count <= 6 else { return false }
        // Compared as bytes, not as a String built per full stop: every abbreviation is ASCII, so a
        // word with another byte matches none, and a one-byte word is a letter only if ASCII.
        if count == 1 {
            let lower = bytes[start] | 0x20
            return lower >= 0x61 && lower <= 0x7A
        }
        return abbreviationBytes.contains { abbreviation in
            abbreviation.count == count && abbreviation.indices.allSatisfy { k in
                let byte = bytes[start + k]
                return (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) == abbreviation[k]
            }
        }
    }

    private static let abbreviationBytes: [[UInt8]] = abbreviations.map { Array($0.utf8) }
}

extension Substring {
    func trimmingTrailingSpace() -> Substring {
        // Readers normalise text, so a clean ASCII end is the usual case: check the last byte first.
        if let last = utf8.last, last < 0x80, last != 0x20, last != 0x0A, last != 0x09, last != 0x0D { return self }
        var end = endIndex
        while end > startIndex, self[index(before: end)].isWhitespace { end = index(before: end) }
        return self[startIndex..<end]
    }

    func trimmingLeadingSpace() -> Substring {
        // A character is white space by its first scalar: an ASCII first byte that is not
        // space, tab or a line break settles it.
        if let first = utf8.first, first < 0x80, first != 0x20, !(first >= 0x09 && first <= 0x0D) { return self }
        // ASCII white space followed by an ASCII byte is a whole character: drop it by byte, and
        // leave what follows (a combining mark, say) to the character rules.
        var start = utf8.startIndex
        while start < utf8.endIndex {
            let byte = utf8[start]
            guard byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) else { break }
            let next = utf8.index(after: start)
            guard next == utf8.endIndex || utf8[next] < 0x80 else { break }
            start = next
        }
        // An ASCII byte that is not white space starts a character that is not either.
        if start == utf8.endIndex || (utf8[start] < 0x80 && utf8[start] != 0x20 && !(utf8[start] >= 0x09 && utf8[start] <= 0x0D)) {
            return self[start...]
        }
        return self[start...].drop { $0.isWhitespace }
    }
}

/// The lead-in of a stem: its last sentence, the question or task the candidate answers.
///
/// A trailing "(Select TWO.)"/"Choose two." directive is dropped first, so the lead-in of
/// "Which … ? (Select TWO.)" is the question, not the directive. Abbreviations such as
/// "e.g." and decimals do not end a sentence.
enum LeadIn {
    static func of(_ stem: String) -> Substring {
        TextMemo.current.text("lead-in", of: stem, compute: compute)
    }

    /// The stem without trailing space and without a final "(Select TWO.)" directive.
    static func body(of stem: String) -> Substring {
        TextMemo.current.text("body", of: stem) { droppingTrailingDirective(Substring($0).trimmingTrailingSpace()) }
    }

    private static func compute(_ stem: String) -> Substring {
        let text = body(of: stem)
        let sentences = Sentences.split(text)
        return sentences.last ?? text
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

    private static func isDirective(_ text: Substring) -> Bool {
        let words = Words.lowered(text)
        guard let first = words.first, ["select", "choose", "pick", "mark"].contains(first) else { return false }
        return words.count <= 5
    }
}

enum Sentences {
    private static let abbreviations: Set<String> = ["e.g", "i.e", "etc", "vs", "approx", "no", "fig", "mr", "mrs", "dr", "inc", "ltd", "st"]

    /// Sentences of `text`: split after `.`, `?` or `!` followed by white space, and at paragraph breaks.
    /// Scans UTF-8 bytes: every terminator is ASCII, and Character iteration cost more than the rules.
    static func split(_ text: Substring) -> [Substring] {
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
                if byte != 0x2E || !endsWithAbbreviation(text[start..<index]) {
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

    private static func endsWithAbbreviation(_ text: Substring) -> Bool {
        let utf8 = text.utf8
        var start = utf8.endIndex
        while start > utf8.startIndex {
            let previous = utf8.index(before: start)
            let byte = utf8[previous]
            if byte == 0x20 || byte == 0x0A || byte == 0x28 { break }
            start = previous
        }
        let count = utf8.distance(from: start, to: utf8.endIndex)
        guard count > 0, count <= 6 else { return false }
        let word = String(decoding: utf8[start...].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
        return abbreviations.contains(word) || (count == 1 && word.first?.isLetter == true)
    }
}

extension Substring {
    func trimmingTrailingSpace() -> Substring {
        // Readers normalise text, so a clean ASCII end is the usual case: check the last byte first.
        if let last = utf8.last, last < 0x80, last != 0x20, last != 0x0A, last != 0x09, last != 0x0D { return self }
        var end = endIndex
        while end > startIndex, self[index(before: end)].isWhitespace { end = index(before: end) }
        return self[startIndex..<end]
    }

    func trimmingLeadingSpace() -> Substring { drop { $0.isWhitespace } }
}

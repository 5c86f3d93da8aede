/// The lead-in of a stem: its last sentence, the question or task the candidate answers.
///
/// A trailing "(Select TWO.)"/"Choose two." directive is dropped first, so the lead-in of
/// "Which … ? (Select TWO.)" is the question, not the directive. Abbreviations such as
/// "e.g." and decimals do not end a sentence.
enum LeadIn {
    static func of(_ stem: String) -> Substring {
        var text = Substring(stem).trimmingTrailingSpace()
        text = droppingTrailingDirective(text)
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
    static func split(_ text: Substring) -> [Substring] {
        var sentences: [Substring] = []
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if character == "\n", next < text.endIndex, text[next] == "\n" {
                append(text[start..<index], to: &sentences)
                start = next
            } else if character == "." || character == "?" || character == "!",
                      next < text.endIndex, text[next].isWhitespace || text[next] == "\"" || text[next] == ")" {
                var end = next
                if text[next] == "\"" || text[next] == ")" { end = text.index(after: next) }
                if character != "." || !endsWithAbbreviation(text[start..<index]) {
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
        let lastWord = text.reversed().prefix { !$0.isWhitespace && $0 != "(" }.reversed()
        let word = String(lastWord).lowercased()
        return abbreviations.contains(word) || (word.count == 1 && word.first?.isLetter == true)
    }
}

extension Substring {
    func trimmingTrailingSpace() -> Substring {
        var end = endIndex
        while end > startIndex, self[index(before: end)].isWhitespace { end = index(before: end) }
        return self[startIndex..<end]
    }

    func trimmingLeadingSpace() -> Substring { drop { $0.isWhitespace } }
}

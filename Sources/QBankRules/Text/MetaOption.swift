/// Options that talk about other options rather than answer the question: "All of the
/// above", "None of these", "Both A and B", "A and C only". They are excluded from length
/// and order statistics (RULES.md §4: AOTA is often the longest option).
enum MetaOption {
    enum Kind { case allOfTheAbove, noneOfTheAbove, combination }

    static func kind(of text: String) -> Kind? {
        guard mightBeMeta(text) else { return nil }
        return TextMemo.current.metaKind(of: text) { text in
            let words = Words.lowered(text)
            if isAllOfTheAbove(words) { return .allOfTheAbove }
            if isNoneOfTheAbove(words) { return .noneOfTheAbove }
            if isCombination(text) { return .combination }
            return nil
        }
    }

    /// A byte pre-check that rules out most long options without tokenising them: a meta option
    /// is short (a combination is ≤ 40 characters) or says "all", "none", "neither", "option",
    /// "choice" or "answer".
    static func mightBeMeta(_ text: String) -> Bool {
        let bytes = text.utf8
        if bytes.count <= 40 { return true }
        // Only at an "a", "n", "o" or "c" (any case) can one of the words start: one
        // comparison per byte, the rest only there. `| 0x20` folds A–Z and maps no other byte onto a–z.
        let found: Bool? = bytes.withContiguousStorageIfAvailable { bytes in
            let count = bytes.count
            func follows(_ start: Int, _ tail: StaticString) -> Bool {
                let length = tail.utf8CodeUnitCount
                guard start + length < count else { return false }
                let pattern = tail.utf8Start
                for k in 0..<length where bytes[start + 1 + k] | 0x20 != pattern[k] { return false }
                return true
            }
            for index in 0..<count {
                switch bytes[index] | 0x20 {
                case 0x61: if follows(index, "ll") || follows(index, "nswe") { return true }   // all, answe
                case 0x6E: if follows(index, "one") || follows(index, "eit") { return true }   // none, neit
                case 0x6F: if follows(index, "ptio") { return true }                          // optio
                case 0x63: if follows(index, "hoic") { return true }                          // choic
                default: continue
                }
            }
            return false
        }
        return found ?? true
    }

    static let collectiveNouns: Set<String> = ["above", "below", "these", "those", "them", "options", "choices", "answers", "the"]

    /// "all of the above", "all the above", "all of these", "all of them", "all the options".
    static func isAllOfTheAbove(_ words: [String]) -> Bool {
        guard let index = words.firstIndex(of: "all") else { return false }
        var rest = words[(index + 1)...].drop { $0 == "of" }
        if rest.first == "the", rest.count > 1 { rest = rest.dropFirst() }
        guard let noun = rest.first, noun != "the", collectiveNouns.contains(noun) else { return false }
        // "all of these options" still counts; "all of them are encrypted" is a statement.
        return words.count - index <= 7
    }

    /// "none of the above", "none of these", "neither …" at the start.
    static func isNoneOfTheAbove(_ words: [String]) -> Bool {
        if words.first == "neither", words.count <= 6, !words.contains("nor") { return true }
        if words == ["none"] { return true }
        guard let index = words.firstIndex(of: "none"), index + 1 < words.count, words[index + 1] == "of" else { return false }
        var rest = words[(index + 2)...]
        if rest.first == "the", rest.count > 1 { rest = rest.dropFirst() }
        guard let noun = rest.first, noun != "the", collectiveNouns.contains(noun) else { return false }
        return words.count - index <= 6
    }

    /// Whether the option positionally refers to "above"/"below", which shuffling breaks.
    static func isPositional(_ text: String) -> Bool {
        let words = Words.lowered(text)
        return words.contains("above") || words.contains("below")
    }

    /// "A and B", "Both A and C", "A, B and D", "I and III only", "Options A and C", "All except B".
    static func isCombination(_ text: String) -> Bool {
        TextMemo.current.isCombination(text) { text in
            guard mightBeCombination(text) else { return false }
            return isCombination(Words.of(text).map { String($0.text) }, length: text.count)
        }
    }

    /// A byte pre-check: a combination is at most 40 characters or names its labels with
    /// "option(s)", "choice(s)", "answers" or "all except"; longer ASCII texts without
    /// those words are settled without tokenising.
    static func mightBeCombination(_ text: String) -> Bool {
        if text.utf8.count <= 40 { return true }
        return text.withUTF8Bytes { bytes in
            var window: UInt64 = 0
            for byte in bytes {
                // Non-ASCII, or "\r\n" (one character of two bytes): the byte count is not the length.
                if byte >= 0x80 || byte == 0x0D { return true }
                let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                window = (window << 8) | UInt64(lower)
                if window & 0xFFFFFFFFFF == 0x6F7074696F { return true }    // "optio"
                if window & 0xFFFFFFFFFF == 0x63686F6963 { return true }    // "choic"
                if window & 0xFFFFFFFFFF == 0x616E737765 { return true }    // "answe"
                if window & 0xFFFFFFFFFF == 0x6578636570 { return true }    // "excep"
            }
            return false
        }
    }

    static func isCombination(_ words: [String], length: Int) -> Bool {
        guard !words.isEmpty, words.contains(where: { $0.count <= 4 }) else { return false }
        let lower = words.map { $0.lowercased() }
        // "option(s)/choice(s)/answer(s) X" anywhere, "all except X"
        for index in lower.indices.dropLast() {
            let next = words[index + 1]
            if ["option", "options", "choice", "choices", "answers"].contains(lower[index]), isLabel(next) { return true }
            if lower[index] == "except", index > 0, lower[index - 1] == "all", isLabel(next) { return true }
        }
        // The whole option is labels joined by "and", "or", "&" and commas, optionally "both …" / "… only".
        var body = Array(words)
        if lower.first == "both" || lower.first == "either" { body.removeFirst() }
        if body.last?.lowercased() == "only" { body.removeLast() }
        guard body.count >= 3 else { return false }
        var labels = 0
        for word in body {
            if isLabel(word) { labels += 1 } else if !["and", "or"].contains(word.lowercased()) { return false }
        }
        return labels >= 2 && length <= 40
    }

    /// A, B, … H and the roman numerals I–VIII.
    static func isLabel(_ word: String) -> Bool {
        if word.count == 1, let letter = word.first, ("A"..."H").contains(letter) { return true }
        return ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"].contains(word)
    }
}

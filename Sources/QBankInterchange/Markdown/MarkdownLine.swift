/// What one line of a Markdown or text2qti practice bank is.
enum MarkdownLine: Equatable {
    /// `### stem` or `1. stem` (text2qti: `1.  stem`).
    case question(String, heading: Bool)
    /// `- [x] text`, `- A. text`, `*c) text`, `[*] text`: the option and, when the
    /// line itself says so, whether it is correct.
    case option(String, correct: Bool?)
    /// `Correct answer: B, E`, `Answer: Ac`, `**Answer:** b`.
    case key(String)
    /// text2qti feedback (`... text`, `+ text`, `- text` before options).
    case feedback
    /// `<details>`, `</details>`, `<summary>…`: structure, no content.
    case markup
    /// text2qti answers of types qbank has not: `=   5` numerical, `*   Santa`
    /// short answer, `____` essay, `^^^^` file upload.
    case unsupportedAnswer(String)
    case blank
    case text(String, indented: Bool)

    static func classify(_ raw: String) -> MarkdownLine {
        let line = raw.trimmingCharacters(in: .whitespaces)
        if line.isEmpty { return .blank }
        let indented = raw.first == " " || raw.first == "\t"
        let lower = line.lowercased()
        if line.hasPrefix("```") { return .markup }
        if line.hasPrefix("___") && line.allSatisfy({ $0 == "_" }) { return .unsupportedAnswer("essay") }
        if line.hasPrefix("^^^") && line.allSatisfy({ $0 == "^" }) { return .unsupportedAnswer("file-upload") }
        if line.hasPrefix("=") && line.dropFirst().first?.isWhitespace == true { return .unsupportedAnswer("numerical") }
        if lower.hasPrefix("<details") || lower.hasPrefix("</details") || lower.hasPrefix("<summary") || lower.hasPrefix("</summary")
            || lower == "<br>" || lower == "<br/>" || lower.hasPrefix("<div") || lower.hasPrefix("</div") || lower == "---" {
            // "<summary>Answer</summary>Correct answer: B" on one line
            if let range = lower.range(of: "correct answer") ?? lower.range(of: "answer:") , lower.hasPrefix("<summary") || lower.hasPrefix("<details") {
                let rest = line[range.lowerBound...]
                if let colon = rest.firstIndex(of: ":") { return .key(stripTags(String(rest[rest.index(after: colon)...]))) }
            }
            return .markup
        }
        let plain = line.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "__", with: "")
        for prefix in ["correct answers:", "correct answer:", "correct answer is", "correct:", "answers:", "answer:", "answer key:", "key:"] {
            if plain.lowercased().hasPrefix(prefix) { return .key(stripTags(String(plain.dropFirst(prefix.count)))) }
        }
        if line.hasPrefix("#") {
            let text = line.drop { $0 == "#" }
            if text.first == " " { return .question(text.trimmingCharacters(in: .whitespaces), heading: true) }
        }
        if line.hasPrefix("...") { return .feedback }
        // Checkbox options: `- [x] text`, `* [ ] text`.
        for bullet in ["- [", "* [", "+ ["] where line.hasPrefix(bullet) {
            let rest = line.dropFirst(bullet.count)
            if let close = rest.firstIndex(of: "]"), rest.distance(from: rest.startIndex, to: close) <= 1 {
                let mark = rest[..<close]
                return .option(String(rest[rest.index(after: close)...]).trimmingCharacters(in: .whitespaces), correct: mark == "x" || mark == "X" || mark == "*")
            }
        }
        // text2qti multiple answers: `[*] text`, `[ ] text`, `[] text`.
        if line.hasPrefix("[*]") { return .option(String(line.dropFirst(3)).trimmingCharacters(in: .whitespaces), correct: true) }
        if line.hasPrefix("[ ]") { return .option(String(line.dropFirst(3)).trimmingCharacters(in: .whitespaces), correct: false) }
        if line.hasPrefix("[]") { return .option(String(line.dropFirst(2)).trimmingCharacters(in: .whitespaces), correct: false) }
        // Lettered bullets: `- A. text`, `- a) text`, `* B) text`.
        if let first = line.first, "-*+".contains(first), line.dropFirst().first?.isWhitespace == true {
            let rest = line.dropFirst().drop { $0 == " " }
            if let letter = lettered(rest) { return .option(letter, correct: nil) }
            if !indented, first == "-" || first == "+" { return .feedback }
        }
        // text2qti choices: `a) text`, `*c) text`.
        if line.hasPrefix("*"), let text = lettered(line.dropFirst(), parenthesisOnly: true) { return .option(text, correct: true) }
        if let text = lettered(Substring(line), parenthesisOnly: true) { return .option(text, correct: false) }
        if line.hasPrefix("*"), line.dropFirst().first?.isWhitespace == true, !indented { return .unsupportedAnswer("short-answer") }
        // Numbered question: `1. text`, `12) text`.
        let digits = line.prefix { $0.isNumber }
        if !digits.isEmpty, digits.count <= 4 {
            let rest = line.dropFirst(digits.count)
            if let mark = rest.first, mark == "." || mark == ")", rest.dropFirst().first == " " || rest.dropFirst().first == "\t" {
                return .question(rest.dropFirst().trimmingCharacters(in: .whitespaces), heading: false)
            }
        }
        return .text(line, indented: indented)
    }

    /// `A. text` / `a) text` → text.
    private static func lettered(_ text: Substring, parenthesisOnly: Bool = false) -> String? {
        guard let letter = text.first, letter.isASCII, letter.isLetter, text.count >= 3 else { return nil }
        let mark = text[text.index(after: text.startIndex)]
        guard mark == ")" || (!parenthesisOnly && mark == ".") else { return nil }
        let after = text.dropFirst(2)
        guard let space = after.first, space == " " || space == "\t" else { return nil }
        return after.trimmingCharacters(in: .whitespaces)
    }

    static func stripTags(_ text: String) -> String {
        var out = ""
        var inTag = false
        for c in text {
            if c == "<" { inTag = true } else if c == ">" { inTag = false } else if !inTag { out.append(c) }
        }
        return out.trimmingCharacters(in: .whitespaces)
    }
}

import Foundation

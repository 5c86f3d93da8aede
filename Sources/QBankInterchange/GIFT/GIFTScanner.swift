/// Splits GIFT text into questions: `//` comment lines dropped, `$CATEGORY:` lines
/// noted, a blank line outside `{…}` ends a question (FORMATS.md §7).
struct GIFTScanner {
    struct Question {
        var text: String
        var line: Int
        var category: String?
    }

    enum Piece {
        case question(Question)
        case category(String, line: Int)
    }

    static func pieces(_ text: String) -> [Piece] {
        var pieces: [Piece] = []
        var current = ""
        var start = 0
        var depth = 0
        var category: String?
        func flush() {
            let trimmed = current.trimmingCharacters(in: .whitespacesAndNewlines)
            if !trimmed.isEmpty { pieces.append(.question(Question(text: current, line: start, category: category))) }
            current = ""
        }
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.hasSuffix("\r") ? String(rawLine.dropLast()) : String(rawLine)
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("//") { continue }
            if depth == 0, trimmed.hasPrefix("$CATEGORY:") {
                flush()
                category = trimmed.dropFirst("$CATEGORY:".count).trimmingCharacters(in: .whitespaces)
                pieces.append(.category(category ?? "", line: index + 1))
                continue
            }
            if trimmed.isEmpty && depth == 0 { flush(); continue }
            if current.isEmpty { start = index + 1 }
            current += line + "\n"
            var escaped = false
            for character in line {
                if escaped { escaped = false; continue }
                if character == "\\" { escaped = true; continue }
                if character == "{" { depth += 1 }
                if character == "}" { depth = max(0, depth - 1) }
            }
        }
        flush()
        return pieces
    }

    /// `\~ \= \# \{ \} \: \n \\` as the characters they stand for.
    static func unescape(_ text: String) -> String {
        var out = ""
        var escaped = false
        for character in text {
            if escaped {
                out += character == "n" ? "\n" : String(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                out.append(character)
            }
        }
        if escaped { out += "\\" }
        return out
    }

    /// Index of the first unescaped `character` in `text`, if any.
    static func unescaped(_ character: Character, in text: Substring) -> String.Index? {
        var escaped = false
        var index = text.startIndex
        while index < text.endIndex {
            let c = text[index]
            if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == character { return index }
            index = text.index(after: index)
        }
        return nil
    }

    /// Splits at unescaped separators that start a token (`=`/`~` in answers).
    static func split(_ text: Substring, at separators: Set<Character>) -> [(marker: Character, body: String)] {
        var parts: [(Character, String)] = []
        var escaped = false
        var current = ""
        var marker: Character?
        for character in text {
            if escaped { current.append(character); escaped = false; continue }
            if character == "\\" { current.append(character); escaped = true; continue }
            if separators.contains(character) {
                if let marker { parts.append((marker, current)) }
                marker = character
                current = ""
                continue
            }
            current.append(character)
        }
        if let marker { parts.append((marker, current)) }
        return parts
    }
}

import Foundation

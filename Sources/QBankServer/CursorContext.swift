import Foundation
import QBankLSP

/// What the text under the cursor is, read from the text itself (so it works while
/// the file is half-typed and does not parse): which attribute or key it is the value
/// of, and the word there.
struct CursorContext {
    enum Slot: Equatable {
        case domain, task, enemy, matchResponse, itemID, rule, other
    }

    var slot: Slot
    /// The id-like word around the cursor (may be empty).
    var word: String
    /// Where the word is, for completion edits.
    var range: Range
    /// True when the word is inside quotes already (completion then inserts it bare).
    var isQuoted: Bool

    static func isWordUnit(_ unit: UInt16) -> Bool {
        guard unit < 0x80 else { return false }
        let scalar = UInt8(unit)
        return (scalar >= 0x30 && scalar <= 0x39) || (scalar >= 0x41 && scalar <= 0x5A) || (scalar >= 0x61 && scalar <= 0x7A)
            || scalar == UInt8(ascii: "-") || scalar == UInt8(ascii: "_") || scalar == UInt8(ascii: ".")
    }

    static func at(_ position: Position, in document: TextDocument, isJSON: Bool) -> CursorContext {
        let line = document.line(position.line)
        let cursor = min(position.character, line.count)
        var start = cursor, end = cursor
        while start > 0, isWordUnit(line[start - 1]) { start -= 1 }
        while end < line.count, isWordUnit(line[end]) { end += 1 }
        let word = String(decoding: line[start..<end], as: UTF16.self)
        let before = String(decoding: line[..<start], as: UTF16.self)
        let quote = start > 0 && (line[start - 1] == UInt16(UInt8(ascii: "\"")) || line[start - 1] == UInt16(UInt8(ascii: "'")))
        let range = Range(start: Position(line: position.line, character: start), end: Position(line: position.line, character: end))
        let slot = isJSON ? jsonSlot(before: before, document: document, offset: document.offset(of: range.start) - (quote ? 1 : 0))
                          : xmlSlot(before: before)
        return CursorContext(slot: slot, word: word, range: range, isQuoted: quote)
    }

    /// XML: an attribute value (`<enemy ref="…`) or a suppression comment.
    private static func xmlSlot(before: String) -> Slot {
        if let comment = before.range(of: "<!--", options: .backwards), !before[comment.upperBound...].contains("-->"),
           before[comment.upperBound...].contains("qbank-disable") {
            return .rule
        }
        guard before.hasSuffix("\"") || before.hasSuffix("'") else { return .other }
        let head = before.dropLast()
        guard head.hasSuffix("=") else { return .other }
        let attribute = String(head.dropLast().reversed().prefix { isWordUnit(($0.utf16.first ?? 0)) }.reversed())
        guard let open = head.range(of: "<", options: .backwards) else { return .other }
        let element = String(head[open.upperBound...].prefix { $0.utf16.allSatisfy(isWordUnit) })
        switch (element, attribute) {
        case ("item", "domain"): return .domain
        case ("item", "task"): return .task
        case ("item", "id"), ("case", "id"): return .itemID
        case ("enemy", "ref"): return .enemy
        case ("prompt", "response"): return .matchResponse
        default: return .other
        }
    }

    /// JSON: the value of a key on this line (`"task": "…`), or an element of an array
    /// (`"enemies": [ … `), found by walking back to the array's opening bracket.
    private static func jsonSlot(before: String, document: TextDocument, offset: Int) -> Slot {
        var text = Substring(before)
        if text.hasSuffix("\"") { text = text.dropLast() }
        text = Substring(String(text.reversed().drop(while: \.isWhitespace).reversed()))
        if text.hasSuffix(":") {
            switch key(endingAt: text.dropLast()) {
            case "domain": return .domain
            case "task": return .task
            case "id": return .itemID
            case "response": return .matchResponse
            default: return .other
            }
        }
        guard let bracket = openingBracket(before: offset, in: document.units) else { return .other }
        let head = String(decoding: document.units[..<bracket], as: UTF16.self)
        let trimmed = head.reversed().drop(while: \.isWhitespace)
        guard trimmed.first == ":" else { return .other }
        switch key(endingAt: Substring(String(trimmed.dropFirst().reversed()))) {
        case "enemies": return .enemy
        case "disable": return .rule
        default: return .other
        }
    }

    /// The key of `"key"` at the end of `text` (white space after it allowed).
    private static func key(endingAt text: Substring) -> String? {
        let trimmed = text.reversed().drop(while: \.isWhitespace)
        guard trimmed.first == "\"" else { return nil }
        let name = trimmed.dropFirst().prefix { $0 != "\"" }
        return String(name.reversed())
    }

    /// The `[` of the array that contains `offset`, or nil when an object (`{`) is nearer.
    private static func openingBracket(before offset: Int, in units: [UInt16]) -> Int? {
        var depth = 0, inString = false, index = min(offset, units.count)
        let limit = max(0, index - 20_000)
        while index > limit {
            index -= 1
            let unit = units[index]
            if unit == UInt16(UInt8(ascii: "\"")), index == 0 || units[index - 1] != UInt16(UInt8(ascii: "\\")) {
                inString.toggle()
                continue
            }
            if inString { continue }
            switch unit {
            case UInt16(UInt8(ascii: "]")), UInt16(UInt8(ascii: "}")): depth += 1
            case UInt16(UInt8(ascii: "[")):
                if depth == 0 { return index }
                depth -= 1
            case UInt16(UInt8(ascii: "{")):
                if depth == 0 { return nil }
                depth -= 1
            default: continue
            }
        }
        return nil
    }
}

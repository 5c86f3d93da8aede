import Foundation
import QBankJSON

/// A zero-based LSP position; `character` counts UTF-16 code units (the LSP default,
/// and what `SourceLocation` columns count, one-based).
public struct Position: Hashable, Comparable, Sendable {
    public var line: Int
    public var character: Int

    public init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }

    public init?(_ json: JSONValue?) {
        guard let line = json?["line"]?.integerValue, let character = json?["character"]?.integerValue,
              line >= 0, character >= 0 else { return nil }
        self.init(line: line, character: character)
    }

    public var json: JSONValue { .object(["line": .int(line), "character": .int(character)]) }

    public static func < (lhs: Position, rhs: Position) -> Bool { (lhs.line, lhs.character) < (rhs.line, rhs.character) }
}

public struct Range: Hashable, Sendable {
    public var start: Position
    public var end: Position

    public init(start: Position, end: Position) {
        self.start = start
        self.end = end
    }

    public init?(_ json: JSONValue?) {
        guard let start = Position(json?["start"]), let end = Position(json?["end"]), start <= end else { return nil }
        self.init(start: start, end: end)
    }

    public var json: JSONValue { .object(["start": start.json, "end": end.json]) }

    public func contains(_ position: Position) -> Bool { start <= position && position <= end }
    public func overlaps(_ other: Range) -> Bool { start <= other.end && other.start <= end }
}

/// An open document's text, kept as UTF-16 so LSP positions index it directly.
public struct TextDocument: Sendable {
    public var uri: String
    public var version: Int
    public private(set) var units: [UInt16]
    /// Offsets in `units` where each line starts.
    public private(set) var lineStarts: [Int]

    public init(uri: String, version: Int, text: String) {
        self.uri = uri
        self.version = version
        self.units = Array(text.utf16)
        self.lineStarts = Self.lineStarts(of: units)
    }

    public var text: String { String(decoding: utf8, as: UTF8.self) }

    /// The text as UTF-8 (what the bank readers take), converted in one pass: going through
    /// `String(decoding:as: UTF16.self)` costs several times more on a large file, per keystroke.
    /// A lone surrogate becomes U+FFFD, as `String` would make it.
    public var utf8: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(units.count + units.count / 8)
        var index = 0
        while index < units.count {
            var scalar = UInt32(units[index])
            if scalar >= 0xD800 && scalar < 0xE000 {
                if scalar < 0xDC00, index + 1 < units.count, units[index + 1] >= 0xDC00, units[index + 1] < 0xE000 {
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (UInt32(units[index + 1]) - 0xDC00)
                    index += 1
                } else {
                    scalar = 0xFFFD
                }
            }
            switch scalar {
            case ..<0x80: bytes.append(UInt8(scalar))
            case ..<0x800:
                bytes.append(UInt8(0xC0 | scalar >> 6)); bytes.append(UInt8(0x80 | scalar & 0x3F))
            case ..<0x10000:
                bytes.append(UInt8(0xE0 | scalar >> 12)); bytes.append(UInt8(0x80 | scalar >> 6 & 0x3F)); bytes.append(UInt8(0x80 | scalar & 0x3F))
            default:
                bytes.append(UInt8(0xF0 | scalar >> 18)); bytes.append(UInt8(0x80 | scalar >> 12 & 0x3F))
                bytes.append(UInt8(0x80 | scalar >> 6 & 0x3F)); bytes.append(UInt8(0x80 | scalar & 0x3F))
            }
            index += 1
        }
        return bytes
    }

    /// The offset of a position; positions past a line's end clamp to it, as LSP says.
    public func offset(of position: Position) -> Int {
        guard position.line < lineStarts.count else { return units.count }
        let start = lineStarts[position.line]
        let end = position.line + 1 < lineStarts.count ? lineStarts[position.line + 1] - 1 : units.count
        return min(start + position.character, max(start, end))
    }

    public func position(of offset: Int) -> Position {
        let clamped = max(0, min(offset, units.count))
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= clamped { low = middle } else { high = middle - 1 }
        }
        return Position(line: low, character: clamped - lineStarts[low])
    }

    /// The position of a byte offset into `utf8` (how fixes address the file they were computed on).
    public func position(ofUTF8Offset target: Int) -> Position {
        var bytes = 0, index = 0
        while index < units.count, bytes < target {
            let unit = units[index]
            if unit >= 0xD800, unit < 0xDC00, index + 1 < units.count, units[index + 1] >= 0xDC00, units[index + 1] < 0xE000 {
                bytes += 4
                index += 2
            } else {
                bytes += unit < 0x80 ? 1 : unit < 0x800 ? 2 : 3
                index += 1
            }
        }
        return position(of: index)
    }

    /// The text of one line, without its line break.
    public func line(_ index: Int) -> [UInt16] {
        guard index >= 0, index < lineStarts.count else { return [] }
        var end = index + 1 < lineStarts.count ? lineStarts[index + 1] - 1 : units.count
        if end > lineStarts[index], units[end - 1] == 0x0D { end -= 1 }
        return Array(units[lineStarts[index]..<end])
    }

    /// Applies one `contentChanges` entry: with a `range`, an incremental edit; without, the whole text.
    public mutating func apply(_ change: JSONValue) throws(RPCError) {
        guard let newText = change["text"]?.stringValue else { throw .invalidParams("a content change needs a 'text' string") }
        guard let rangeValue = change["range"] else {
            units = Array(newText.utf16)
            lineStarts = Self.lineStarts(of: units)
            return
        }
        guard let range = Range(rangeValue) else { throw .invalidParams("a content change's 'range' is not a valid range") }
        let start = offset(of: range.start), end = max(start, offset(of: range.end))
        units.replaceSubrange(start..<end, with: Array(newText.utf16))
        lineStarts = Self.lineStarts(of: units)
    }

    static func lineStarts(of units: [UInt16]) -> [Int] {
        var starts = [0]
        for (index, unit) in units.enumerated() where unit == 0x0A { starts.append(index + 1) }
        return starts
    }
}

/// `file://` URIs and paths.
public enum DocumentURI {
    public static func path(of uri: String) -> String? {
        guard let url = URL(string: uri), url.isFileURL else { return nil }
        return url.standardizedFileURL.path
    }

    public static func uri(of path: String) -> String { URL(fileURLWithPath: path).absoluteString }
}

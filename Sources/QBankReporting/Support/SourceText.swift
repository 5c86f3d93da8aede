/// Source lines and the caret under a UTF-16 column.
enum SourceText {
    /// Tab stops every 4 display columns, in both the echoed line and the caret line.
    static let tabWidth = 4

    /// Splits on `\n`, `\r\n` and lone `\r`, as XML parsers count lines. (Splitting a
    /// `String` on the `Character` "\n" would miss `\r\n`, which is one Character.)
    static func lines(of text: String) -> [Substring] {
        // Bytes, not scalars: both breaks are ASCII, so every byte offset found is a
        // character boundary, and native UTF-8 indices offset in O(1).
        var text = text
        text.makeContiguousUTF8()
        let utf8 = text.utf8
        var breaks: [(start: Int, end: Int)] = []
        utf8.withContiguousStorageIfAvailable { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x0A || byte == 0x0D {
                    let next = byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A ? index + 2 : index + 1
                    breaks.append((index, next))
                    index = next
                } else {
                    index += 1
                }
            }
        }
        var lines: [Substring] = []
        lines.reserveCapacity(breaks.count + 1)
        var start = utf8.startIndex
        var offset = 0
        for line in breaks {
            let end = utf8.index(start, offsetBy: line.start - offset)
            lines.append(text[start..<end])
            start = utf8.index(end, offsetBy: line.end - line.start)
            offset = line.end
        }
        lines.append(text[start...])
        return lines
    }

    /// The line as displayed (tabs expanded, control characters made visible, zero-width
    /// format characters such as a BOM dropped) and the display offset of `utf16Column`.
    ///
    /// A column inside a character (a surrogate pair, a combining sequence) points at
    /// that character; a column past the end points just after the last character.
    static func caretLayout(line: Substring, utf16Column: Int) -> (text: String, caretOffset: Int) {
        let target = max(0, utf16Column - 1)
        var text = ""
        var display = 0
        var consumed = 0
        var caret: Int?
        for character in line {
            let units = character.utf16.count
            if caret == nil, consumed + units > target { caret = display }
            consumed += units
            if character == "\t" {
                let width = tabWidth - display % tabWidth
                text += String(repeating: " ", count: width)
                display += width
            } else if character.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .format }) {
                continue
            } else if character.unicodeScalars.first.map({ $0.value < 0x20 || $0.value == 0x7F }) == true {
                text += "\u{FFFD}"
                display += 1
            } else {
                text.append(character)
                display += displayWidth(character)
            }
        }
        return (text, caret ?? display)
    }

    /// Terminal cells a character takes: 2 for East Asian wide/fullwidth and emoji
    /// presentation, else 1. An approximation of `wcwidth`, good enough for a caret.
    static func displayWidth(_ character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 1 }
        if character.unicodeScalars.contains(where: { $0.properties.isEmojiPresentation }) { return 2 }
        switch first.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }
}

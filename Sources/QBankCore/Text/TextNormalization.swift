/// The one normalisation both readers apply to every text field, so that XML's
/// indentation and JSON's literal strings give the same model.
///
/// Prose keeps today's rule: paragraphs are separated by blank lines and kept as `"\n\n"`;
/// inside a paragraph every run of white space becomes one space; leading and trailing
/// space is dropped. Markdown blocks keep what gives them meaning (see `Schemas/README.md`):
/// a fenced code block keeps every line exactly, less the fence's own indentation (as
/// CommonMark reads it), so code indented inside an XML element reads the same as in JSON;
/// list items and table rows keep their line breaks and relative indentation.
public enum TextNormalization {
    public static func normalize(_ raw: String) -> String {
        if isAlreadyNormal(raw) { return raw }
        var blocks: [String] = []
        var prose: [Substring] = []
        var structured: [Substring] = []
        var fence: (marker: Substring, indent: Int, lines: [String])?

        func flush() {
            if !prose.isEmpty { blocks.append(prose.joined(separator: " ")); prose = [] }
            if !structured.isEmpty { blocks.append(keepingLines(structured)); structured = [] }
        }
        for line in raw.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            let indent = line.prefix(while: { $0 == " " || $0 == "\t" }).count
            let trimmed = line.dropFirst(indent)
            if var open = fence {
                if isClosingFence(trimmed, for: open.marker) {
                    open.lines.append(String(open.marker))
                    blocks.append(open.lines.joined(separator: "\n"))
                    fence = nil
                } else {
                    open.lines.append(String(line.dropFirst(min(open.indent, indent))))
                    fence = open
                }
                continue
            }
            if let marker = openingFence(trimmed) {
                flush()
                let info = trimmed.dropFirst(marker.count).split(whereSeparator: \.isWhitespace).joined(separator: " ")
                fence = (marker, indent, [marker + info])
            } else if trimmed.allSatisfy(\.isWhitespace) {
                flush()
            } else if startsStructuredLine(trimmed, interruptingProse: !prose.isEmpty) {
                if !prose.isEmpty { blocks.append(prose.joined(separator: " ")); prose = [] }
                structured.append(line)
            } else if !structured.isEmpty {
                structured.append(line)
            } else {
                prose.append(contentsOf: line.split(whereSeparator: \.isWhitespace))
            }
        }
        flush()
        // An unclosed fence runs to the end of the text, as in CommonMark; closing it keeps that meaning.
        if let open = fence { blocks.append((open.lines + [String(open.marker)]).joined(separator: "\n")) }
        return blocks.joined(separator: "\n\n")
    }

    /// Three or more backticks or tildes open a fenced code block (backtick fences take no backtick after them).
    private static func openingFence(_ line: Substring) -> Substring? {
        guard let first = line.first, first == "`" || first == "~" else { return nil }
        let marker = line.prefix(while: { $0 == first })
        guard marker.count >= 3 else { return nil }
        if first == "`", line.dropFirst(marker.count).contains("`") { return nil }
        return marker
    }

    private static func isClosingFence(_ line: Substring, for marker: Substring) -> Bool {
        let run = line.prefix(while: { $0 == marker.first })
        return run.count >= marker.count && line.dropFirst(run.count).allSatisfy(\.isWhitespace)
    }

    /// A list item (`-`, `*`, `+`, or `1.`/`1)`) or a table row (`|`). As in CommonMark, only
    /// an ordered list starting at 1 interrupts a paragraph.
    private static func startsStructuredLine(_ line: Substring, interruptingProse: Bool) -> Bool {
        guard let first = line.first else { return false }
        if first == "|" { return true }
        let rest = line.dropFirst()
        if first == "-" || first == "*" || first == "+" { return rest.isEmpty || rest.first == " " || rest.first == "\t" }
        let digits = line.prefix(while: \.isASCII).prefix(while: \.isNumber)
        guard !digits.isEmpty, digits.count <= 9 else { return false }
        let after = line.dropFirst(digits.count)
        guard after.first == "." || after.first == ")" else { return false }
        let tail = after.dropFirst()
        guard tail.isEmpty || tail.first == " " || tail.first == "\t" else { return false }
        return !interruptingProse || Int(digits) == 1
    }

    /// List and table lines: the block's common indentation removed, relative indentation
    /// kept (it nests lists), every other run of white space one space.
    private static func keepingLines(_ lines: [Substring]) -> String {
        let indents = lines.map { $0.prefix(while: { $0 == " " || $0 == "\t" }).count }
        let common = indents.min() ?? 0
        return zip(lines, indents).map { line, indent in
            String(repeating: " ", count: indent - common) + line.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }.joined(separator: "\n")
    }

    /// A byte-level check that covers almost every field: one line, no tab, no double
    /// space, no space at either end. String searches here cost more than the rest of
    /// reading a bank, so this avoids them, and reads eight bytes at a time.
    static func isAlreadyNormal(_ text: String) -> Bool {
        let verdict: (clean: Bool, asciiEnds: Bool)? = text.utf8.withContiguousStorageIfAvailable { bytes in
            guard let first = bytes.first, let last = bytes.last else { return (true, true) }
            if isASCIISpace(first) || isASCIISpace(last) { return (false, true) }
            return (hasNoBreakTabOrDoubleSpace(bytes), first < 0x80 && last < 0x80)
        }
        guard let verdict, verdict.clean else { return false }
        if verdict.asciiEnds { return true }
        // Non-ASCII white space at the ends (e.g. U+00A0) is judged on the Character.
        return text.first?.isWhitespace != true && text.last?.isWhitespace != true
    }

    /// No byte 0x09–0x0D and no two spaces in a row. Words whose bytes are all 0x20 or above
    /// are judged with a few word operations (spaces found exactly, then paired with their neighbours).
    private static func hasNoBreakTabOrDoubleSpace(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        var index = 0
        var previousWasSpace = false
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= bytes.count {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                // Some byte below 0x20: judge this word byte by byte.
                if (word &- ones &* 0x20) & ~word & high != 0 { break }
                let notSpace = word ^ (ones &* 0x20)
                let spaces = ~(((notSpace & ~high) &+ ~high) | notSpace | ~high)  // high bit exactly where a byte is 0x20
                if spaces & (spaces >> 8) != 0 || (previousWasSpace && spaces & 0x80 != 0) { return false }
                previousWasSpace = spaces >> 63 != 0
                index += 8
            }
        }
        var previous: UInt8 = previousWasSpace ? 0x20 : 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0x0B || byte == 0x0C || (byte == 0x20 && previous == 0x20) { return false }
            previous = byte
            index += 1
        }
        return true
    }

    private static func isASCIISpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns byte offsets into 1-based lines and UTF-16 columns.
///
/// libxml2 keeps only line numbers (and only up to 65535 in element nodes), so the
/// reader records each start tag's byte offset and converts here, from the bytes
/// themselves: the column counts UTF-16 code units from the start of the line,
/// which is what SARIF, GitHub annotations and LSP expect.
///
/// The model is built in document order, so offsets mostly grow: the table keeps a
/// cursor and counts newlines from it (forward with `memchr`), instead of indexing
/// every line of a large file up front.
final class LineTable {
    /// The file's bytes (shared, not copied), also read for suppression comments.
    let bytes: [UInt8]
    private let bomLength: Int
    // Cursor: a line number and the offset where that line starts.
    private var line = 1
    private var lineStart = 0
    // The last position asked for, so a later offset on the same line counts on from it.
    private var columnLine = 0
    private var columnOffset = 0
    private var column = 1

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        bomLength = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    /// Line and UTF-16 column of a byte offset (clamped to the file).
    func position(ofOffset rawOffset: Int) -> (line: Int, column: Int) {
        let offset = min(max(rawOffset, 0), bytes.count)
        return bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return (1, 1) }
            // Backwards (a parent asked for after its child): step back line by line.
            while offset < lineStart {
                lineStart = Self.lineStart(before: lineStart - 1, in: buffer)
                line -= 1
            }
            // Move the cursor to the line that holds `offset`.
            while lineStart < offset {
                guard let found = memchr(base + lineStart, 0x0A, offset - lineStart) else { break }
                lineStart = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base + 1
                line += 1
            }
            let start = line == 1 ? min(bomLength, offset) : lineStart
            var from = start
            var counted = 1
            if columnLine == line, columnOffset >= start, columnOffset <= offset { (from, counted) = (columnOffset, column) }
            counted += Self.utf16Units(in: buffer, from: from, to: offset)
            (columnLine, columnOffset, column) = (line, offset, counted)
            return (line, counted)
        }
    }

    /// Where the line ending at the newline at `newline` starts: just after the newline before it, or 0.
    /// Steps back eight bytes at a time while none of them is a newline.
    private static func lineStart(before newline: Int, in buffer: UnsafeBufferPointer<UInt8>) -> Int {
        let raw = UnsafeRawPointer(buffer.baseAddress!)
        let newlines: UInt64 = 0x0A0A_0A0A_0A0A_0A0A
        var index = newline - 1
        while index >= 0 {
            if index >= 7 {
                let word = raw.loadUnaligned(fromByteOffset: index - 7, as: UInt64.self) ^ newlines
                if (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 == 0 { index -= 8; continue }
            }
            if buffer[index] == 0x0A { return index + 1 }
            index -= 1
        }
        return 0
    }

    /// UTF-16 code units in the bytes `from..<end`: one per UTF-8 lead byte, two for a 4-byte sequence.
    /// Eight ASCII bytes at a time count eight.
    private static func utf16Units(in buffer: UnsafeBufferPointer<UInt8>, from: Int, to end: Int) -> Int {
        let raw = UnsafeRawPointer(buffer.baseAddress!)
        var units = 0
        var index = from
        while index < end {
            if index + 8 <= end, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                units += 8
                index += 8
                continue
            }
            let byte = buffer[index]
            if byte & 0xC0 != 0x80 { units += byte >= 0xF0 ? 2 : 1 }
            index += 1
        }
        return units
    }
}

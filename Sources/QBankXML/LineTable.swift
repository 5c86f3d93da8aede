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
                var index = lineStart - 2  // skip the newline that ends the previous line
                while index >= 0 && buffer[index] != 0x0A { index -= 1 }
                lineStart = index + 1
                line -= 1
            }
            // Move the cursor to the line that holds `offset`.
            while lineStart < offset {
                guard let found = memchr(base + lineStart, 0x0A, offset - lineStart) else { break }
                lineStart = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base + 1
                line += 1
            }
            let start = line == 1 ? min(bomLength, offset) : lineStart
            var column = 1
            var index = start
            while index < offset {
                let byte = buffer[index]
                if byte & 0xC0 != 0x80 { column += byte >= 0xF0 ? 2 : 1 }
                index += 1
            }
            return (line, column)
        }
    }
}

/// Turns byte offsets into 1-based lines and UTF-16 columns.
///
/// libxml2 keeps only line numbers (and only up to 65535 in element nodes), so the
/// reader records each start tag's byte offset and converts here, from the bytes
/// themselves: the column counts UTF-16 code units from the start of the line,
/// which is what SARIF, GitHub annotations and LSP expect.
struct LineTable {
    private let bytes: [UInt8]
    /// Byte offset where each line starts; `lineStarts[0] == 0`.
    private let lineStarts: [Int]
    private let bomLength: Int

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        starts.reserveCapacity(bytes.count / 32 + 1)
        bytes.withUnsafeBufferPointer { buffer in
            for index in buffer.indices where buffer[index] == 0x0A {
                starts.append(index + 1)
            }
        }
        lineStarts = starts
        bomLength = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    /// Line and UTF-16 column of a byte offset (clamped to the file).
    func position(ofOffset rawOffset: Int) -> (line: Int, column: Int) {
        let offset = min(max(rawOffset, 0), bytes.count)
        // Last line start <= offset.
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        let start = low == 0 ? min(bomLength, offset) : lineStarts[low]
        var column = 1
        bytes.withUnsafeBufferPointer { buffer in
            var index = start
            while index < offset {
                let byte = buffer[index]
                if byte & 0xC0 != 0x80 { column += byte >= 0xF0 ? 2 : 1 }
                index += 1
            }
        }
        return (low + 1, column)
    }

    /// Start of a line as a position, for findings libxml2 places only by line.
    func lineCount() -> Int { lineStarts.count }
}

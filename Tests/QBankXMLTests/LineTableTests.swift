@testable import QBankXML
import Testing

struct LineTableTests {
    /// Line and UTF-16 column counted the slow way, from the start of the file.
    private func expected(_ bytes: [UInt8], _ offset: Int) -> (line: Int, column: Int) {
        let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 1
        var start = 0
        for index in 0..<offset where bytes[index] == 0x0A { line += 1; start = index + 1 }
        if line == 1 { start = min(bom, offset) }
        let units = bytes[start..<offset].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : $1 >= 0xF0 ? 2 : 1) }
        return (line, 1 + units)
    }

    /// The table reads eight bytes at a time and remembers its last line and column: offsets asked for
    /// forwards, backwards and repeated, on long and short lines, with multi-byte characters, give what
    /// counting from the start gives.
    @Test func positionsMatchCountingFromTheStart() {
        let text = "\u{FEFF}<bank>\n  <stem>An ASCII line long enough to span several eight-byte words, then é and 😀.</stem>\n\n"
            + "\n<x a=\"ü\">short</x>\n" + String(repeating: "word ", count: 40) + "\n😀😀 end"
        let bytes = Array(text.utf8)
        let table = LineTable(bytes)
        var state: UInt64 = 17
        var offsets = Array(0...bytes.count) + Array((0...bytes.count).reversed())
        for _ in 0..<600 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            offsets.append(Int(state >> 33) % (bytes.count + 1))
        }
        for offset in offsets {
            let (line, column) = table.position(ofOffset: offset)
            let want = expected(bytes, offset)
            #expect(line == want.line && column == want.column, "offset \(offset)")
        }
        #expect(table.position(ofOffset: bytes.count + 5) == table.position(ofOffset: bytes.count))
    }
}

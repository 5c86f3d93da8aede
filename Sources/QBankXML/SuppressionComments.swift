import QBankCore

/// Finds the `<!-- qbank-disable … -->` comments written right before an element.
///
/// Read from the bytes rather than the DOM: the element's byte offset is known, and
/// between two sibling elements of a valid bank there is only white space and
/// comments, so walking backwards over `-->`…`<!--` pairs is exact (a comment cannot
/// contain `--`, so the nearest `<!--` before a `-->` starts that comment).
enum SuppressionComments {
    /// Comments directly before the element at `offset` (only white space and other
    /// comments in between), in document order, with the byte offset of each `<!--`.
    static func before(offset: Int, in bytes: [UInt8]) -> [(text: String, offset: Int)] {
        var found: [(String, Int)] = []
        var end = offset
        while true {
            var i = end - 1
            while i >= 0, isSpace(bytes[i]) { i -= 1 }
            // Expect "-->" ending at i.
            guard i >= 2, bytes[i] == 0x3E, bytes[i - 1] == 0x2D, bytes[i - 2] == 0x2D else { break }
            let closeStart = i - 2
            var j = closeStart - 1
            var start: Int?
            while j >= 3 {
                if bytes[j - 3] == 0x3C, bytes[j - 2] == 0x21, bytes[j - 1] == 0x2D, bytes[j] == 0x2D {
                    start = j - 3
                    break
                }
                j -= 1
            }
            guard let start, start + 4 <= closeStart else { break }
            found.append((String(decoding: bytes[(start + 4)..<closeStart], as: UTF8.self), start))
            end = start
        }
        return found.reversed()
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
}

/// A one-pass byte pre-check: may an ASCII text hold one of a few short words?
///
/// A rule that looks for rare words (placeholder markers, filler phrases) in every text,
/// rationales included, spent more on tokenising those texts than every other item rule
/// together. A word the tokeniser finds in an ASCII text is a run of its bytes that starts
/// after a byte that is no letter, digit or `_` (or at the start) and ends before one (or at
/// the end), so the needles are only tried where such a run starts, and must end where it
/// could end: when none fits, no word can match and tokenising is skipped.
/// The answer is "maybe" (true) for any text with a non-ASCII byte, whose words are
/// lower-cased by Unicode rules, and for any non-ASCII or empty needle.
struct ByteNeedles: Sendable {
    /// Needles by their first byte; ASCII letters of case-folded needles are listed under both cases.
    private let byFirstByte: [[Needle]]
    /// By byte: `between` words, `inWord` (a word byte no needle starts with), `mayStartNeedle`, or
    /// `notASCII` (the answer is "maybe"). One table load per byte settles most bytes.
    private let firstByteKinds: [UInt8]
    private static let between: UInt8 = 0, inWord: UInt8 = 1, mayStartNeedle: UInt8 = 2, notASCII: UInt8 = 3
    /// Bit `a << 7 | b` set: some needle may start with the bytes a, b (every needle of one byte
    /// sets all its pairs). Common letters start needles ("in…", "lo…"); pairs rule most out.
    private let pairs: [UInt64]
    private let alwaysMaybe: Bool

    private struct Needle: Sendable {
        var bytes: [UInt8]
        var foldsCase: Bool
    }

    /// `exact` must occur byte for byte; `folded` with ASCII letters in either case.
    init(exact: [String], folded: [String]) {
        var table = [[Needle]](repeating: [], count: 128)
        var alwaysMaybe = false
        for (strings, foldsCase) in [(exact, false), (folded, true)] {
            for string in strings {
                let bytes = Array(string.utf8)
                guard let first = bytes.first, bytes.allSatisfy({ $0 < 0x80 }) else { alwaysMaybe = true; continue }
                let needle = Needle(bytes: foldsCase ? bytes.map(Self.lower) : bytes, foldsCase: foldsCase)
                if foldsCase, Self.lower(first) != Self.upper(first) {
                    table[Int(Self.lower(first))].append(needle)
                    table[Int(Self.upper(first))].append(needle)
                } else {
                    table[Int(first)].append(needle)
                }
            }
        }
        byFirstByte = table
        var kinds = [UInt8](repeating: Self.notASCII, count: 256)
        for byte in table.indices {
            kinds[byte] = !Self.isWordByte(UInt8(byte)) ? Self.between : table[byte].isEmpty ? Self.inWord : Self.mayStartNeedle
        }
        firstByteKinds = kinds
        var pairs = [UInt64](repeating: 0, count: 128 * 128 / 64)
        for first in table.indices {
            for needle in table[first] {
                let seconds: [UInt8] = needle.bytes.count < 2 ? Array(0..<128)
                    : needle.foldsCase ? [Self.lower(needle.bytes[1]), Self.upper(needle.bytes[1])] : [needle.bytes[1]]
                for second in seconds {
                    let bit = first << 7 | Int(second)
                    pairs[bit >> 6] |= 1 << UInt64(bit & 63)
                }
            }
        }
        self.pairs = pairs
        self.alwaysMaybe = alwaysMaybe
    }

    /// False only when `text` is ASCII and no needle occurs in it as a whole run of word bytes.
    /// Looking only where a run starts, not at every byte, cut the pre-check's instructions by a quarter.
    func mayOccur(in text: String) -> Bool {
        if alwaysMaybe { return true }
        return text.withUTF8Bytes { bytes in
            firstByteKinds.withUnsafeBufferPointer { kinds in
                let count = bytes.count
                var index = 0
                while index < count {
                    let kind = kinds[Int(bytes[index])]
                    if kind == Self.between { index += 1; continue }
                    if kind == Self.notASCII { return true }
                    if kind == Self.mayStartNeedle, mayStart(at: index, in: bytes) {
                        for needle in byFirstByte[Int(bytes[index])] where Self.matches(needle, in: bytes, at: index) { return true }
                    }
                    // The rest of the run: word bytes only (a byte past ASCII ends it, and is met above).
                    index += 1
                    while index < count, kinds[Int(bytes[index])] &- Self.inWord < 2 { index += 1 }
                }
                return false
            }
        }
    }

    /// Whether some needle may start with the bytes at `index` (the second byte, if any, ruled out by `pairs`).
    private func mayStart(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard index + 1 < bytes.count, bytes[index + 1] < 0x80 else { return true }
        let pair = Int(bytes[index]) << 7 | Int(bytes[index + 1])
        return pairs[pair >> 6] >> UInt64(pair & 63) & 1 == 1
    }

    /// The needle's bytes at `start`, and no word byte right after them.
    private static func matches(_ needle: Needle, in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        let end = start + needle.bytes.count
        guard end <= bytes.count, end == bytes.count || !isWordByte(bytes[end]) else { return false }
        for (offset, expected) in needle.bytes.enumerated() {
            let byte = bytes[start + offset]
            if byte != expected && !(needle.foldsCase && lower(byte) == expected) { return false }
        }
        return true
    }

    /// A letter, digit or `_`: what the tokeniser's words are made of (`Words`).
    private static func isWordByte(_ byte: UInt8) -> Bool {
        byte &- 0x30 < 10 || (byte | 0x20) &- 0x61 < 26 || byte == 0x5F
    }

    private static func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
    private static func upper(_ byte: UInt8) -> UInt8 { byte >= 0x61 && byte <= 0x7A ? byte & ~0x20 : byte }
}

extension String {
    /// Runs `body` over the text's UTF-8 bytes as one buffer. A `for byte in utf8` loop pays the
    /// view's per-byte index bookkeeping, several times the compare the pre-checks do per byte.
    func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return copy.withUTF8(body)
    }

    /// `count`, read off the byte count when every byte is ASCII and none is a carriage return
    /// ("\r\n" is one character): counting characters walks grapheme breaks byte by byte.
    var characterCount: Int {
        withUTF8Bytes { bytes in bytes.allSatisfy { $0 < 0x80 && $0 != 0x0D } } ? utf8.count : count
    }
}

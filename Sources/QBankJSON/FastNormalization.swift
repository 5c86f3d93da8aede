import QBankCore

/// `TextNormalization.normalize` with a byte-level pre-check: when a string would take
/// that function's own fast path (no tab or line break, no double space, no white
/// space at either end) it is returned as is without the `String` searches that made
/// normalisation ~7 µs per field and dominated reading. Same result by construction:
/// anything the check is unsure about goes to `TextNormalization.normalize`.
enum FastNormalization {
    static func normalize(_ s: String) -> String {
        let clean: Bool? = s.utf8.withContiguousStorageIfAvailable { b in
            guard let first = b.first, let last = b.last else { return true }
            if first < 0x80 && isASCIISpace(first) || last < 0x80 && isASCIISpace(last) { return false }
            var previous: UInt8 = 0
            for c in b {
                if c == 0x0A || c == 0x0D || c == 0x09 || (c == 0x20 && previous == 0x20) { return false }
                previous = c
            }
            return true
        }
        // Non-ASCII ends are checked as `normalize` does, on the Character.
        if clean == true, s.first?.isWhitespace != true, s.last?.isWhitespace != true { return s }
        return TextNormalization.normalize(s)
    }

    private static func isASCIISpace(_ c: UInt8) -> Bool { c == 0x20 || (c >= 0x09 && c <= 0x0D) }
}

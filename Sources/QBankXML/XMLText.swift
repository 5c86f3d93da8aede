import QBankCore

/// Text normalisation with a byte-level fast path: most fields are one clean line,
/// and checking that on UTF-8 bytes is far cheaper than `TextNormalization`'s own
/// check. The result is always exactly `TextNormalization.normalize(raw)`.
enum XMLText {
    static func normalize(_ raw: String) -> String {
        var raw = raw
        let clean = raw.withUTF8 { bytes -> Bool in
            guard let first = bytes.first, let last = bytes.last else { return true }
            // Ends: no white space; non-ASCII could be Unicode white space, so let the slow path decide.
            if first <= 0x20 || first >= 0x80 || last <= 0x20 || last >= 0x80 { return false }
            var previousSpace = false
            for byte in bytes {
                if byte == 0x0A || byte == 0x0D || byte == 0x09 { return false }
                let space = byte == 0x20
                if space && previousSpace { return false }
                previousSpace = space
            }
            return true
        }
        return clean ? raw : TextNormalization.normalize(raw)
    }
}

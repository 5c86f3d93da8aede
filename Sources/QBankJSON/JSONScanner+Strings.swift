/// String scanning: the hot loop of the parser. Plain ASCII runs are scanned without
/// copying; the bytes are copied to `scratch` only once an escape is seen.
extension JSONScanner {
    /// Parses a string starting at the opening quote at `i`.
    mutating func parseString() throws(JSONParseError) -> String {
        let open = position
        i += 1
        let start = i
        // Fast path: printable ASCII up to the closing quote.
        while i < end {
            let c = base[i]
            if c == UInt8(ascii: "\"") {
                let s = String(decoding: UnsafeBufferPointer(start: base + start, count: i - start), as: UTF8.self)
                i += 1
                return s
            }
            if c == UInt8(ascii: "\\") || c < 0x20 || c >= 0x80 { break }
            i += 1
        }
        return try parseStringSlow(start: start, open: open)
    }

    private mutating func parseStringSlow(start: Int, open: JSONPosition) throws(JSONParseError) -> String {
        var escaped = false
        while true {
            guard i < end else {
                throw JSONParseError("unterminated string; add the closing '\"'", at: open)
            }
            let c = base[i]
            if c == UInt8(ascii: "\"") {
                let s: String
                if escaped {
                    s = scratch.withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
                } else {
                    s = String(decoding: UnsafeBufferPointer(start: base + start, count: i - start), as: UTF8.self)
                }
                i += 1
                return s
            }
            if c == UInt8(ascii: "\\") {
                if !escaped {
                    scratch.removeAll(keepingCapacity: true)
                    scratch.append(contentsOf: UnsafeBufferPointer(start: base + start, count: i - start))
                    escaped = true
                }
                try parseEscape()
                continue
            }
            if c < 0x20 {
                if c == 0x0A || c == 0x0D {
                    throw fail("line break inside a string; strings cannot span lines: close the string with '\"' or write the break as \\n")
                }
                throw fail("control character U+\(hex(UInt32(c), width: 4)) in a string; write it as an escape such as \\t or \\u\(hex(UInt32(c), width: 4))")
            }
            if c < 0x80 {
                if escaped { scratch.append(c) }
                i += 1
                continue
            }
            let n = utf8SequenceLength(at: i)
            if n == 0 {
                throw fail("invalid UTF-8 byte 0x\(hex(UInt32(c), width: 2)); save the file as UTF-8")
            }
            if escaped { scratch.append(contentsOf: UnsafeBufferPointer(start: base + i, count: n)) }
            lineExtra += n == 4 ? 2 : n - 1 // 4 bytes are 2 UTF-16 units; 2 or 3 bytes are 1
            i += n
        }
    }

    /// Appends the character of the escape at `i` (a backslash) to `scratch`.
    private mutating func parseEscape() throws(JSONParseError) {
        let e = byte(i + 1)
        let simple: UInt8?
        switch e {
        case UInt8(ascii: "\""): simple = 0x22
        case UInt8(ascii: "\\"): simple = 0x5C
        case UInt8(ascii: "/"): simple = 0x2F
        case UInt8(ascii: "b"): simple = 0x08
        case UInt8(ascii: "f"): simple = 0x0C
        case UInt8(ascii: "n"): simple = 0x0A
        case UInt8(ascii: "r"): simple = 0x0D
        case UInt8(ascii: "t"): simple = 0x09
        case UInt8(ascii: "u"): simple = nil
        default:
            if i + 1 >= end { throw fail("unterminated string; add the closing '\"'") }
            let what = e >= 0x21 && e < 0x7F ? "'\\\(Character(Unicode.Scalar(e)))'" : "backslash"
            throw fail("invalid escape \(what); valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX")
        }
        if let simple {
            scratch.append(simple)
            i += 2
            return
        }
        let escapeStart = position
        let unit = try hex4(at: i + 2)
        i += 6
        var scalar = UInt32(unit)
        if (0xD800...0xDBFF).contains(unit) {
            guard byte(i) == UInt8(ascii: "\\"), byte(i + 1) == UInt8(ascii: "u"),
                  let low = try? hex4(at: i + 2), (0xDC00...0xDFFF).contains(low) else {
                throw JSONParseError("lone surrogate \\u\(hex(scalar, width: 4)): a high surrogate must be followed by a low surrogate escape (\\uDC00–\\uDFFF)", at: escapeStart)
            }
            i += 6
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (UInt32(low) - 0xDC00)
        } else if (0xDC00...0xDFFF).contains(unit) {
            throw JSONParseError("lone surrogate \\u\(hex(scalar, width: 4)): a low surrogate must follow a high surrogate escape", at: escapeStart)
        }
        appendUTF8(scalar)
    }

    private func hex4(at: Int) throws(JSONParseError) -> UInt16 {
        var v: UInt16 = 0
        for k in 0..<4 {
            let c = byte(at + k)
            let d: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = c - UInt8(ascii: "A") + 10
            default:
                throw fail("invalid \\u escape: expected four hexadecimal digits")
            }
            v = v << 4 | UInt16(d)
        }
        return v
    }

    private mutating func appendUTF8(_ s: UInt32) {
        switch s {
        case 0..<0x80:
            scratch.append(UInt8(s))
        case 0x80..<0x800:
            scratch.append(UInt8(0xC0 | s >> 6))
            scratch.append(UInt8(0x80 | s & 0x3F))
        case 0x800..<0x10000:
            scratch.append(UInt8(0xE0 | s >> 12))
            scratch.append(UInt8(0x80 | s >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | s & 0x3F))
        default:
            scratch.append(UInt8(0xF0 | s >> 18))
            scratch.append(UInt8(0x80 | s >> 12 & 0x3F))
            scratch.append(UInt8(0x80 | s >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | s & 0x3F))
        }
    }

    /// Length of the well-formed UTF-8 sequence starting at `at` (a non-ASCII byte),
    /// or 0 if it is not well formed (Unicode Table 3-7: no overlongs, no surrogates,
    /// nothing above U+10FFFF).
    func utf8SequenceLength(at: Int) -> Int {
        let b0 = byte(at)
        @inline(__always) func cont(_ k: Int, _ lo: UInt8 = 0x80, _ hi: UInt8 = 0xBF) -> Bool {
            let b = byte(at + k)
            return at + k < end && b >= lo && b <= hi
        }
        switch b0 {
        case 0xC2...0xDF: return cont(1) ? 2 : 0
        case 0xE0: return cont(1, 0xA0) && cont(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF: return cont(1) && cont(2) ? 3 : 0
        case 0xED: return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0
        case 0xF0: return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0
        case 0xF1...0xF3: return cont(1) && cont(2) && cont(3) ? 4 : 0
        case 0xF4: return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0
        default: return 0
        }
    }
}

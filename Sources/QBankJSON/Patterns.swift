/// The schema's `pattern`s, hand-written with ECMA-262 semantics (the regex dialect
/// JSON Schema specifies): `$` matches only at the very end and `\S` excludes ECMA
/// white space and line terminators. Hand-written because they run on every id.
enum Patterns {
    /// `^[A-Za-z0-9][A-Za-z0-9._-]{0,maxLength-1}$`
    static func isID(_ s: String, maxLength: Int) -> Bool {
        let u = s.utf8
        guard let first = u.first, u.count <= maxLength, isAlnum(first) else { return false }
        return u.dropFirst().allSatisfy { isAlnum($0) || $0 == 0x2E || $0 == 0x5F || $0 == 0x2D }
    }

    static func isItemID(_ s: String) -> Bool { isID(s, maxLength: 64) }
    static func isPartID(_ s: String) -> Bool { isID(s, maxLength: 32) }

    /// `^[1-9][0-9]?\.[1-9][0-9]?$`
    static func isTask(_ s: String) -> Bool {
        let parts = s.utf8.split(separator: 0x2E, omittingEmptySubsequences: false)
        guard parts.count == 2 else { return false }
        return parts.allSatisfy { p in
            (1...2).contains(p.count) && p.first! >= 0x31 && p.first! <= 0x39 && p.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        }
    }

    /// `^[a-z0-9][a-z0-9.+-]*$` with maxLength 64 (code points; the pattern is ASCII).
    static func isTag(_ s: String) -> Bool {
        let u = s.utf8
        guard let first = u.first, u.count <= 64, isLowerAlnum(first) else { return false }
        return u.dropFirst().allSatisfy { isLowerAlnum($0) || $0 == 0x2E || $0 == 0x2B || $0 == 0x2D }
    }

    /// `^https?://\S+$`
    static func isURL(_ s: String) -> Bool {
        let rest: Substring
        if s.hasPrefix("https://") { rest = s.dropFirst(8) } else if s.hasPrefix("http://") { rest = s.dropFirst(7) } else { return false }
        return !rest.isEmpty && !rest.unicodeScalars.contains(where: isECMAWhiteSpace)
    }

    /// ECMA-262 WhiteSpace and LineTerminator: what `\s` matches.
    static func isECMAWhiteSpace(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0xA0, 0x1680, 0x2000...0x200A,
             0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF: true
        default: false
        }
    }

    private static func isAlnum(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
    }

    private static func isLowerAlnum(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7A)
    }
}

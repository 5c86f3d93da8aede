/// Number scanning, RFC 8259 grammar: `-? (0 | [1-9][0-9]*) (.[0-9]+)? ([eE][+-]?[0-9]+)?`.
extension JSONScanner {
    mutating func parseNumber() throws(JSONParseError) -> JSONValue {
        let start = position
        let first = i
        var negative = false
        if byte(i) == UInt8(ascii: "-") {
            negative = true
            i += 1
        }
        var magnitude = 0
        var digits = 0
        let c0 = byte(i)
        if c0 == UInt8(ascii: "0") {
            i += 1
            if isDigit(byte(i)) { throw fail("leading zeros are not allowed in numbers; write the number without them") }
            digits = 1
        } else if isDigit(c0) {
            while isDigit(byte(i)) {
                magnitude = magnitude &* 10 &+ Int(byte(i) - UInt8(ascii: "0"))
                digits += 1
                i += 1
            }
        } else {
            throw fail("expected a digit after '-'")
        }
        var isInteger = true
        if byte(i) == UInt8(ascii: ".") {
            i += 1
            guard isDigit(byte(i)) else { throw fail("expected a digit after the decimal point") }
            while isDigit(byte(i)) { i += 1 }
            isInteger = false
        }
        if byte(i) == UInt8(ascii: "e") || byte(i) == UInt8(ascii: "E") {
            i += 1
            if byte(i) == UInt8(ascii: "+") || byte(i) == UInt8(ascii: "-") { i += 1 }
            guard isDigit(byte(i)) else { throw fail("expected a digit in the exponent") }
            while isDigit(byte(i)) { i += 1 }
            isInteger = false
        }
        if isInteger && digits <= 18 {
            return JSONValue(.int(negative ? -magnitude : magnitude), at: start)
        }
        let text = String(decoding: UnsafeBufferPointer(start: base + first, count: i - first), as: UTF8.self)
        if isInteger, let exact = Int(text) {
            return JSONValue(.int(exact), at: start)
        }
        guard let d = Double(text), d.isFinite else {
            throw JSONParseError("number \(text) is too large to represent", at: start)
        }
        return JSONValue(.double(d), at: start)
    }

    @inline(__always) func isDigit(_ c: UInt8) -> Bool {
        c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")
    }
}

/// A strict RFC 8259 parser over UTF-8 bytes that records where every value starts.
///
/// Strict means: no comments, no trailing commas, no NaN/Infinity, no single quotes,
/// valid UTF-8 only, no raw control characters in strings, no lone surrogates in
/// `\u` escapes (rejected, not replaced: a replacement character would silently
/// change the author's text), no duplicate keys (keeping one would silently lose
/// the other), numbers that fit in a `Double`. A leading UTF-8 byte order mark is
/// skipped. Nesting is limited to `maximumDepth` so hostile input cannot overflow
/// the stack.
public enum JSONParser {
    public static let maximumDepth = 512

    public static func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
        let result: Result<JSONValue, JSONParseError> = bytes.withUnsafeBufferPointer { buffer in
            var scanner = JSONScanner(buffer)
            do throws(JSONParseError) {
                return .success(try scanner.parseDocument())
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    public static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        try parse(Array(text.utf8))
    }
}

/// The parser's state. Kept internal: `JSONParser.parse` is the API.
struct JSONScanner {
    let base: UnsafePointer<UInt8>
    let end: Int
    var i = 0
    var line = 1
    /// Byte offset where the current line starts.
    var lineStart = 0
    /// UTF-8 bytes minus UTF-16 units of the non-ASCII characters seen so far on this line.
    var lineExtra = 0
    var depth = 0
    /// Reused buffer for strings with escapes.
    var scratch: [UInt8] = []
    /// When set, the elements of arrays that are members of the root object go here as each is parsed
    /// (with the member's key and the element's index) instead of into the tree: a bank file's items
    /// are built one by one and never held all at once. Those arrays come back empty.
    var rootArrayElements: ((String, JSONValue, Int) throws(JSONParseError) -> Void)?

    init(_ buffer: UnsafeBufferPointer<UInt8>) {
        // An empty buffer may have a nil base address; any valid pointer will do as nothing is read.
        base = buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!
        end = buffer.count
        scratch.reserveCapacity(256)
    }

    @inline(__always) var position: JSONPosition {
        JSONPosition(line: line, column: i - lineStart - lineExtra + 1, offset: i)
    }

    @inline(__always) func byte(_ at: Int) -> UInt8 { at < end ? base[at] : 0 }

    func fail(_ message: String) -> JSONParseError { JSONParseError(message, at: position) }

    mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        if end >= 3 && base[0] == 0xEF && base[1] == 0xBB && base[2] == 0xBF {
            i = 3
            lineStart = 3 // editors do not show the BOM, so columns start after it
        }
        skipWhitespace()
        if i >= end { throw fail("expected a JSON value, found end of file") }
        let value = try parseValue()
        skipWhitespace()
        if i < end {
            throw fail("unexpected \(describeByte(at: i)) after the JSON value; a file holds exactly one value")
        }
        return value
    }

    @inline(__always) mutating func skipWhitespace() {
        while i < end {
            switch base[i] {
            case 0x20, 0x09:
                i += 1
            case 0x0A:
                i += 1
                newLine()
            case 0x0D:
                i += 1
                if i < end && base[i] == 0x0A { i += 1 }
                newLine()
            default:
                return
            }
        }
    }

    @inline(__always) mutating func newLine() {
        line += 1
        lineStart = i
        lineExtra = 0
    }

    mutating func parseValue() throws(JSONParseError) -> JSONValue {
        let start = position
        switch byte(i) {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return JSONValue(.string(try parseString()), at: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        case UInt8(ascii: "t"): try literal("true"); return JSONValue(.bool(true), at: start)
        case UInt8(ascii: "f"): try literal("false"); return JSONValue(.bool(false), at: start)
        case UInt8(ascii: "n"): try literal("null"); return JSONValue(.null, at: start)
        default:
            if i >= end { throw fail("unexpected end of file; expected a value") }
            throw fail("unexpected \(describeByte(at: i)); expected a value (object, array, string, number, true, false or null)")
        }
    }

    mutating func literal(_ word: StaticString) throws(JSONParseError) {
        let count = word.utf8CodeUnitCount
        let bytes = word.utf8Start
        for k in 0..<count where byte(i + k) != bytes[k] {
            throw fail("invalid literal; did you mean '\(word)'? (JSON literals are lower case: true, false, null)")
        }
        i += count
    }

    mutating func enter() throws(JSONParseError) {
        depth += 1
        if depth > JSONParser.maximumDepth {
            throw fail("nesting deeper than \(JSONParser.maximumDepth) levels; flatten the document")
        }
    }

    mutating func parseObject() throws(JSONParseError) -> JSONValue {
        let start = position
        try enter()
        i += 1
        skipWhitespace()
        var members: [JSONMember] = []
        if byte(i) == UInt8(ascii: "}") {
            i += 1
            depth -= 1
            return JSONValue(.object(members), at: start)
        }
        var index: [String: Int]? = nil
        while true {
            guard byte(i) == UInt8(ascii: "\"") else {
                if i >= end { throw fail("unexpected end of file; expected a key in double quotes or '}'") }
                throw fail("expected a key in double quotes, found \(describeByte(at: i))")
            }
            let keyPosition = position
            let key = try parseString()
            skipWhitespace()
            guard byte(i) == UInt8(ascii: ":") else {
                if i >= end { throw fail("unexpected end of file; expected ':' after object key '\(key)'") }
                throw fail("expected ':' after object key '\(key)'")
            }
            i += 1
            skipWhitespace()
            let streamed = depth == 1 && rootArrayElements != nil && byte(i) == UInt8(ascii: "[")
            let value = streamed ? try parseArray(streamingAs: key) : try parseValue()
            if let first = firstIndex(of: key, in: members, index: &index) {
                throw JSONParseError(
                    "duplicate key '\(key)' (first at \(members[first].keyPosition)); remove one of them",
                    at: keyPosition, related: members[first].keyPosition)
            }
            members.append(JSONMember(key: key, keyPosition: keyPosition, value: value))
            index?[key] = members.count - 1
            skipWhitespace()
            switch byte(i) {
            case UInt8(ascii: ","):
                let comma = position
                i += 1
                skipWhitespace()
                if byte(i) == UInt8(ascii: "}") {
                    throw JSONParseError("trailing comma after the last object member; remove it", at: comma)
                }
            case UInt8(ascii: "}"):
                i += 1
                depth -= 1
                return JSONValue(.object(members), at: start)
            default:
                if i >= end { throw fail("unexpected end of file; expected ',' or '}' after object member") }
                throw fail("expected ',' or '}' after object member, found \(describeByte(at: i))")
            }
        }
    }

    /// Linear search for small objects (the usual case); a dictionary once an object grows.
    func firstIndex(of key: String, in members: [JSONMember], index: inout [String: Int]?) -> Int? {
        if let index { return index[key] }
        if members.count < 16 {
            for (k, m) in members.enumerated() where m.key == key { return k }
            return nil
        }
        var built: [String: Int] = [:]
        for (k, m) in members.enumerated() { built[m.key] = k }
        index = built
        return built[key]
    }

    /// `key`: the root member whose elements go to `rootArrayElements` rather than into the array.
    mutating func parseArray(streamingAs key: String? = nil) throws(JSONParseError) -> JSONValue {
        let start = position
        try enter()
        i += 1
        skipWhitespace()
        var elements: [JSONValue] = []
        if byte(i) == UInt8(ascii: "]") {
            i += 1
            depth -= 1
            return JSONValue(.array(elements), at: start)
        }
        var count = 0
        while true {
            let element = try parseValue()
            if let key, let sink = rootArrayElements { try sink(key, element, count) } else { elements.append(element) }
            count += 1
            skipWhitespace()
            switch byte(i) {
            case UInt8(ascii: ","):
                let comma = position
                i += 1
                skipWhitespace()
                if byte(i) == UInt8(ascii: "]") {
                    throw JSONParseError("trailing comma after the last array element; remove it", at: comma)
                }
            case UInt8(ascii: "]"):
                i += 1
                depth -= 1
                return JSONValue(.array(elements), at: start)
            default:
                if i >= end { throw fail("unexpected end of file; expected ',' or ']' after array element") }
                throw fail("expected ',' or ']' after array element, found \(describeByte(at: i))")
            }
        }
    }

    /// Names the byte at `at` for a message: a quoted ASCII character, a Unicode
    /// character, or an invalid UTF-8 byte in hex.
    func describeByte(at: Int) -> String {
        let c = base[at]
        if c >= 0x21 && c < 0x7F { return "'\(Character(Unicode.Scalar(c)))'" }
        if c < 0x80 { return "character U+\(hex(UInt32(c), width: 4))" }
        let n = utf8SequenceLength(at: at)
        if n == 0 { return "invalid UTF-8 byte 0x\(hex(UInt32(c), width: 2))" }
        let s = String(decoding: UnsafeBufferPointer(start: base + at, count: n), as: UTF8.self)
        return "'\(s)'"
    }
}

func hex(_ value: UInt32, width: Int) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}

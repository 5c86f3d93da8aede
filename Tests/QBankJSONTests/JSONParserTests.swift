import QBankJSON
import Testing

@Suite struct JSONParserTests {
    func error(_ text: String) -> JSONParseError? {
        do { _ = try JSONParser.parse(text); return nil } catch { return error }
    }

    func errorBytes(_ bytes: [UInt8]) -> JSONParseError? {
        do { _ = try JSONParser.parse(bytes); return nil } catch { return error }
    }

    @Test func positionsOfValues() throws {
        let v = try JSONParser.parse("{\n  \"a\": [1, \"x\"],\n  \"b\": null\n}")
        #expect(v.position == JSONPosition(line: 1, column: 1))
        let a = try #require(v.member("a"))
        #expect(a.keyPosition == JSONPosition(line: 2, column: 3))
        #expect(a.value.position == JSONPosition(line: 2, column: 8))
        #expect(a.value.arrayValue?[1].position == JSONPosition(line: 2, column: 12))
        #expect(v["b"]?.position == JSONPosition(line: 3, column: 8))
    }

    @Test func columnsCountUTF16Units() throws {
        // é is 2 bytes/1 unit, € 3 bytes/1 unit, 😀 4 bytes/2 units.
        let v = try JSONParser.parse("[\"é€😀\", 1]")
        #expect(v.arrayValue?[1].position == JSONPosition(line: 1, column: 10))
        #expect(v.arrayValue?[0].stringValue == "é€😀")
        let e = try #require(error("[\"😀\", }"))
        #expect(e.position == JSONPosition(line: 1, column: 8))
    }

    @Test func byteOrderMarkIsSkippedAndNotCounted() throws {
        let v = try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array("[true]".utf8))
        #expect(v.arrayValue?[0].position == JSONPosition(line: 1, column: 2))
    }

    @Test func crlfAndCRCountAsLineBreaks() throws {
        let v = try JSONParser.parse("[\r\n1,\r2]")
        #expect(v.arrayValue?[1].position == JSONPosition(line: 3, column: 1))
    }

    @Test(arguments: [
        ("{\"a\": 1 \"b\": 2}", 1, 9, "expected ',' or '}' after object member"),
        ("[1 2]", 1, 4, "expected ',' or ']' after array element"),
        ("{\"a\" 1}", 1, 6, "expected ':' after object key 'a'"),
        ("{a: 1}", 1, 2, "expected a key in double quotes"),
        ("{\"a\": 1,}", 1, 8, "trailing comma"),
        ("[1,\n]", 1, 3, "trailing comma"),
        ("[\"abc", 1, 2, "unterminated string"),
        ("[\"a\nb\"]", 1, 4, "line break inside a string"),
        ("[\"a\tb\"]", 1, 4, "control character U+0009"),
        ("[\"\\x\"]", 1, 3, "invalid escape"),
        ("[\"\\ud800\"]", 1, 3, "lone surrogate \\uD800"),
        ("[\"\\udc00\"]", 1, 3, "lone surrogate \\uDC00"),
        ("[\"\\u12g4\"]", 1, 3, "invalid \\u escape"),
        ("[01]", 1, 3, "leading zeros"),
        ("[1.]", 1, 4, "digit after the decimal point"),
        ("[1e]", 1, 4, "digit in the exponent"),
        ("[-]", 1, 3, "digit after '-'"),
        ("[1e400]", 1, 2, "too large"),
        ("[True]", 1, 2, "unexpected 'T'"),
        ("[nul]", 1, 2, "invalid literal"),
        ("[NaN]", 1, 2, "unexpected 'N'"),
        ("{} {}", 1, 4, "after the JSON value"),
        ("", 1, 1, "found end of file"),
        ("  \n ", 2, 2, "found end of file"),
        ("[1,", 1, 4, "unexpected end of file"),
        ("{\"a\": 1", 1, 8, "unexpected end of file; expected ',' or '}'"),
        ("// c\n{}", 1, 1, "unexpected '/'"),
        ("{\"a\": 1,\n \"a\": 2}", 2, 2, "duplicate key 'a' (first at 1:2)"),
    ])
    func errorsAtTheRightPlace(text: String, line: Int, column: Int, message: String) throws {
        let e = try #require(error(text), "\(text) should not parse")
        #expect(e.position == JSONPosition(line: line, column: column), "\(text): \(e)")
        #expect(e.message.contains(message), "\(text): \(e.message)")
    }

    @Test func duplicateKeyNamesBothPositions() throws {
        let e = try #require(error("{\"k\": 1, \"k\": 2}"))
        #expect(e.related == JSONPosition(line: 1, column: 2))
        #expect(e.position == JSONPosition(line: 1, column: 10))
        // Large objects switch to a dictionary index; duplicates are still found.
        let big = "{" + (0..<40).map { "\"k\($0)\": \($0)" }.joined(separator: ",") + ",\"k3\": 0}"
        #expect(error(big)?.message.contains("duplicate key 'k3'") == true)
    }

    @Test func invalidUTF8() throws {
        let e = try #require(errorBytes(Array("[\"a".utf8) + [0xC3, 0x28] + Array("\"]".utf8)))
        #expect(e.message.contains("invalid UTF-8 byte 0xC3"))
        #expect(e.position == JSONPosition(line: 1, column: 4))
        #expect(errorBytes(Array("[\"".utf8) + [0xED, 0xA0, 0x80] + Array("\"]".utf8)) != nil) // encoded surrogate
        #expect(errorBytes(Array("[\"".utf8) + [0xC0, 0x80] + Array("\"]".utf8)) != nil) // overlong
        #expect(errorBytes([0xFF])?.message.contains("invalid UTF-8 byte 0xFF") == true)
    }

    @Test func depthBombGivesACleanError() throws {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let e = try #require(error(deep))
        #expect(e.message.contains("nesting deeper than 512 levels"))
        #expect(e.position == JSONPosition(line: 1, column: 513))
        let ok = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        #expect(error(ok) == nil)
    }

    @Test func numbers() throws {
        let v = try JSONParser.parse("[0, -7, 9223372036854775807, 9223372036854775808, 1.5, -2e3, 2.0, 1E-2]")
        let a = try #require(v.arrayValue)
        guard case .int(0) = a[0].storage, case .int(-7) = a[1].storage, case .int(Int.max) = a[2].storage,
              case .double(9223372036854775808.0) = a[3].storage, case .double(1.5) = a[4].storage,
              case .double(-2000) = a[5].storage, case .double(2.0) = a[6].storage, case .double(0.01) = a[7].storage
        else { Issue.record("numbers parsed as \(a.map(\.storage))"); return }
        #expect(a[6].integerValue == 2 && a[6].isIntegral)
        #expect(a[4].integerValue == nil && !a[4].isIntegral)
        #expect(a[3].isIntegral && a[3].integerValue == nil)
    }

    @Test func escapesDecode() throws {
        let v = try JSONParser.parse(#"["\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00\u0000"]"#)
        #expect(v.arrayValue?[0].stringValue == "\"\\/\u{8}\u{C}\n\r\té😀\u{0}")
    }
}

import QBankCore
import QBankXML
import Testing

/// Files that cannot be read give one QB001 at the place the parser stopped, and no model.
@Suite struct SyntaxErrorTests {
    @Test func tagMismatchPointsAtTheEndTag() throws {
        let result = try Fixtures.read("malformed-mismatch.xml")
        #expect(result.file == nil && result.isUnreadable)
        #expect(result.diagnostics.map(\.short) == ["QB001 5:3"])
        #expect(result.diagnostics.first?.message == "end tag </bank> does not match start tag <item> on line 3; close <item> first")
        #expect(result.diagnostics.first?.ruleName == "syntax-error")
    }

    @Test func unquotedAttribute() throws {
        let result = try Fixtures.read("malformed-attribute.xml")
        #expect(result.file == nil)
        #expect(result.diagnostics.map(\.short) == ["QB001 3:22"])
    }

    @Test func ruleExampleShape() {
        // QB001's documented example: the finding points at the stray end tag.
        let source = "<bank xmlns=\"urn:qbank:bank:1\">\n<item id=\"q1\" type=\"single\" domain=\"1\" task=\"1.1\" status=\"draft\"></bank>\n</bank>"
        #expect(readXML(source).diagnostics.map(\.short) == ["QB001 2:66"])
    }

    @Test func multibyteTextBeforeTheError() {
        let source = "<bank xmlns=\"urn:qbank:bank:1\"><!-- 😀é --><item & </bank>"
        #expect(readXML(source).diagnostics.map(\.short) == ["QB001 1:50"])
    }

    @Test func declaredEncodingOtherThanUTF8() {
        let result = readXML("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<bank xmlns=\"urn:qbank:bank:1\"/>")
        #expect(result.file == nil)
        #expect(result.diagnostics.map(\.short) == ["QB001 1:1"])
        #expect(result.diagnostics.first?.message.contains("must be UTF-8") == true)
        #expect(readXML("<?xml version='1.0' encoding='utf-8'?><bank xmlns='urn:qbank:bank:1'/>").diagnostics.isEmpty)
    }

    @Test func utf16IsRefused() {
        let bytes: [UInt8] = [0xFF, 0xFE] + Array("<bank/>".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let result = XMLBankReader().read(bytes, path: "u16.xml")
        #expect(result.file == nil && result.diagnostics.first?.message.contains("UTF-16") == true)
    }

    @Test func undefinedEntity() {
        let result = readXML("<bank xmlns=\"urn:qbank:bank:1\">&nbsp;</bank>")
        #expect(result.diagnostics.map(\.short) == ["QB001 1:32"])
        #expect(result.diagnostics.first?.message.hasPrefix("unknown entity '&nbsp;'") == true)
    }
}

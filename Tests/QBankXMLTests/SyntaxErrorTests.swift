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

    /// A file cut off mid-save says so, and one without an element says that (a push parser once
    /// reported both as "content after the root element").
    @Test func truncatedAndElementlessFilesAreToldApart() {
        let cut = readXML("<bank xmlns=\"urn:qbank:bank:1\">\n<item id=\"q1\" type=\"single\" domain=\"1\" task=\"1.1\" status=\"draft\">\n<stem>Which")
        #expect(cut.file == nil)
        #expect(cut.diagnostics.first?.message.hasPrefix("the file ends before all elements are closed") == true)
        let declarationOnly = readXML("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        #expect(declarationOnly.file == nil)
        #expect(declarationOnly.diagnostics.first?.message.contains("does not start with an XML element") == true)
    }

    /// A text node longer than libxml2's 10 MB default limit neither hides the items after it nor
    /// passes a partial tree off as the whole file.
    @Test func hugeTextNodeKeepsTheItemsAfterIt() {
        func item(_ id: String, _ stem: String) -> String {
            "<item id=\"\(id)\" type=\"single\" domain=\"1\" task=\"1.1\" status=\"draft\"><stem>\(stem)</stem>"
                + "<options><option id=\"a\" correct=\"true\">Yes</option><option id=\"b\">No</option></options></item>"
        }
        let huge = String(repeating: "word ", count: 2_100_000)
        let result = readXML("<bank xmlns=\"urn:qbank:bank:1\">" + item("q1", huge) + item("q2", "Which one?") + "</bank>")
        #expect(result.file?.items.map(\.id) == ["q1", "q2"])
    }
}

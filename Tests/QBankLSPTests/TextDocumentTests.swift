import QBankJSON
import QBankLSP
import Testing

@Suite struct TextDocumentTests {
    private func change(_ json: String) -> JSONValue { try! JSONParser.parse(json) }

    @Test func appliesIncrementalChangesInUTF16Units() throws {
        var document = TextDocument(uri: "file:///x.xml", version: 1, text: "a😀b\nsecond\n")
        try document.apply(change(#"{"range":{"start":{"line":0,"character":3},"end":{"line":0,"character":4}},"text":"c"}"#))
        #expect(document.text == "a😀c\nsecond\n")
        try document.apply(change(#"{"range":{"start":{"line":1,"character":0},"end":{"line":2,"character":0}},"text":"x\ny\n"}"#))
        #expect(document.text == "a😀c\nx\ny\n")
        try document.apply(change(#"{"text":"whole"}"#))
        #expect(document.text == "whole")
    }

    @Test func convertsToUTF8LikeString() {
        for text in ["", "plain", "é😀\u{2028}x\n", "a\r\nb"] {
            #expect(TextDocument(uri: "file:///x", version: 1, text: text).utf8 == Array(text.utf8))
        }
    }

    @Test func mapsUTF8OffsetsToPositions() {
        let document = TextDocument(uri: "file:///x", version: 1, text: "é😀b\ncd")
        #expect(document.position(ofUTF8Offset: 2) == Position(line: 0, character: 1))
        #expect(document.position(ofUTF8Offset: 6) == Position(line: 0, character: 3))
        #expect(document.position(ofUTF8Offset: 8) == Position(line: 1, character: 0))
        #expect(document.position(ofUTF8Offset: 99) == Position(line: 1, character: 2))
    }

    @Test func clampsPositionsPastTheLineEnd() throws {
        var document = TextDocument(uri: "file:///x.xml", version: 1, text: "ab\ncd")
        try document.apply(change(#"{"range":{"start":{"line":0,"character":99},"end":{"line":0,"character":99}},"text":"!"}"#))
        #expect(document.text == "ab!\ncd")
        #expect(document.position(of: 4) == Position(line: 1, character: 0))
    }

    @Test func refusesAChangeWithoutText() {
        var document = TextDocument(uri: "file:///x.xml", version: 1, text: "ab")
        #expect(throws: RPCError.self) { try document.apply(change(#"{"range":null}"#)) }
    }

    @Test func convertsFileURIs() {
        #expect(DocumentURI.path(of: "file:///tmp/a%20b/c.xml") == "/tmp/a b/c.xml")
        #expect(DocumentURI.uri(of: "/tmp/a b/c.xml") == "file:///tmp/a%20b/c.xml")
        #expect(DocumentURI.path(of: "untitled:1") == nil)
    }
}

import Foundation
import QBankCore
@testable import QBankJSON
import Testing

/// A valid file is read in one streamed pass (`JSONBankReader.stream`); anything reported sends it back
/// to the tree read. Both must give the same model, positions and spans included: origins take no part
/// in `==`, so results are compared as `dump` prints them (items and origins print their parts).
@Suite struct JSONBankReaderStreamingTests {
    static let validFiles: [URL] = {
        let banks = JSONFixtures.packageRoot.appendingPathComponent("Banks")
        let sample = FileManager.default.enumerator(at: banks, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "json" && $0.lastPathComponent != "blueprint.json" }
            .sorted { $0.path < $1.path } ?? []
        return JSONFixtures.files("valid") + sample
    }()

    static func printed(_ result: ReadResult) -> String {
        var text = ""
        dump(result.file, to: &text)
        dump(result.diagnostics, to: &text)
        return text
    }

    static func bothReads(_ source: String, path: String = "s.json") -> (streamed: ReadResult?, tree: ReadResult) {
        let bytes = Array(source.utf8)
        return (JSONBankReader.stream(bytes, path: path), JSONBankReader().read(bytes, path: path, streaming: false))
    }

    @Test func validFilesAreStreamedAndReadAsTheTreeReadsThem() throws {
        #expect(Self.validFiles.count > 12)
        for url in Self.validFiles {
            let bytes = JSONFixtures.bytes(url)
            let streamed = try #require(JSONBankReader.stream(bytes, path: url.path), "\(url.lastPathComponent) was not streamed")
            let tree = JSONBankReader().read(bytes, path: url.path, streaming: false)
            #expect(tree.file != nil && tree.diagnostics.isEmpty, "\(url.lastPathComponent)")
            #expect(Self.printed(streamed) == Self.printed(tree), "\(url.lastPathComponent)")
        }
    }

    @Test func anyFindingSendsTheFileToTheTreeRead() throws {
        let invalid = JSONFixtures.files("invalid")
        #expect(invalid.count > 40)
        for url in invalid {
            let bytes = JSONFixtures.bytes(url)
            #expect(JSONBankReader.stream(bytes, path: url.path) == nil, "\(url.lastPathComponent)")
            let result = JSONBankReader().read(bytes, path: url.path)
            #expect(!result.diagnostics.isEmpty, "\(url.lastPathComponent)")
            #expect(Self.printed(result) == Self.printed(JSONBankReader().read(bytes, path: url.path, streaming: false)))
        }
        let valid = JSONFixtures.bytes(JSONFixtures.directory.appendingPathComponent("valid/full-bank.json"))
        #expect(JSONBankReader.stream(Array(valid.dropLast(30)), path: "t.json") == nil, "a truncated file")
    }

    static let item = #"{"id": "q-1", "type": "single", "domain": 1, "task": "1.1", "status": "draft", "stem": "STEM", "options": [{"id": "a", "text": "Yes", "correct": true}, {"id": "b", "text": "No"}]}"#

    /// The streamed read refuses what the tree read reports: a character XML forbids (escaped in an item
    /// or in a root field), a key given twice at the root (after its items were built), an array the
    /// schema does not know.
    @Test func refusalsAndDuplicatesFallBack() {
        let format = #""format": "urn:qbank:bank:1""#
        let cases = [
            #"{\#(format), "items": [\#(Self.item.replacingOccurrences(of: "STEM", with: #"Pick \u0001 one"#))]}"#,
            #"{"$schema": "x\u000Cy", \#(format), "items": [\#(Self.item)]}"#,
            #"{\#(format), "items": [\#(Self.item)], "items": []}"#,
            #"{\#(format), "items": [\#(Self.item)], "extra": [1]}"#,
            #"{\#(format), "items": [\#(Self.item), 3]}"#,
        ]
        for source in cases {
            let (streamed, tree) = Self.bothReads(source)
            #expect(streamed == nil, "\(source)")
            #expect(!tree.diagnostics.isEmpty, "\(source)")
        }
    }

    /// Allowed escapes, fields in any order and cases before items stream as the tree reads them.
    @Test func escapesAndFieldOrderStream() throws {
        let stem = #"Caf\u00e9 \"quoted\" \\ slash"#
        let source = #"""
            {"cases": [{"id": "c-1", "scenario": "A scenario", "items": [\#(Self.item.replacingOccurrences(of: "q-1", with: "c-q"))]}],
             "items": [\#(Self.item.replacingOccurrences(of: "STEM", with: stem))], "format": "urn:qbank:bank:1"}
            """#
        let (streamed, tree) = Self.bothReads(source)
        let result = try #require(streamed)
        #expect(result.file?.items.first?.stem.value == #"Café "quoted" \ slash"#)
        #expect(result.file?.cases.first?.items.count == 1)
        #expect(Self.printed(result) == Self.printed(tree))
    }

    @Test func onlyEscapesAndNoncharactersNeedTheCharacterSearch() {
        #expect(!JSONBankReader.mayHoldForbiddenCharacter(Array(#"{"a": "x\"y\\z\n", "b": "é"}"#.utf8)))
        #expect(JSONBankReader.mayHoldForbiddenCharacter(Array(#"{"a": "\u00e9"}"#.utf8)))
        #expect(JSONBankReader.mayHoldForbiddenCharacter(Array(#"{"a": "\b"}"#.utf8)))
        #expect(JSONBankReader.mayHoldForbiddenCharacter(Array("{\"a\": \"\u{FFFE}\"}".utf8)))
    }
}

import Foundation
import QBankCore
@testable import QBankXML
import Testing

/// A valid file is read in one streamed pass (`cqbx_stream`); anything reported sends it back to the
/// tree read. Both must give the same model, positions included: origins take no part in `==`, so
/// results are compared as `dump` prints them (items and origins print their parts).
@Suite struct StreamedReadTests {
    static let validFiles: [URL] = {
        let fixtures = ["valid-bank.xml", "valid-rich-content.xml", "valid-suppressions.xml"].map { Fixtures.directory.appendingPathComponent($0) }
        let banks = Fixtures.repositoryRoot.appendingPathComponent("Banks")
        let sample = FileManager.default.enumerator(at: banks, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "xml" }.sorted { $0.path < $1.path } ?? []
        return fixtures + sample
    }()

    static func printed(_ result: ReadResult) -> String {
        var text = ""
        dump(result.file, to: &text)
        dump(result.diagnostics, to: &text)
        return text
    }

    @Test func validFilesAreStreamedAndReadAsTheTreeReadsThem() throws {
        #expect(Self.validFiles.count > 3)
        for url in Self.validFiles {
            let bytes = [UInt8](try Data(contentsOf: url))
            let streamed = try #require(XMLBankReader.stream(bytes, path: url.path), "\(url.lastPathComponent) was not streamed")
            let tree = XMLBankReader().read(bytes, path: url.path, streaming: false)
            #expect(tree.file != nil)
            #expect(Self.printed(streamed) == Self.printed(tree), "\(url.lastPathComponent)")
        }
    }

    @Test func anyFindingSendsTheFileToTheTreeRead() throws {
        let invalid = ["invalid-attribute-value.xml", "invalid-missing-attribute.xml", "invalid-status.xml",
                       "invalid-unknown-element.xml", "malformed-attribute.xml", "malformed-mismatch.xml"]
        for name in invalid {
            let bytes = try Fixtures.bytes(name)
            #expect(XMLBankReader.stream(bytes, path: name) == nil, "\(name)")
            let result = XMLBankReader().read(bytes, path: name)
            #expect(Self.printed(result) == Self.printed(XMLBankReader().read(bytes, path: name, streaming: false)))
            #expect(!result.diagnostics.isEmpty, "\(name)")
        }
        let doctype = Array("<?xml version=\"1.0\"?><!DOCTYPE bank><bank xmlns=\"urn:qbank:bank:1\"/>".utf8)
        #expect(XMLBankReader.stream(doctype, path: "d.xml") == nil)
        let truncated = Array(try Fixtures.bytes("valid-bank.xml").dropLast(40))
        #expect(XMLBankReader.stream(truncated, path: "t.xml") == nil)
    }

    /// CDATA reaches the streamed tree as text (libxml2's validation plug would pass it on as ignorable
    /// white space, which the tree then drops).
    @Test func cdataIsKept() throws {
        let source = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bank xmlns="urn:qbank:bank:1">
              <item id="x-1" type="single" domain="1" task="1.1" status="draft">
                <stem><![CDATA[Which <b>one</b> is right?]]> Pick it.</stem>
                <options>
                  <option id="a" correct="true"><text>Yes</text></option>
                  <option id="b"><text><![CDATA[No & never]]></text></option>
                </options>
              </item>
            </bank>
            """
        let streamed = try #require(XMLBankReader.stream(Array(source.utf8), path: "c.xml"))
        #expect(streamed.file?.items.first?.stem.value.contains("Which <b>one</b> is right?") == true)
        #expect(Self.printed(streamed) == Self.printed(XMLBankReader().read(Array(source.utf8), path: "c.xml", streaming: false)))
    }
}

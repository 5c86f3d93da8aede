import Foundation
import Testing
@testable import QBankXML

/// libxml2's wording, rewritten into what to do.
@Suite struct XMLMessagesTests {
    @Test(arguments: [
        ("Element '{urn:qbank:bank:1}item', attribute 'domain': [facet 'maxInclusive'] The value '100' is greater than the maximum value allowed ('99').\n",
         "element 'item': attribute 'domain' must be a whole number from 1 to 99, not '100'"),
        ("Element '{urn:qbank:bank:1}item', attribute 'foo': The attribute 'foo' is not allowed.\n",
         "element 'item': attribute 'foo' is not part of the bank format; remove it"),
        ("Element '{urn:qbank:bank:1}option': Missing child element(s). Expected is ( {urn:qbank:bank:1}text ).\n",
         "element 'option' is incomplete; add <text>"),
        ("Element '{urn:qbank:bank:1}options': This element is not expected. Expected is ( {urn:qbank:bank:1}stem ).\n",
         "element 'options' is not expected here; expected <stem>"),
        ("Element '{urn:qbank:bank:1}x': This element is not expected. Expected is one of ( {urn:qbank:bank:1}item, {urn:qbank:bank:1}case ).\n",
         "element 'x' is not expected here; expected one of <item>, <case>"),
        ("Element '{urn:qbank:bank:1}tag': [facet 'pattern'] The value 'Big Tag' is not accepted by the pattern '[a-z0-9][a-z0-9.+\\-]*'.\n",
         "element 'tag' must be a lower-case tag of letters, digits, '.', '+' or '-' (at most 64 characters), not 'Big Tag'"),
        ("Element '{urn:qbank:bank:1}bank': Character content other than whitespace is not allowed because the content type is 'element-only'.\n",
         "element 'bank' cannot hold text of its own; move the text into the right child element"),
        ("Element 'quiz': No matching global declaration available for the validation root.\n",
         "the root element must be <bank xmlns=\"urn:qbank:bank:1\">, not <quiz>"),
        ("Element '{urn:qbank:bank:1}option', attribute 'id': [facet 'pattern'] The value 'a b' is not accepted by the pattern '[A-Za-z0-9][A-Za-z0-9._\\-]{0,31}'.\n",
         "element 'option': attribute 'id' must be an id of letters, digits, '.', '_' or '-' that starts with a letter or digit (at most 32 characters), not 'a b'"),
    ])
    func schemaMessage(raw: String, expected: String) {
        #expect(XMLMessages.schema(raw) == expected)
    }

    @Test func messagesNeverMentionTheNamespaceNoise() {
        #expect(!XMLMessages.schema("Element '{urn:qbank:bank:1}stem': something odd.\n").contains("{urn:"))
    }

    /// The XSD in Schemas/ and the reader agree on every fixture (xmllint is libxml2 too,
    /// but reads the file, not the embedded copy). Skipped where xmllint is missing.
    @Test func xmllintAgreesOnFixtures() throws {
        let xmllint = "/usr/bin/xmllint"
        guard FileManager.default.isExecutableFile(atPath: xmllint) else { return }
        let xsd = Fixtures.repositoryRoot.appendingPathComponent("Schemas/qbank-bank.xsd").path
        let names = try FileManager.default.contentsOfDirectory(atPath: Fixtures.directory.path).filter { $0.hasSuffix(".xml") }
        #expect(!names.isEmpty)
        // Checks the schema cannot express; xmllint accepts these files.
        let swiftOnly: Set = ["invalid-body-type.xml", "invalid-select.xml"]
        for name in names.sorted() where !name.hasPrefix("malformed") {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: xmllint)
            process.arguments = ["--noout", "--nonet", "--schema", xsd, Fixtures.directory.appendingPathComponent(name).path]
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            let xmllintValid = process.terminationStatus == 0
            let readerValid = try Fixtures.read(name).diagnostics.isEmpty
            #expect(xmllintValid == (readerValid || swiftOnly.contains(name)), "\(name)")
        }
    }
}

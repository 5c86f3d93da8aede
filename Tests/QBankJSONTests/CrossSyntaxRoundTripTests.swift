import Foundation
import QBankCore
import QBankJSON
import QBankXML
import Testing
import TestSupport

/// Both syntaxes express one model: every valid fixture and every sample-bank file
/// goes XML→JSON→XML or JSON→XML→JSON and comes back as the same model.
struct CrossSyntaxRoundTripTests {
    static func files(_ folder: String, ext: String, prefix: String = "") -> [String] {
        let root = Fixtures.repositoryRoot.appendingPathComponent(folder)
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return [] }
        return walker.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".\(ext)") && ($0 as NSString).lastPathComponent.hasPrefix(prefix) && !$0.hasSuffix("blueprint.json") }
            .map { "\(folder)/\($0)" }.sorted()
    }

    static let xmlSources = files("Tests/QBankXMLTests/Fixtures", ext: "xml", prefix: "valid") + files("Banks", ext: "xml")
    static let jsonSources = files("Tests/QBankJSONTests/Fixtures/valid", ext: "json") + files("Banks", ext: "json")

    func read(_ path: String) throws -> BankFile {
        let data = try Data(contentsOf: Fixtures.repositoryRoot.appendingPathComponent(path))
        let reader: any BankReader = path.hasSuffix(".xml") ? XMLBankReader() : JSONBankReader()
        let result = reader.read([UInt8](data), path: path)
        #expect(result.diagnostics.isEmpty, "\(path): \(result.diagnostics.map(\.message))")
        return try #require(result.file)
    }

    @Test func thereAreFilesToConvert() {
        #expect(Self.xmlSources.count >= 3)
        #expect(Self.jsonSources.count >= 5)
    }

    @Test(arguments: xmlSources)
    func xmlToJSONToXML(_ path: String) throws {
        let original = try read(path)
        let asJSON = JSONBankWriter().write(original)
        let viaJSON = try #require(JSONBankReader().read(Array(asJSON.utf8), path: path).file)
        #expect(viaJSON == original)
        let backToXML = XMLBankWriter().write(viaJSON)
        let again = try #require(XMLBankReader().read(Array(backToXML.utf8), path: path).file)
        #expect(again == original)
        #expect(XMLBankWriter().write(again) == XMLBankWriter().write(original))
    }

    @Test(arguments: jsonSources)
    func jsonToXMLToJSON(_ path: String) throws {
        let original = try read(path)
        let asXML = XMLBankWriter().write(original)
        let viaXML = try #require(XMLBankReader().read(Array(asXML.utf8), path: path).file)
        #expect(viaXML == original)
        let backToJSON = JSONBankWriter().write(viaXML)
        let again = try #require(JSONBankReader().read(Array(backToJSON.utf8), path: path).file)
        #expect(again == original)
        #expect(JSONBankWriter().write(again) == JSONBankWriter().write(original))
    }
}

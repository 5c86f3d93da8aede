import Foundation
import QBankCore
import QBankJSON
import QBankMarkdown
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

/// Markdown in item texts: the indented XML fixture and its JSON twin are one model, and
/// between them they hold every block kind in every kind of text field.
struct RichContentSyntaxTests {
    let tests = CrossSyntaxRoundTripTests()

    @Test func indentedXMLAndJSONStringsReadTheSame() throws {
        let xml = try tests.read("Tests/QBankXMLTests/Fixtures/valid-rich-content.xml")
        let json = try tests.read("Tests/QBankJSONTests/Fixtures/valid/rich-content.json")
        #expect(xml.items == json.items && xml.cases == json.cases)
    }

    @Test func theFixtureHoldsEveryBlockAndInlineKind() throws {
        let file = try tests.read("Tests/QBankXMLTests/Fixtures/valid-rich-content.xml")
        var kinds: Set<String> = []
        func note(_ inlines: [RichInline]) {
            for inline in inlines {
                switch inline {
                case .text: kinds.insert("text")
                case .strong(let children): kinds.insert("strong"); note(children)
                case .emphasis(let children): kinds.insert("emphasis"); note(children)
                case .code: kinds.insert("inline code")
                case .link(_, let children): kinds.insert("link"); note(children)
                case .image: kinds.insert("inline image")
                case .lineBreak: kinds.insert("line break")
                }
            }
        }
        func note(_ blocks: [RichBlock]) {
            for block in blocks {
                switch block {
                case .paragraph(let inlines): kinds.insert("paragraph"); note(inlines)
                case .code: kinds.insert("code")
                case .list(let start, let items): kinds.insert(start == nil ? "bullets" : "numbers"); items.forEach(note)
                case .table(let header, let rows): kinds.insert("table"); header.forEach(note); rows.flatMap { $0 }.forEach(note)
                case .image: kinds.insert("image")
                }
            }
        }
        for item in file.allItems {
            var texts = [item.stem.value]
            switch item.body {
            case .choice(let body): texts += body.options.flatMap { [$0.text.value] + ($0.rationale.map { [$0] } ?? []) }
            case .ordering(let steps): texts += steps.map(\.text.value)
            case .matching(let body): texts += body.prompts.flatMap { [$0.text.value] + ($0.rationale.map { [$0] } ?? []) } + body.responses.map(\.text.value)
            }
            texts.forEach { note(MarkdownReader.read($0).blocks) }
        }
        file.cases.forEach { note(MarkdownReader.read($0.scenario.value).blocks) }
        #expect(kinds.isSuperset(of: ["paragraph", "code", "bullets", "numbers", "table", "image", "text", "strong", "emphasis", "inline code", "link"]))
    }
}

import Foundation
import Testing
import TestSupport

struct FmtCommandTests {
    static let loose = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bank xmlns="urn:qbank:bank:1">
            <item status="draft" id="q1" type="ordering" domain="3" task="3.3" shuffle="true">
              <stem>Arrange   the steps.</stem>
              <steps><step id="s1"><text>Register</text></step><step id="s2"><text>Approve</text></step><step id="s3"><text>Deploy</text></step></steps>
              <references><reference url="https://docs.aws.amazon.com/" title="Docs" /></references>
            </item>
        </bank>

        """

    func folder(_ files: [String: String]) throws -> URL {
        let folder = try CLI.temporaryFolder()
        for (name, text) in files { try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return folder
    }

    /// Issue #12 case 12: eight files of the shipped bank failed `fmt --check`. Whoever edits `Banks/` runs `qbank fmt Banks`.
    @Test func theSampleBankIsCanonical() throws {
        let result = try CLI.run(["fmt", "--check", "Banks"])
        #expect(result.status == 0 && result.stdout.isEmpty, "run `swift run qbank fmt Banks`:\n\(result.stdout)\(result.stderr)")
    }

    @Test func checkListsThenFmtRewritesWithoutChangingMeaning() throws {
        let dir = try folder(["a.xml": Self.loose])
        let check = try CLI.run(["fmt", ".", "--check"], in: dir)
        #expect(check.status == 1)
        #expect(check.stdout.contains("would reformat a.xml"))
        #expect(try String(contentsOf: dir.appendingPathComponent("a.xml"), encoding: .utf8) == Self.loose, "--check must not write")
        let lintBefore = try CLI.run(["lint", ".", "--format", "json"], in: dir).stdout
        #expect(try CLI.run(["fmt", "."], in: dir).status == 0)
        let formatted = try String(contentsOf: dir.appendingPathComponent("a.xml"), encoding: .utf8)
        #expect(formatted.contains(#"<item id="q1" type="ordering" domain="3" task="3.3" status="draft">"#))
        #expect(try CLI.run(["fmt", ".", "--check"], in: dir).status == 0)
        let lintAfter = try CLI.run(["lint", ".", "--format", "json"], in: dir).stdout
        #expect(try findings(lintBefore) == findings(lintAfter), "same meaning: the same findings, wherever they now point")
        #expect(try !findings(lintBefore).isEmpty)
    }

    /// Rule, item and message of each finding, without positions.
    func findings(_ json: String) throws -> [String] {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        return (object?["findings"] as? [[String: Any]] ?? []).map { "\($0["rule"] ?? "") \($0["item"] ?? "") \($0["message"] ?? "")" }.sorted()
    }

    @Test func jsonKeepsItsSchemaReference() throws {
        let json = #"{"$schema": "../Schemas/qbank-bank.schema.json", "format": "urn:qbank:bank:1", "items": [{"id": "q1", "type": "ordering", "domain": 3, "task": "3.3", "status": "draft", "stem": "Order.", "steps": [{"id": "s1", "text": "A"}, {"id": "s2", "text": "B"}, {"id": "s3", "text": "C"}]}]}"#
        let dir = try folder(["a.json": json])
        #expect(try CLI.run(["fmt", "a.json"], in: dir).status == 0)
        let formatted = try String(contentsOf: dir.appendingPathComponent("a.json"), encoding: .utf8)
        #expect(formatted.hasPrefix("{\n  \"$schema\": \"../Schemas/qbank-bank.schema.json\",\n  \"format\""))
        #expect(try CLI.run(["fmt", "a.json", "--check"], in: dir).status == 0)
    }

    @Test func xmlKeepsItsSchemaLocation() throws {
        let xml = """
            <?xml version="1.0"?>
            <bank xmlns="urn:qbank:bank:1"
                  xmlns:xs='http://www.w3.org/2001/XMLSchema-instance' xs:schemaLocation='urn:qbank:bank:1  ../Schemas/qbank-bank.xsd'>
              <item id="q1" type="ordering" domain="3" task="3.3" status="draft"><stem>Order.</stem>
              <steps><step id="s1"><text>A</text></step><step id="s2"><text>B</text></step><step id="s3"><text>C</text></step></steps></item>
            </bank>
            """
        let dir = try folder(["a.xml": xml])
        #expect(try CLI.run(["lint", "a.xml", "--select", "QB0"], in: dir).status == 0)
        #expect(try CLI.run(["fmt", "a.xml"], in: dir).status == 0)
        let formatted = try String(contentsOf: dir.appendingPathComponent("a.xml"), encoding: .utf8)
        #expect(formatted.contains(#"<bank xmlns="urn:qbank:bank:1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="urn:qbank:bank:1 ../Schemas/qbank-bank.xsd">"#), "\(formatted)")
        #expect(try CLI.run(["fmt", "a.xml", "--check"], in: dir).status == 0)
        #expect(try CLI.run(["lint", "a.xml", "--select", "QB0"], in: dir).status == 0)
    }

    @Test func newAndConvertWriteThePublishedSchemaLinks() throws {
        let xml = try CLI.run(["new", "--type", "single", "--domain", "1", "--task", "1.1"])
        #expect(xml.stdout.contains(#"xsi:schemaLocation="urn:qbank:bank:1 https://qbank.dev/schemas/qbank-bank.xsd""#))
        let json = try CLI.run(["new", "--type", "single", "--domain", "1", "--task", "1.1", "--as", "json"])
        #expect(json.stdout.hasPrefix("{\n  \"$schema\": \"https://qbank.dev/schemas/qbank-bank.schema.json\",\n  \"format\""), "\(json.stdout)")
        let dir = try folder(["a.xml": xml.stdout])
        #expect(try CLI.run(["convert", "a.xml", "--to", "json"], in: dir).status == 0)
        let converted = try String(contentsOf: dir.appendingPathComponent("a.json"), encoding: .utf8)
        #expect(converted.hasPrefix("{\n  \"$schema\": \"https://qbank.dev/schemas/qbank-bank.schema.json\""))
        #expect(try CLI.run(["lint", "a.json", "a.xml", "--select", "QB0"], in: dir).status == 0)
    }

    @Test func refusesFilesWithCommentsOrErrors() throws {
        let commented = Self.loose.replacingOccurrences(of: "<stem>", with: "<!-- qbank-disable QB110 --><stem>")
        let dir = try folder(["c.xml": commented, "broken.xml": "<bank xmlns=\"urn:qbank:bank:1\"><item>", "ok.xml": Self.loose])
        let result = try CLI.run(["fmt", "."], in: dir)
        #expect(result.status == 2)
        #expect(result.stderr.contains("c.xml: not formatted: contains XML comments"))
        #expect(result.stderr.contains("broken.xml: not formatted: has syntax or schema errors"))
        #expect(try String(contentsOf: dir.appendingPathComponent("c.xml"), encoding: .utf8) == commented)
        #expect(try String(contentsOf: dir.appendingPathComponent("ok.xml"), encoding: .utf8) != Self.loose, "other files are still formatted")
    }
}

import Foundation
import Testing
import TestSupport

/// End to end: `qbank lint` on real files, checked by exit code and output.
@Suite(.serialized)
struct LintCommandTests {
    static let badItem = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bank xmlns="urn:qbank:bank:1">
          <item id="q1" type="single" domain="1" task="1.1" status="draft">
            <stem>Which service stores training data as objects?</stem>
            <options>
              <option id="a" correct="true"><text>Amazon S3</text><rationale>Object storage.</rationale></option>
              <option id="b" correct="true"><text>Amazon EFS</text><rationale>File storage.</rationale></option>
              <option id="c"><text>Amazon EBS</text><rationale>Block storage.</rationale></option>
              <option id="d"><text>Amazon FSx</text><rationale>File storage.</rationale></option>
            </options>
            <references><reference title="S3" url="https://docs.aws.amazon.com/s3/"/></references>
          </item>
        </bank>

        """

    func bank(_ files: [String: String]) throws -> URL {
        let folder = try CLI.temporaryFolder()
        let blueprint = Fixtures.repositoryRoot.appendingPathComponent("Banks/mla-c01/blueprint.json")
        try FileManager.default.copyItem(at: blueprint, to: folder.appendingPathComponent("blueprint.json"))
        for (name, text) in files { try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return folder
    }

    @Test func sampleBankIsClean() throws {
        let result = try CLI.run(["lint", "Banks"])
        #expect(result.status == 0, "qbank lint Banks: \(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("No problems found"))
    }

    @Test func errorFindingsExitOneWithCaret() throws {
        let folder = try bank(["bad.xml": Self.badItem])
        let result = try CLI.run(["lint", "."], in: folder)
        #expect(result.status == 1)
        #expect(result.stdout.contains("bad.xml:3:3: error:"))
        #expect(result.stdout.contains("QB101"))
        #expect(result.stdout.contains("  ^"))
    }

    @Test func malformedInputExitsTwoWithPosition() throws {
        let folder = try bank(["broken.json": "{\"format\": \"urn:qbank:bank:1\",\n  \"items\": [\n}\n"])
        let result = try CLI.run(["lint", "broken.json"], in: folder)
        #expect(result.status == 2)
        #expect(result.stdout.contains("broken.json:3:1: error:"), "\(result.stdout)")
    }

    @Test func missingPathAndUnknownRuleAreUsageErrors() throws {
        #expect(try CLI.run(["lint", "no/such/folder"]).status == 2)
        #expect(try CLI.run(["lint", "Banks", "--select", "QB777"]).status == 2)
        #expect(try CLI.run(["lint", "Banks", "--format", "yaml"]).status == 2)
    }

    @Test func jsonReportKeepsTheContract() throws {
        let folder = try bank(["bad.xml": Self.badItem])
        let result = try CLI.run(["lint", ".", "--format", "json"], in: folder)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        let first = try #require(findings.first)
        for key in ["rule", "name", "severity", "message", "file", "line", "column", "item"] {
            #expect(first[key] != nil, "finding lacks \(key)")
        }
        #expect(first["rule"] as? String == "QB101")
        #expect(first["item"] as? String == "q1")
    }

    @Test func selectIgnoreAndMaxWarnings() throws {
        let folder = try bank(["bad.xml": Self.badItem])
        #expect(try CLI.run(["lint", ".", "--ignore", "single-answer-key-count"], in: folder).status == 0)
        #expect(try CLI.run(["lint", ".", "--select", "QB11"], in: folder).status == 0)
        #expect(try CLI.run(["lint", ".", "--exit-zero"], in: folder).status == 0)
        let noReference = Self.badItem.replacingOccurrences(of: "correct=\"true\"><text>Amazon EFS", with: "><text>Amazon EFS")
            .replacingOccurrences(of: "<references><reference title=\"S3\" url=\"https://docs.aws.amazon.com/s3/\"/></references>", with: "")
        let warned = try bank(["warn.xml": noReference])
        #expect(try CLI.run(["lint", "."], in: warned).status == 0)
        #expect(try CLI.run(["lint", ".", "--max-warnings", "0"], in: warned).status == 1)
    }

    @Test func outputFileIsWrittenWhole() throws {
        let folder = try bank(["bad.xml": Self.badItem])
        let result = try CLI.run(["lint", ".", "--format", "sarif", "--output", "out.sarif", "--format", "text"], in: folder)
        #expect(result.status == 2, "two stdout-bound formats with --output is ambiguous")
        let written = try CLI.run(["lint", ".", "--format", "sarif:out.sarif", "--format", "junit:out.xml"], in: folder)
        #expect(written.status == 1)
        let sarif = try String(contentsOf: folder.appendingPathComponent("out.sarif"), encoding: .utf8)
        #expect(sarif.contains("\"version\" : \"2.1.0\"") || sarif.contains("\"version\": \"2.1.0\""))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func sarifOutputValidates() throws {
        let folder = try bank(["bad.xml": Self.badItem])
        _ = try CLI.run(["lint", ".", "--format", "sarif:out.sarif"], in: folder)
        guard let (status, output) = try CLI.validateSARIF(folder.appendingPathComponent("out.sarif")) else { return }
        #expect(status == 0, "\(output)")
        #expect(!output.contains("GITHUB"), "\(output)")
    }

    @Test func statisticsGoToStderr() throws {
        let folder = try bank(["bad.xml": Self.badItem])
        let result = try CLI.run(["lint", ".", "--format", "json", "--statistics"], in: folder)
        #expect(result.stderr.contains("QB101"))
        #expect((try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))) != nil)
    }
}

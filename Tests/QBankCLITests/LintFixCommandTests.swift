import Foundation
import Testing
import TestSupport

/// `qbank lint --fix` on a copy of a flawed bank: it fixes what it claims and leaves every other
/// byte (comments, layout, attribute spacing, entities, escapes) alone; `--diff` shows and writes nothing.
@Suite(.serialized)
struct LintFixCommandTests {
    static let flawedXML = #"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bank xmlns="urn:qbank:bank:1">
          <!-- a comment that must survive -->
          <item id="q1" type="single" domain="1" task="1.1" status="draft">
            <stem>An ML engineer stores training data in Amazon S3 &amp; Glacier. Which option does not encrypt the data at rest?</stem>
            <options>
              <option id="a" correct="true"><text>Disable default encryption</text><rationale>x</rationale></option>
              <option id="b"><text>SSE-S3</text><rationale>x</rationale></option>
              <option id="c"><text>SSE-KMS</text><rationale>x</rationale></option>
              <option id="d"><text>DSSE-KMS</text><rationale>x</rationale></option>
            </options>
            <references><reference title="S3" url="https://docs.aws.amazon.com/s3/"/></references>
          </item>
          <item id="q2"   type="multiple" select="2" domain="1" task="1.1" status="draft">
            <stem>Which services store objects?</stem>
            <options>
              <option id="a" correct="true"><text>Amazon S3</text><rationale>x</rationale></option>
              <option id="b" correct="true"><text>Amazon S3 Glacier</text><rationale>x</rationale></option>
              <option id="c"><text>Amazon EBS</text><rationale>x</rationale></option>
              <option id="d"><text>Amazon EFS</text><rationale>x</rationale></option>
              <option id="e"><text>Amazon RDS</text><rationale>x</rationale></option>
            </options>
            <references><reference title="S3" url="https://docs.aws.amazon.com/s3/"/></references>
          </item>
          <item id="q3" type="ordering" domain="1" task="1.1" status="draft">
            <stem>In which order should the engineer run these steps?</stem>
            <steps>
              <step id="s1"><text>1. Create the bucket</text><rationale>x</rationale></step>
              <step id="s2"><text>2) Upload the data</text><rationale>x</rationale></step>
              <step id="s3"><text>(c) Start the job</text><rationale>x</rationale></step>
            </steps>
            <references><reference title="S3" url="https://docs.aws.amazon.com/s3/"/></references>
          </item>
        </bank>

        """#

    static let flawedJSON = #"""
        {"format": "urn:qbank:bank:1",
         "items": [
          {"id": "j1", "type": "multiple", "select": 2, "domain": 1, "task": "1.1", "status": "draft",
           "stem": "Which \"object\" services store data? (Select THREE.)",
           "options": [
             {"id": "a", "correct": true, "text": "Amazon S3", "rationale": "x"},
             {"id": "b", "correct": true, "text": "Amazon S3 Glacier", "rationale": "x"},
             {"id": "c", "text": "Amazon EBS", "rationale": "x"},
             {"id": "d", "text": "Amazon EFS", "rationale": "x"},
             {"id": "e", "text": "Amazon RDS", "rationale": "x"}],
           "references": [{"title": "S3", "url": "https://docs.aws.amazon.com/s3/"}]}
         ]}

        """#

    /// The texts with exactly the edits the fixes claim, and nothing else.
    static let fixedXML = flawedXML
        .replacingOccurrences(of: "Which option does not encrypt", with: "Which option does NOT encrypt")
        .replacingOccurrences(of: "<stem>Which services store objects?</stem>", with: "<stem>Which services store objects? (Select TWO.)</stem>")
        .replacingOccurrences(of: "<text>1. Create", with: "<text>Create")
        .replacingOccurrences(of: "<text>2) Upload", with: "<text>Upload")
        .replacingOccurrences(of: "<text>(c) Start", with: "<text>Start")
    static let fixedJSON = flawedJSON.replacingOccurrences(of: "(Select THREE.)", with: "(Select TWO.)")

    func flawedBank() throws -> URL {
        try CLI.bank(["flawed.xml": Self.flawedXML, "flawed.json": Self.flawedJSON])
    }

    func contents(_ folder: URL, _ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    @Test func fixRepairsWhatItClaimsAndLeavesEveryOtherByte() throws {
        let folder = try flawedBank()
        let before = try CLI.run(["lint", "--format", "json"], in: folder)
        #expect(before.status == 1)
        for code in ["QB111", "QB201", "QB401", "QB402"] { #expect(before.stdout.contains(code)) }
        let fixed = try CLI.run(["lint", "--fix"], in: folder)
        #expect(fixed.status == 0, "\(fixed.stdout)\(fixed.stderr)")
        #expect(fixed.stderr.contains("fixed 6 findings in 2 files; 0 remaining"), "\(fixed.stderr)")
        #expect(try contents(folder, "flawed.xml") == Self.fixedXML)
        #expect(try contents(folder, "flawed.json") == Self.fixedJSON)
        // Fixed is fixed: a second run changes nothing.
        let again = try CLI.run(["lint", "--fix"], in: folder)
        #expect(again.stderr.contains("fixed 0 findings in 0 files"))
        #expect(try contents(folder, "flawed.xml") == Self.fixedXML)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).allSatisfy { !$0.hasSuffix(".tmp") })
    }

    @Test func diffShowsTheFixesAndWritesNothing() throws {
        let folder = try flawedBank()
        let result = try CLI.run(["lint", "--diff"], in: folder)
        #expect(result.status == 1)
        #expect(try contents(folder, "flawed.xml") == Self.flawedXML)
        #expect(result.stdout.hasPrefix("--- flawed.json\n+++ flawed.json\n@@ -1,7 +1,7 @@\n"), "\(result.stdout)")
        #expect(result.stdout.contains("-      <step id=\"s1\"><text>1. Create the bucket</text><rationale>x</rationale></step>\n"
            + "-      <step id=\"s2\"><text>2) Upload the data</text><rationale>x</rationale></step>\n"))
        #expect(result.stdout.contains("+    <stem>Which services store objects? (Select TWO.)</stem>\n"))
        // The diff is the one `diff -u` prints for the fixed file.
        let copy = try CLI.temporaryFolder()
        try Self.fixedXML.write(to: copy.appendingPathComponent("flawed.xml"), atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["diff", "-u", folder.appendingPathComponent("flawed.xml").path, copy.appendingPathComponent("flawed.xml").path]
        let pipe = Pipe()
        process.standardOutput = pipe
        guard (try? process.run()) != nil else { return }
        let expected = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let hunks = { (text: String) in text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("---") && !$0.hasPrefix("+++") } }
        let ours = String(result.stdout[result.stdout.range(of: "--- flawed.xml")!.lowerBound...])
        #expect(hunks(ours) == hunks(expected))
        #expect(try CLI.run(["lint", "--diff"], in: folder).status == 1)
    }

    @Test func standardInputIsFixedToStandardOutput() throws {
        let folder = try flawedBank()
        let result = try CLI.run(["lint", "-", "--stdin-filename", "flawed.json", "--fix"], in: folder, input: Self.flawedJSON)
        #expect(result.status == 0)
        #expect(result.stdout == Self.fixedJSON)
        #expect(try contents(folder, "flawed.json") == Self.flawedJSON)
    }

    static let stem = "A data science team stores raw clickstream logs for model training. The logs arrive every hour from three regions, are read by nightly training jobs, and must keep every version of each file for seven years for audits. Which service should the team"

    /// An item whose stem ends in `verb`: two of them are near-duplicates.
    static func variant(_ id: String, _ verb: String) -> String {
        """
          <item id="\(id)" type="single" domain="1" task="1.1" status="draft">
            <stem>\(stem) \(verb)?</stem>
            <options>
              <option id="a" correct="true"><text>Amazon S3 with versioning</text><rationale>x</rationale></option>
              <option id="b"><text>Amazon EFS</text><rationale>x</rationale></option>
              <option id="c"><text>Amazon EBS</text><rationale>x</rationale></option>
              <option id="d"><text>Amazon FSx for Lustre</text><rationale>x</rationale></option>
            </options>
            <references><reference title="S3" url="https://docs.aws.amazon.com/s3/"/></references>
          </item>
        """
    }

    /// Numeric options out of order under shuffle="false" (QB312, safe) and a near-duplicate (QB503, unsafe).
    static let variants = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bank xmlns="urn:qbank:bank:1">
          <item id="q1" type="single" domain="3" task="3.1" status="draft" shuffle="false">
            <stem>What is the maximum payload size of a SageMaker AI real-time endpoint invocation?</stem>
            <options>
              <option id="a"><text>1 MB</text><rationale>Too small.</rationale></option>
              <option id="b" correct="true"><text>25 MB</text><rationale>The limit.</rationale></option>
              <option id="c"><text>6 MB</text><rationale>An older limit.</rationale></option>
              <option id="d"><text>100 MB</text><rationale>Too large.</rationale></option>
            </options>
            <references><reference title="Limits" url="https://docs.aws.amazon.com/sagemaker/"/></references>
          </item>
        \(variant("v1", "use"))
        \(variant("v2", "choose"))
        </bank>

        """

    @Test func optionsAreReorderedWholeAndEnemiesNeedUnsafeFixes() throws {
        let folder = try CLI.bank(["variants.xml": Self.variants])
        let c = #"      <option id="c"><text>6 MB</text><rationale>An older limit.</rationale></option>"#
        let b = #"      <option id="b" correct="true"><text>25 MB</text><rationale>The limit.</rationale></option>"#
        let ordered = Self.variants.replacingOccurrences(of: b + "\n" + c, with: c + "\n" + b)
        #expect(ordered != Self.variants)
        let safe = try CLI.run(["lint", "--fix", "--select", "QB312,QB503"], in: folder)
        #expect(safe.status == 0, "\(safe.stdout)\(safe.stderr)")
        #expect(safe.stderr.contains("fixed 1 finding in 1 file; 1 remaining"), "\(safe.stderr)")
        #expect(try contents(folder, "variants.xml") == ordered)
        let unsafe = try CLI.run(["lint", "--fix", "--unsafe-fixes", "--select", "QB312,QB503"], in: folder)
        #expect(unsafe.stderr.contains("fixed 1 finding in 1 file; 0 remaining"), "\(unsafe.stderr)")
        let withEnemies = ordered.replacingOccurrences(
            of: "<references><reference title=\"S3\" url=\"https://docs.aws.amazon.com/s3/\"/></references>\n  </item>\n</bank>",
            with: "<references><reference title=\"S3\" url=\"https://docs.aws.amazon.com/s3/\"/></references>\n    <enemies><enemy ref=\"v1\"/></enemies>\n  </item>\n</bank>")
        #expect(try contents(folder, "variants.xml") == withEnemies)
        #expect(try CLI.run(["lint", "variants.xml", "--select", "QB0"], in: folder).status == 0)
    }

    /// SARIF of a real run: every region has an end, fixable findings carry fixes whose byte ranges hold
    /// the text they replace, and the log validates against the SARIF 2.1.0 schema with no GitHub advisory.
    @Test func sarifWithEndsAndFixesValidates() throws {
        let folder = try flawedBank()
        _ = try CLI.run(["lint", "--format", "sarif:out.sarif"], in: folder)
        let data = try Data(contentsOf: folder.appendingPathComponent("out.sarif"))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let results = try #require(((root["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]))
        #expect(results.count == 6)
        for result in results {
            let region = try #require(((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["region"] as? [String: Int])
            #expect(region["endLine"] != nil && region["endColumn"]! > region["startColumn"]!, "\(region)")
            let change = try #require(((result["fixes"] as? [[String: Any]])?.first?["artifactChanges"] as? [[String: Any]])?.first)
            let uri = try #require((change["artifactLocation"] as? [String: Any])?["uri"] as? String)
            let bytes = Array(try Data(contentsOf: folder.appendingPathComponent(uri)))
            for replacement in change["replacements"] as? [[String: Any]] ?? [] {
                let deleted = try #require(replacement["deletedRegion"] as? [String: Int])
                #expect(deleted["byteOffset"]! + deleted["byteLength"]! <= bytes.count)
            }
        }
        guard let (status, output) = try CLI.validateSARIF(folder.appendingPathComponent("out.sarif")) else { return }
        #expect(status == 0 && output.contains("valid SARIF 2.1.0"), "\(output)")
        #expect(!output.contains("GITHUB"), "\(output)")
    }

    @Test func unsafeFixesNeedFixOrDiff() throws {
        #expect(try CLI.run(["lint", "Banks", "--unsafe-fixes"]).status == 2)
        #expect(try CLI.run(["lint", "Banks", "--fix", "--write-baseline", "b.json"]).status == 2)
    }
}

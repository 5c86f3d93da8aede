import Foundation
import Testing
import TestSupport

/// `qbank analyze` end to end: key + responses CSV in, report out, exit codes as documented.
struct AnalyzeCommandTests {
    static let key = """
        {"form": "form-1", "items": [
          {"id": "i1", "position": 1, "type": "single", "scored": true, "answer": "b"},
          {"id": "i2", "position": 2, "type": "multiple", "scored": true, "answer": ["a", "c"]},
          {"id": "i3", "position": 3, "type": "matching", "scored": false, "answer": {"p1": "r1", "p2": "r2"}}
        ]}
        """
    static let responses = """
        candidate,i1,i2,i3
        c1,b,c|a,p1=r1|p2=r2
        c2,b,a|c,p1=r2|p2=r1
        c3,b,a,
        c4,a,,p1=r1
        """

    static func files(responses: String = responses) throws -> (key: String, responses: String) {
        let folder = try CLI.temporaryFolder()
        let key = folder.appendingPathComponent("form-1.key.json"), answers = folder.appendingPathComponent("form-1.csv")
        try Self.key.write(to: key, atomically: true, encoding: .utf8)
        try responses.write(to: answers, atomically: true, encoding: .utf8)
        return (key.path, answers.path)
    }

    @Test func reportsItemsAndTheFormAsJSON() throws {
        let (key, responses) = try Self.files()
        let result = try CLI.run(["analyze", "--key", key, "--responses", responses, "--format", "json", "--min-p", "0"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(#""pValue": 0.75"#))
        #expect(result.stdout.contains(#""scoredItems": 2"#))
        #expect(result.stdout.contains(#""omitRate": 0.25"#))
    }

    @Test func flaggedItemsExitOneAndAreNamed() throws {
        let (key, responses) = try Self.files()
        let result = try CLI.run(["analyze", "--key", key, "--responses", responses, "--min-p", "0.3"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("i3: too hard (p 0.250)"))
    }

    @Test func htmlCarriesCharts() throws {
        let (key, responses) = try Self.files()
        let out = try CLI.temporaryFolder().appendingPathComponent("analysis.html")
        let result = try CLI.run(["analyze", "--key", key, "--responses", responses, "--format", "html", "--output", out.path, "--min-p", "0"])
        #expect(result.status == 0)
        let html = try String(contentsOf: out, encoding: .utf8)
        #expect(html.contains(#"data-chart="distribution-form-1""#) && html.contains(#"data-chart="item-map""#))
    }

    @Test func badCellsAndUnknownColumnsExitTwoWithThePlace() throws {
        let (key, bad) = try Self.files(responses: "candidate,i1,i2,i3\nc1,b,a,p1\n")
        let result = try CLI.run(["analyze", "--key", key, "--responses", bad])
        #expect(result.status == 2)
        #expect(result.stderr.contains("form-1.csv:2:4: 'p1' is not a matching response to 'i3'"))
        let (_, unknown) = try Self.files(responses: "candidate,i1,i2,i9\n")
        let second = try CLI.run(["analyze", "--key", key, "--responses", unknown])
        #expect(second.status == 2 && second.stderr.contains("column 'i9' is not an item"))
        let unpaired = try CLI.run(["analyze", "--key", key])
        #expect(unpaired.status == 2)
    }
}

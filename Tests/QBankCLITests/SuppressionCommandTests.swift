import Foundation
import Testing
import TestSupport

/// End to end: inline suppressions in both syntaxes, and how reports show them.
@Suite(.serialized)
struct SuppressionCommandTests {
    @Test func xmlSuppressionsSilenceAndAreJudged() throws {
        let folder = try CLI.bank(["a.xml": CLI.itemsFile([
            ("q1", "<!-- qbank-disable QB110 - rationales are written in review -->"),
            ("q2", "<!-- qbank-disable QB110 QB101 -->"),
            ("q3", "<!-- qbank-disable QB11O - typo -->"),
        ])])
        let result = try CLI.run(["lint", "."], in: folder)
        #expect(result.status == 0, "\(result.stdout)")
        #expect(!result.stdout.contains("item 'q1' "), "\(result.stdout)")
        #expect(result.stdout.contains("[QB901 unused-suppression]"))
        #expect(result.stdout.contains("[QB903 blanket-suppression]"))
        #expect(result.stdout.contains("'QB11O', which is no rule (did you mean 'QB110'?)"))
        #expect(result.stdout.contains("[QB110 missing-rationale-or-reference]"))   // q3 is not silenced
    }

    @Test func jsonSuppressions() throws {
        let file = """
            {"format": "urn:qbank:bank:1", "items": [{"id": "q1", "type": "ordering", "domain": 3, "task": "3.3",
              "status": "draft", "stem": "Arrange the steps to release a model.",
              "steps": [{"id": "s1", "text": "Register"}, {"id": "s2", "text": "Approve"}, {"id": "s3", "text": "Deploy"}],
              "qbank": {"disable": ["missing-rationale-or-reference"], "reason": "legacy"}}]}
            """
        let folder = try CLI.bank(["a.json": file])
        let result = try CLI.run(["lint", ".", "--strict"], in: folder)
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("No problems found"))
    }

    @Test func sarifListsSuppressedFindingsAsSuppressed() throws {
        let folder = try CLI.bank(["a.xml": CLI.itemsFile([("q1", "<!-- qbank-disable QB110 - in review -->")])])
        let result = try CLI.run(["lint", ".", "--format", "sarif"], in: folder)
        #expect(result.status == 0)
        let sarif = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let run = try #require((sarif["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 1)
        let suppressions = results.first?["suppressions"] as? [[String: Any]]
        #expect(suppressions?.first?["kind"] as? String == "inSource")
        #expect(suppressions?.first?["justification"] as? String == "in review")
    }
}

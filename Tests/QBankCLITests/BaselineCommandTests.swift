import Foundation
import Testing
import TestSupport

/// End to end: write a baseline, fail only on new findings, report stale entries.
@Suite(.serialized)
struct BaselineCommandTests {
    func strictRun(_ folder: URL, _ extra: [String] = []) throws -> CLI.Result {
        try CLI.run(["lint", ".", "--strict"] + extra, in: folder)
    }

    @Test func adoptThenFailOnlyOnNewFindings() throws {
        let folder = try CLI.bank(["a.xml": CLI.itemsFile([("q1", ""), ("q2", "")])])
        #expect(try strictRun(folder).status == 1)
        let write = try strictRun(folder, ["--write-baseline", "qbank-baseline.json"])
        #expect(write.status == 0, "\(write.stderr)")
        #expect(write.stderr.contains("wrote 2 findings (2 entries) to qbank-baseline.json"))
        let text = try String(contentsOf: folder.appendingPathComponent("qbank-baseline.json"), encoding: .utf8)
        #expect(text.contains(#""item": "q1", "name": "missing-rationale-or-reference", "rule": "QB110"}"#))
        #expect(!text.contains("line"))

        let accepted = try strictRun(folder, ["--baseline", "qbank-baseline.json"])
        #expect(accepted.status == 0, "\(accepted.stdout)")
        #expect(accepted.stderr.contains("2 findings accepted by the baseline"))

        // Moving items (new lines above them) changes nothing; a new item fails.
        try CLI.itemsFile([("q0", ""), ("q1", ""), ("q2", "")]).write(to: folder.appendingPathComponent("a.xml"), atomically: true, encoding: .utf8)
        let added = try strictRun(folder, ["--baseline", "qbank-baseline.json"])
        #expect(added.status == 1)
        #expect(added.stdout.contains("item 'q0'"))
        #expect(!added.stdout.contains("item 'q1'"))
    }

    /// `"baseline"` in qbank.json applies on every run; `--ignore-baseline` shows every finding again.
    @Test func theConfigurationNamesTheBaselineAndIgnoreBaselineSetsItAside() throws {
        let folder = try CLI.bank(["a.xml": CLI.itemsFile([("q1", ""), ("q2", "")])])
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("b"), withIntermediateDirectories: true)
        #expect(try strictRun(folder, ["--write-baseline", "b/accepted.json"]).status == 0)
        try #"{"baseline": "b/accepted.json"}"#.write(to: folder.appendingPathComponent("qbank.json"), atomically: true, encoding: .utf8)
        let accepted = try strictRun(folder)
        #expect(accepted.status == 0, "\(accepted.stdout)\(accepted.stderr)")
        #expect(accepted.stderr.contains("2 findings accepted by the baseline"))
        let everything = try strictRun(folder, ["--ignore-baseline"])
        #expect(everything.status == 1 && everything.stdout.contains("item 'q1'") && everything.stdout.contains("item 'q2'"))
        #expect(!everything.stdout.contains("accepted.json"), "the baseline the config names is never linted as a bank file")
        #expect(try strictRun(folder, ["--ignore-baseline", "--strict-baseline"]).status == 2)
        #expect(try strictRun(folder, ["--ignore-baseline", "--baseline", "b/accepted.json"]).status == 2)
        let config = try CLI.run(["lint", "--print-config"], in: folder)
        #expect(config.stdout.contains("b/accepted.json"))
    }

    @Test func staleEntriesAreReportedAndCanFail() throws {
        let folder = try CLI.bank(["a.xml": CLI.itemsFile([("q1", ""), ("q2", "")])])
        #expect(try strictRun(folder, ["--write-baseline", "b.json"]).status == 0)
        // q2 is reworded: its entry goes stale and its finding is new.
        let edited = CLI.itemsFile([("q1", ""), ("q2", "")]).replacingOccurrences(of: "for team q2", with: "for the q2 team")
        try edited.write(to: folder.appendingPathComponent("a.xml"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["lint", ".", "--baseline", "b.json"], in: folder)
        #expect(result.status == 0)
        #expect(result.stderr.contains("1 baselined finding is gone"), "\(result.stderr)")
        #expect(result.stderr.contains("QB110 on 'q2'"))
        #expect(try CLI.run(["lint", ".", "--baseline", "b.json", "--strict-baseline"], in: folder).status == 1)
        // Pruning: write again, and nothing is stale.
        #expect(try CLI.run(["lint", ".", "--baseline", "b.json", "--write-baseline", "b.json"], in: folder).status == 0)
        #expect(try CLI.run(["lint", ".", "--baseline", "b.json", "--strict-baseline", "--strict"], in: folder).status == 0)
    }

    @Test func baselinedFindingsAreExternalSuppressionsInSARIF() throws {
        let folder = try CLI.bank(["a.xml": CLI.itemsFile([("q1", "")])])
        _ = try CLI.run(["lint", ".", "--write-baseline", "b.json"], in: folder)
        let result = try CLI.run(["lint", ".", "--baseline", "b.json", "--format", "sarif"], in: folder)
        let sarif = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let results = ((sarif["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]) ?? []
        #expect(results.count == 1)
        #expect((results.first?["suppressions"] as? [[String: Any]])?.first?["kind"] as? String == "external")
    }

    @Test func badBaselineIsAUsageError() throws {
        let folder = try CLI.bank(["a.xml": CLI.itemsFile([("q1", "")]), "b.json": "{\"version\": 1,\n \"findings\": {}}"])
        let result = try CLI.run(["lint", ".", "--baseline", "b.json"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("b.json:2:14: 'findings' must be an array"), "\(result.stderr)")
        #expect(try CLI.run(["lint", ".", "--baseline", "missing.json"], in: folder).status == 2)
        #expect(try CLI.run(["lint", ".", "--strict-baseline"], in: folder).status == 2)
    }
}

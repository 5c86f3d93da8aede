import Foundation
import Testing
import TestSupport

/// End to end: `qbank.json`, `--config`, `--print-config`, `--strict`, per-path overrides.
@Suite(.serialized)
struct ConfigCommandTests {
    @Test func configIsFoundBesideTheBankAndChangesSeverities() throws {
        let folder = try CLI.bank(["a.xml": CLI.itemsFile([("q1", "")])])
        #expect(try CLI.run(["lint", "."], in: folder).status == 0)   // QB110 is a warning
        try #"{"rules": {"missing-rationale-or-reference": "error"}}"#.write(to: folder.appendingPathComponent("qbank.json"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["lint", "."], in: folder)
        #expect(result.status == 1)
        #expect(result.stdout.contains("error: item 'q1'"), "\(result.stdout)")
    }

    @Test func configFileOptionOverridesDiscovery() throws {
        let folder = try CLI.bank(["a.xml": CLI.itemsFile([("q1", "")]), "qbank.json": #"{"rules": {"QB110": "error"}}"#,
                                   "other.json": #"{"rules": {"QB110": "off"}}"#])
        let result = try CLI.run(["lint", "a.xml", "--config", "other.json"], in: folder)
        #expect(result.status == 0)
        #expect(result.stdout.contains("No problems found"), "\(result.stdout)")
    }

    @Test func strictTurnsWarningsIntoErrors() throws {
        let folder = try CLI.bank(["a.xml": CLI.itemsFile([("q1", "")])])
        #expect(try CLI.run(["lint", ".", "--strict"], in: folder).status == 1)
        try #"{"strict": true}"#.write(to: folder.appendingPathComponent("qbank.json"), atomically: true, encoding: .utf8)
        #expect(try CLI.run(["lint", "."], in: folder).status == 1)
    }

    @Test func perPathOverrides() throws {
        let folder = try CLI.bank([
            "new/a.xml": CLI.itemsFile([("q1", "")]), "legacy/b.xml": CLI.itemsFile([("q2", "")]),
            "qbank.json": #"{"rules": {"QB110": "error"}, "overrides": [{"files": ["legacy/**"], "rules": {"QB110": "info"}}]}"#,
        ])
        let result = try CLI.run(["lint", ".", "--format", "json"], in: folder)
        #expect(result.status == 1)
        #expect(result.stdout.contains(#""item" : "q1""#) || result.stdout.contains(#""item": "q1""#))
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let findings = object?["findings"] as? [[String: Any]] ?? []
        let severities = Dictionary(uniqueKeysWithValues: findings.map { ($0["item"] as? String ?? "", $0["severity"] as? String ?? "") })
        #expect(severities == ["q1": "error", "q2": "info"])
    }

    @Test func badConfigExitsTwoWithPosition() throws {
        let folder = try CLI.bank(["a.xml": CLI.itemsFile([("q1", "")]), "qbank.json": "{\n  \"rules\": {\"QB110\": \"loud\"}\n}\n"])
        let result = try CLI.run(["lint", "."], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("qbank.json:2:22: unknown severity 'loud'"), "\(result.stderr)")
        let option = try CLI.bank(["qbank.json": #"{"rules": {"QB503": {"options": {"treshold": 0.9}}}}"#])
        let optionResult = try CLI.run(["lint", "."], in: option)
        #expect(optionResult.status == 2)
        #expect(optionResult.stderr.contains("qbank.json:1:46: rule QB503 duplicate-items has no option 'treshold'"), "\(optionResult.stderr)")
        #expect(try CLI.run(["lint", ".", "--config", "missing.json"], in: folder).status == 2)
    }

    /// A bank's qbank.json extends the project's: the project's ignores and per-path overrides (relative
    /// to the project folder) hold, the bank's own rules win, and a cycle or a missing file is named.
    @Test func extendReadsTheNamedConfigFirst() throws {
        let folder = try CLI.bank([
            "qbank.json": #"{"ignore": ["QB9"], "rules": {"QB110": "info"}, "overrides": [{"files": ["bank/legacy/**"], "rules": {"QB110": "off"}}]}"#,
            "bank/qbank.json": #"{"extend": "../qbank.json", "rules": {"QB503": "error"}}"#,
            "bank/a.xml": CLI.itemsFile([("q1", "")]),
            "bank/legacy/b.xml": CLI.itemsFile([("q2", "")]),
        ])
        let bank = folder.appendingPathComponent("bank")
        let config = try CLI.run(["lint", "--print-config"], in: bank)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(config.stdout.utf8)) as? [String: Any])
        #expect(object["ignore"] as? [String] == ["QB9"])
        let rules = try #require(object["rules"] as? [String: [String: Any]])
        #expect(rules["QB503"]?["severity"] as? String == "error" && rules["QB110"]?["severity"] as? String == "info")
        let lint = try CLI.run(["lint", ".", "--format", "json"], in: bank)
        let findings = (try JSONSerialization.jsonObject(with: Data(lint.stdout.utf8)) as? [String: Any])?["findings"] as? [[String: Any]] ?? []
        #expect(findings.map { $0["item"] as? String } == ["q1"], "the project's override for bank/legacy/** keeps q2 quiet")

        try #"{"extend": "bank/qbank.json"}"#.write(to: folder.appendingPathComponent("qbank.json"), atomically: true, encoding: .utf8)
        let cycle = try CLI.run(["lint", "."], in: bank)
        #expect(cycle.status == 2 && cycle.stderr.contains("'extend' makes a cycle"), "\(cycle.stderr)")
        try #"{"extend": "../nowhere.json"}"#.write(to: bank.appendingPathComponent("qbank.json"), atomically: true, encoding: .utf8)
        let missing = try CLI.run(["lint", "."], in: bank)
        #expect(missing.status == 2 && missing.stderr.contains("qbank.json:1:12: cannot read"), "\(missing.stderr)")
    }

    @Test func printConfigShowsWhatIsInForce() throws {
        let folder = try CLI.bank(["qbank.json": #"{"ignore": ["QB9"], "rules": {"QB110": "error", "QB503": {"options": {"threshold": 0.9}}}}"#])
        let result = try CLI.run(["lint", "--print-config"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((object["config"] as? String)?.hasSuffix("/qbank.json") == true)
        #expect(object["ignore"] as? [String] == ["QB9"])
        let rules = try #require(object["rules"] as? [String: [String: Any]])
        #expect(rules["QB110"]?["severity"] as? String == "error")
        #expect(rules["QB101"]?["severity"] as? String == "error")
        #expect((rules["QB503"]?["options"] as? [String: Any])?["threshold"] as? Double == 0.9)
        #expect((rules["QB501"]?["options"] as? [String: Any])?["minimumItems"] as? Int == 20)
        // The command line wins over the file.
        let cli = try CLI.run(["lint", "--print-config", "--select", "QB1", "--strict"], in: folder)
        let merged = try #require(try JSONSerialization.jsonObject(with: Data(cli.stdout.utf8)) as? [String: Any])
        #expect(merged["select"] as? [String] == ["QB1"])
        #expect(merged["strict"] as? Bool == true)
        #expect((merged["rules"] as? [String: [String: Any]])?["QB503"]?["severity"] as? String == "off")
    }
}

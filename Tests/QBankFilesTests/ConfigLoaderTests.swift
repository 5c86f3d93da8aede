import Foundation
import QBankCore
import QBankFiles
import QBankRules
import Testing

/// `qbank.json`: what it may say, and every mistake reported with its position.
struct ConfigLoaderTests {
    func parse(_ text: String) throws(ConfigError) -> LintSettings {
        try ConfigLoader.parse(Array(text.utf8), path: "qbank.json", baseDirectory: "/repo", workingDirectory: "/repo")
    }

    func error(_ text: String) -> String {
        do {
            _ = try parse(text)
            return "no error"
        } catch {
            return error.description
        }
    }

    @Test func aFullConfigIsRead() throws {
        let settings = try parse("""
            {
              "$schema": "Schemas/qbank-config.schema.json",
              "select": ["ALL"],
              "ignore": ["QB110", "bank"],
              "strict": true,
              "rules": {
                "QB1": "info",
                "duplicate-items": {"severity": "error", "options": {"threshold": 0.9, "shingleSize": 4}},
                "QB502": {"options": {"metaOptions": ["all of the above"]}}
              },
              "overrides": [
                {"files": ["legacy/**", "*.json"], "ignore": ["QB5"], "rules": {"QB101": "warning", "QB102": {"severity": "off"}}}
              ]
            }
            """)
        #expect(settings.select == ["ALL"])
        #expect(settings.ignore == ["QB110", "bank"])
        #expect(settings.strict)
        #expect(settings.rules.map(\.token) == ["QB1", "duplicate-items", "QB502"])
        #expect(settings.rules[1].severity == .error)
        #expect(settings.rules[1].options?.values == ["threshold": .number(0.9), "shingleSize": .number(4)])
        #expect(settings.rules[1].options?.locations["threshold"] == SourceLocation(file: "qbank.json", line: 8, column: 71))
        #expect(settings.rules[2].options?.values["metaOptions"] == .strings(["all of the above"]))
        #expect(settings.overrides.count == 1)
        #expect(settings.overrides[0].files == ["legacy/**", "*.json"])
        #expect(settings.overrides[0].rules.map(\.severity) == [.warning, .off])
        #expect(settings.baseDirectory == "/repo")
        #expect(try parse("{}").rules.isEmpty)
    }

    @Test(arguments: [
        ("{\"rules\": {\"QB110\": \"loud\"}}", "qbank.json:1:21: unknown severity 'loud'"),
        ("{\"rulez\": {}}", "qbank.json:1:2: unknown key 'rulez' in the config file (did you mean 'rules'?)"),
        ("{\"select\": [\"QB777\"]}", "qbank.json:1:13: 'QB777' names no rule"),
        ("{\"ignore\": [\"duplicate-item\"]}", "qbank.json:1:13: 'duplicate-item' names no rule (did you mean 'duplicate-items'?)"),
        ("{\"rules\": {\"QB5\": {\"options\": {\"threshold\": 1}}}}", "qbank.json:1:31: options need one rule"),
        ("{\"rules\": {\"QB503\": {\"options\": {\"threshold\": null}}}}", "qbank.json:1:47: option 'threshold' must be"),
        ("{\"rules\": {\"QB503\": 3}}", "qbank.json:1:21: the setting of 'QB503' must be a severity"),
        ("{\"overrides\": [{\"ignore\": [\"QB1\"]}]}", "qbank.json:1:16: an override needs 'files'"),
        ("{\"overrides\": [{\"files\": []}]}", "qbank.json:1:26: 'files' must list at least one glob"),
        ("{\"overrides\": [{\"files\": [\"a\"], \"rules\": {\"QB503\": {\"options\": {}}}}]}", "qbank.json:1:53: unknown key 'options'"),
        ("{\"strict\": \"yes\"}", "qbank.json:1:12: 'strict' must be true or false"),
        ("{\"select\": [\"QB1\",]}", "qbank.json:1:18: trailing comma"),
        ("[]", "qbank.json:1:1: the config file must be an object"),
    ])
    func mistakesArePositioned(_ text: String, _ expected: String) {
        let message = error(text)
        #expect(message.hasPrefix(expected), "\(message)")
    }

    @Test func discoveryPrefersTheNearestFolderOfTheLintedPaths() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("qbank-config-\(UUID().uuidString)")
        let nested = root.appendingPathComponent("repo/banks/a")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("repo/banks/b"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("elsewhere"), withIntermediateDirectories: true)
        try "{}".write(to: root.appendingPathComponent("repo/qbank.json"), atomically: true, encoding: .utf8)
        try "{}".write(to: root.appendingPathComponent("repo/banks/a/qbank.json"), atomically: true, encoding: .utf8)
        let cwd = root.appendingPathComponent("elsewhere").path
        #expect(ConfigLoader.discover(for: [nested.path], workingDirectory: cwd) == nested.appendingPathComponent("qbank.json").path)
        // Two banks: their common folder's nearest config.
        let both = [nested.path, root.appendingPathComponent("repo/banks/b").path]
        #expect(ConfigLoader.discover(for: both, workingDirectory: cwd) == root.appendingPathComponent("repo/qbank.json").path)
        // Nothing above the paths: the current folder's.
        try "{}".write(to: root.appendingPathComponent("elsewhere/qbank.json"), atomically: true, encoding: .utf8)
        let outside = root.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        #expect(ConfigLoader.discover(for: [outside.path], workingDirectory: cwd) == root.appendingPathComponent("elsewhere/qbank.json").path)
    }

    @Test func globsAreRelativeToTheConfigFile() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("qbank-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("cfg"), withIntermediateDirectories: true)
        try "{}".write(to: root.appendingPathComponent("cfg/qbank.json"), atomically: true, encoding: .utf8)
        let settings = try ConfigLoader.load("cfg/qbank.json", workingDirectory: root.path)
        #expect(settings.baseDirectory == root.appendingPathComponent("cfg").path)
    }
}

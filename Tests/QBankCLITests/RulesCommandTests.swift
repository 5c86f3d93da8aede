import Foundation
import Testing

struct RulesCommandTests {
    @Test func rulesListsEveryCode() throws {
        let result = try CLI.run(["rules"])
        #expect(result.status == 0)
        for code in ["QB001", "QB002", "QB101", "QB107", "QB115"] { #expect(result.stdout.contains(code)) }
    }

    @Test func explainByCodeOrName() throws {
        let byCode = try CLI.run(["explain", "QB101"])
        let byName = try CLI.run(["explain", "single-answer-key-count"])
        #expect(byCode.status == 0)
        #expect(byCode.stdout == byName.stdout)
        #expect(byCode.stdout.contains("Triggers on"))
        #expect(try CLI.run(["explain", "QB999"]).status == 2)
    }

    @Test func fixableRulesSaySo() throws {
        #expect(try CLI.run(["explain", "QB201"]).stdout.contains("Fix: safe, applied by `qbank lint --fix`"))
        #expect(try !CLI.run(["explain", "QB101"]).stdout.contains("Fix:"))
        let listed = try CLI.run(["rules"]).stdout.split(separator: "\n")
        #expect(listed.first { $0.hasPrefix("QB402") }?.contains("  fix  ") == true)
        #expect(listed.first { $0.hasPrefix("QB101") }?.contains("  fix  ") == false)
        let json = try JSONSerialization.jsonObject(with: Data(CLI.run(["explain", "QB111", "--format", "json"]).stdout.utf8)) as? [String: Any]
        #expect(json?["fix"] as? String == "safe")
    }

    @Test func explainAsJSON() throws {
        let result = try CLI.run(["explain", "QB107", "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(object?["name"] as? String == "duplicate-id")
    }
}

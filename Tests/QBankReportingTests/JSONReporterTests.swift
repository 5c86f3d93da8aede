import Foundation
import QBankCore
import Testing
@testable import QBankReporting

@Suite struct JSONReporterTests {
    @Test func jsonFormat() {
        assertSnapshot(JSONReporter().render(Fixtures.report()), as: "json")
    }

    @Test func jsonContractFields() throws {
        let data = Data(JSONReporter().render(Fixtures.report()).utf8)
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(root["version"] as? Int == 1)
        let tool = try #require(root["tool"] as? [String: Any])
        #expect(tool["name"] as? String == "qbank")
        #expect(tool["version"] as? String == "0.1.0")
        let summary = try #require(root["summary"] as? [String: Any])
        #expect(summary["errors"] as? Int == 2)
        #expect(summary["warnings"] as? Int == 3)
        #expect(summary["infos"] as? Int == 1)
        #expect(summary["files"] as? Int == 4)
        #expect(summary["items"] as? Int == 7)
        let findings = try #require(root["findings"] as? [[String: Any]])
        #expect(findings.count == 6)
        for finding in findings {
            for key in ["rule", "name", "severity", "message", "file", "line", "column", "item", "related"] {
                #expect(finding[key] != nil, "finding lacks \(key)")
            }
        }
        let syntax = try #require(findings.first { $0["rule"] as? String == "QB001" })
        #expect(syntax["item"] is NSNull)
        let keys = try #require(findings.first { $0["rule"] as? String == "QB101" })
        #expect(keys["item"] as? String == "q1")
        let related = try #require(keys["related"] as? [[String: Any]])
        #expect(related.first?["message"] as? String == "the other option marked correct")
        let escaped = try #require(findings.first { $0["rule"] as? String == "QB305" })
        #expect(escaped["message"] as? String == Fixtures.diagnostics.first { $0.ruleID == "QB305" }?.message)
    }

    @Test func jsonCleanRun() throws {
        let data = Data(JSONReporter().render(Fixtures.cleanReport).utf8)
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect((root["findings"] as? [Any])?.isEmpty == true)
    }

    @Test func writerEscapesControlCharacters() {
        let value: JSONValue = ["k": .string("a\"b\\c\u{1}\u{2028}é/")]
        #expect(value.rendered() == "{\n  \"k\": \"a\\\"b\\\\c\\u0001\\u2028é/\"\n}\n")
    }
}

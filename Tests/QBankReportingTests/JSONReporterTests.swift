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

    /// The hand-ordered writer must give the bytes of the generic sorted-key document,
    /// including escapes, a null item, several related locations and an empty report.
    @Test func directWriterMatchesSortedDocument() {
        var tricky = Fixtures.diagnostics
        tricky.append(Diagnostic(ruleID: "QB9\"9", ruleName: "tab\tname", severity: .error,
            message: "line\nbreak \u{1} \u{2028} é \\ /", location: SourceLocation(file: "dir/\"q\".xml", line: 12, column: 3),
            itemID: nil, related: [
                RelatedLocation(location: SourceLocation(file: "a.xml", line: 1, column: 1), message: "first"),
                RelatedLocation(location: SourceLocation(file: "b\u{7F}.xml", line: 99, column: 40), message: "sec\"ond"),
            ]))
        for report in [Fixtures.report(tricky), Fixtures.cleanReport] {
            #expect(JSONReporter().render(report) == Self.document(report).rendered())
        }
    }

    private static func document(_ report: LintReport) -> JSONValue {
        let counts = report.counts
        return [
            "version": .int(JSONReporter.schemaVersion),
            "tool": ["name": "qbank", "version": .string(report.toolVersion)],
            "summary": [
                "errors": .int(counts.errors), "warnings": .int(counts.warnings), "infos": .int(counts.infos),
                "files": .int(report.filesChecked), "items": .int(report.itemsChecked),
            ],
            "findings": .array(report.diagnostics.map { diagnostic in
                [
                    "rule": .string(diagnostic.ruleID), "name": .string(diagnostic.ruleName),
                    "severity": .string(diagnostic.severity.rawValue), "message": .string(diagnostic.message),
                    "file": .string(diagnostic.location.file), "line": .int(diagnostic.location.line),
                    "column": .int(diagnostic.location.column), "item": .string(diagnostic.itemID),
                    "related": .array(diagnostic.related.map { related in
                        [
                            "message": .string(related.message), "file": .string(related.location.file),
                            "line": .int(related.location.line), "column": .int(related.location.column),
                        ]
                    }),
                ]
            }),
        ]
    }
}

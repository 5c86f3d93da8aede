import Foundation
import QBankCore
import QBankJSON
import Testing

/// The item- and case-level `"qbank"` member becomes the model's suppressions.
struct SuppressionReadingTests {
    @Test func objectAndArrayFormsAreRead() throws {
        let url = try #require(JSONFixtures.files("valid").first { $0.lastPathComponent == "suppressions.json" })
        let result = JSONBankReader().read(JSONFixtures.bytes(url), path: "s.json")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        let file = try #require(result.file)
        #expect(file.items[0].suppressions == [
            Suppression(rules: ["QB110", "missing-rationale-or-reference"], reason: "rationales are written in review"),
        ])
        #expect(file.items[0].suppressions[0].origin.location?.description == "s.json:13:16")
        #expect(file.items[1].suppressions == [
            Suppression(rules: ["QB110"], reason: "legacy item - kept as is"), Suppression(rules: []), Suppression(rules: []),
        ])
        #expect(file.cases[0].suppressions == [Suppression(rules: ["QB106"], reason: "the second question is being written")])
        #expect(file.cases[0].items[0].suppressions == [Suppression(rules: ["QB104"])])
    }

    @Test func writerUsesAnObjectForOneAndAnArrayForSeveral() throws {
        let url = try #require(JSONFixtures.files("valid").first { $0.lastPathComponent == "suppressions.json" })
        let file = try #require(JSONBankReader().read(JSONFixtures.bytes(url), path: "s.json").file)
        let written = JSONBankWriter().write(file)
        #expect(written.contains(#""qbank": {"#))
        #expect(written.contains(#""qbank": ["#))
        #expect(JSONBankReader().read(Array(written.utf8), path: "s.json").file == file)
    }

    @Test func suppressionsTakePartInEquality() {
        let plain = Item(id: "q1", domain: 1, task: "1.1", stem: "S", body: .ordering([]))
        var suppressed = plain
        suppressed.suppressions = [Suppression(rules: ["QB104"], reason: "r", origin: Origin(SourceLocation(file: "f", line: 3, column: 1)))]
        #expect(plain != suppressed)
        var elsewhere = suppressed
        elsewhere.suppressions[0].origin = .unknown
        #expect(elsewhere == suppressed)
    }
}

import Foundation
import Testing
@testable import QBankReporting

@Suite struct StatisticsReporterTests {
    @Test func statisticsText() {
        assertSnapshot(StatisticsReporter(style: .text).render(Fixtures.report()), as: "txt")
    }

    @Test func statisticsJSON() throws {
        let output = StatisticsReporter(style: .json).render(Fixtures.report())
        assertSnapshot(output, as: "json")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let rows = try #require(root["rules"] as? [[String: Any]])
        #expect(rows.first?["rule"] as? String == "QB204")
        #expect(rows.first?["count"] as? Int == 2)
    }

    @Test func sortedByCountThenID() {
        let rows = StatisticsReporter.rows(Fixtures.overflowReport.diagnostics)
        #expect(rows.map(\.ruleID) == ["QB101", "QB305", "QB510"])
        #expect(rows.map(\.count) == [12, 11, 1])
    }
}

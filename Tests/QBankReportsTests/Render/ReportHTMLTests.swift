import Foundation
import Testing
import TestSupport
@testable import QBankReports

struct ReportHTMLTests {
    let report = BankReport(facts: SmallBank.facts, command: "qbank report bank")

    @Test func htmlIsWellFormedAndSelfContained() throws {
        let charts = try ReportChecks.charts(inHTML: report.html)
        #expect(charts.count >= 10)
        for forbidden in ["<script", " src=", "<link", "@import", "url("] {
            #expect(!report.html.contains(forbidden), "report must not load anything: found \(forbidden)")
        }
    }

    @Test func chartsAgreeWithTheMarkdownTables() throws {
        let charts = try ReportChecks.charts(inHTML: report.html)
        let tables = ReportChecks.chartTables(inMarkdown: report.markdown)
        #expect(Set(charts.map(\.id)) == Set(tables.keys))
        for chart in charts {
            let table = try #require(tables[chart.id])
            #expect(chart.bars.map(\.label) == table.map(\.label), "\(chart.id) labels")
            #expect(chart.bars.map(\.value) == table.map { Double($0.value) ?? .nan }, "\(chart.id) values")
            // Bars and stacked segments have widths in proportion to their values; points and matrix cells do not.
            for bar in chart.bars where chart.axisMax.isFinite && bar.width.isFinite {
                #expect(abs(bar.width - bar.value / chart.axisMax * 100) < 0.01, "\(chart.id): \(bar.label) drawn \(bar.width)% for \(bar.value) of \(chart.axisMax)")
                #expect(bar.value <= chart.axisMax)
            }
        }
    }

    @Test func domainChartMarksTheBlueprintWeights() throws {
        let domain = try #require(try ReportChecks.charts(inHTML: report.html).first { $0.id == "domain-share" })
        #expect(domain.bars.count == 4)
        for target in ["28.0", "26.0", "22.0", "24.0"] { #expect(report.html.contains("data-target=\"\(target)\"")) }
        #expect(report.html.contains("class=\"target\""))
    }

    @Test func renderingIsDeterministic() {
        let again = BankReport(facts: SmallBank.facts, command: "qbank report bank")
        #expect(again.html == report.html)
        #expect(again.markdown == report.markdown)
    }

    @Test func lintRulesLinkToTheirDocs() {
        #expect(report.html.contains("<a href=\"https://qbank.dev/rules/QB110\">QB110</a>"))
        #expect(report.markdown.contains("[QB110](https://qbank.dev/rules/QB110)"))
    }

    @Test func bankWithoutStatisticsSaysSo() {
        var bank = SmallBank.bank
        bank.files[0].items = bank.files[0].items.map { var item = $0; item.stats = nil; return item }
        let facts = BankFacts(bank: bank, blueprint: bank.blueprint!, findings: [], rules: [])
        let report = BankReport(facts: facts, command: "x")
        #expect(report.markdown.contains("No item has statistics yet"))
        #expect(report.markdown.contains("No findings"))
    }
}

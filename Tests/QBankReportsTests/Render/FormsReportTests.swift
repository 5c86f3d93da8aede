import Foundation
import Testing
import TestSupport
@testable import QBankReports

struct FormsReportTests {
    let report = BankReport(facts: SmallBank.facts, forms: SmallForms.facts, command: "qbank report bank --forms forms")
    let irt = BankReport(facts: SmallBank.facts, forms: SmallForms.irtFacts, command: "qbank report bank --forms forms")

    @Test func formChartsAgreeWithTheMarkdownTables() throws {
        for report in [report, irt] {
            let charts = try ReportChecks.charts(inHTML: report.html)
            let tables = ReportChecks.chartTables(inMarkdown: report.markdown)
            #expect(Set(charts.map(\.id)) == Set(tables.keys))
            for id in ["form-slots", "form-domains", "form-formats", "form-overlap", "form-p-values"] {
                let chart = try #require(charts.first { $0.id == id }, "\(id)")
                let table = try #require(tables[id])
                #expect(!chart.bars.isEmpty)
                #expect(chart.bars.map(\.label) == table.map(\.label), "\(id) labels")
                #expect(chart.bars.map(\.value) == table.map { Double($0.value) ?? .nan }, "\(id) values")
            }
        }
    }

    @Test func overlapMatrixIsPrintedInBothForms() throws {
        #expect(report.markdown.contains("| form-1 | 5 | **2** | **1** |"))
        #expect(report.markdown.contains("| form-10 | **1** | **1** | 2 |"))
        #expect(report.markdown.contains("| form-1 & form-2 | 2 | 1 | 50.0 |"), "2 shared of the shorter form's 4 items; 1 scored on both")
        let matrix = try #require(try ReportChecks.charts(inHTML: report.html).first { $0.id == "form-overlap" })
        #expect(matrix.bars.first { $0.label == "form-2 · form-1" }?.value == 2)
        #expect(matrix.bars.count == 9)
    }

    @Test func informationCurvesAppearOnlyWithAbilityPointsAndParameters() throws {
        let charts = try ReportChecks.charts(inHTML: irt.html)
        let curves = try #require(charts.first { $0.id == "form-information" })
        #expect(curves.bars.map(\.label) == ["form-1 · -1.00", "form-1 · 0.00", "form-1 · 1.50", "form-2 · -1.00", "form-2 · 0.00", "form-2 · 1.50"])
        let atZero = NumberText.fixed(SmallForms.irtFacts.information(of: 1, at: 0), places: 2)
        #expect(curves.bars[4].value == Double(atZero))
        #expect(irt.html.contains("<circle class=\"pt s1\""))
        #expect(!report.html.contains("data-chart=\"form-information\""))
        #expect(report.markdown.contains("The blueprint names no ability points"))
    }

    @Test func formSectionsOnlyWithForms() {
        let plain = BankReport(facts: SmallBank.facts, command: "qbank report bank")
        #expect(!plain.markdown.contains("Assembled forms"))
        #expect(!plain.html.contains("form-composition"))
        #expect(report.markdown.contains("## Assembled forms: composition"))
        #expect(report.markdown.contains("- assembled forms: **3**"))
        #expect(report.html.contains("<a href=\"#form-parallelism\">"))
    }

    @Test func tasksBelowTheBlueprintMinimumAreMarked() {
        var forms = SmallForms.facts
        forms.blueprint.constraints.minScoredPerTask = 1
        let report = BankReport(facts: SmallBank.facts, forms: forms, command: "x")
        #expect(report.markdown.contains("| 1.1 Task 1.1 | 1 | 2 | **0** | 1 |"), "form-10 has no scored item on task 1.1")
        #expect(report.markdown.contains("at least **1** on every form"))
        #expect(self.report.markdown.contains("the blueprint sets no minimum"))
    }

    @Test func renderingIsDeterministic() {
        let again = BankReport(facts: SmallBank.facts, forms: SmallForms.facts, command: "qbank report bank --forms forms")
        #expect(again.html == report.html && again.markdown == report.markdown)
    }
}

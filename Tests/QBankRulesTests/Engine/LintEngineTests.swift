import QBankCore
import QBankRules
import Testing
import TestSupport

struct LintEngineTests {
    func item(_ id: String, file: String, line: Int) -> Item {
        Item(id: id, domain: 1, task: "1.1", stem: "Which option?",
             body: .ordering([Step(id: "s1", text: "One"), Step(id: "s2", text: "Two"), Step(id: "s3", text: "Three")]),
             origin: Origin(SourceLocation(file: file, line: line, column: 3)))
    }

    @Test func duplicateIDsAcrossFilesPointAtBothPlaces() throws {
        let bank = Bank(files: [
            BankFile(path: "a.xml", items: [item("q1", file: "a.xml", line: 2)]),
            BankFile(path: "b.json", items: [item("q1", file: "b.json", line: 5)]),
        ], blueprint: Fixtures.mlaBlueprint)
        let found = LintEngine(selection: RuleSelection(select: ["duplicate-id"])).lint(bank)
        let finding = try #require(found.first)
        #expect(found.count == 1)
        #expect(finding.location == SourceLocation(file: "b.json", line: 5, column: 3))
        #expect(finding.related.first?.location == SourceLocation(file: "a.xml", line: 2, column: 3))
    }

    @Test func warnsOnceWhenTheBankHasNoBlueprint() {
        let bank = Bank(files: [BankFile(path: "a.xml", items: [item("q1", file: "a.xml", line: 2)])])
        let found = LintEngine().lint(bank).filter { $0.ruleID == LintEngine.noBlueprint.id }
        #expect(found.count == 1)
        #expect(found.first?.severity == .warning)
    }

    @Test func findingsComeInReportOrder() {
        let bank = Bank(files: [
            BankFile(path: "b.xml", items: [item("q2", file: "b.xml", line: 9)]),
            BankFile(path: "a.xml", items: [item("q1", file: "a.xml", line: 2)]),
        ], blueprint: Fixtures.mlaBlueprint)
        let found = LintEngine().lint(bank)
        #expect(found == found.sorted(by: Diagnostic.reportOrder))
    }
}

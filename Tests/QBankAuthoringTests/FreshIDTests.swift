import QBankCore
import Testing
import TestSupport
@testable import QBankAuthoring

struct FreshIDTests {
    func item(_ id: String, task: String = "1.1") -> Item {
        Item(id: id, domain: 1, task: task, stem: "s", body: .ordering([]))
    }

    @Test func continuesTheTasksNumbering() {
        let bank = Bank(files: [BankFile(path: "a.xml", items: [item("mla-1.1-001"), item("mla-1.1-026"), item("mla-1.2-040", task: "1.2")])],
                        blueprint: Fixtures.mlaBlueprint)
        #expect(FreshID.next(task: "1.1", in: bank) == "mla-1.1-027")
    }

    @Test func skipsIdsTakenAnywhereInTheBank() {
        let bank = Bank(files: [BankFile(path: "a.xml", items: [item("q-5"), item("q-6", task: "1.2")],
                                         cases: [CaseStudy(id: "q-7", scenario: "x", items: [])])])
        #expect(FreshID.next(task: "1.1", in: bank) == "q-8")
    }

    @Test func fallsBackToTheExamAndTask() {
        #expect(FreshID.next(task: "2.3", in: Bank(files: [], blueprint: Fixtures.mlaBlueprint)) == "mla-2.3-001")
        #expect(FreshID.next(task: "2.3", in: nil) == "item-2.3-001")
        #expect(FreshID.split("abc") == nil)
        #expect(FreshID.split("12")?.0 == nil)
    }
}

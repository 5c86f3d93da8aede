import QBankCore
import QBankInterchange
import Testing

@Suite struct BankMergeTests {
    static func item(_ id: String, _ stem: String = "Which?") -> Item {
        Item(id: id, domain: 1, task: "1.1", status: .draft, stem: Text(stem),
             body: .choice(ChoiceBody(options: [Option(id: "a", text: "x", isCorrect: true), Option(id: "b", text: "y")])))
    }

    static let bank = [BankFile(path: "bank/a.xml", items: [item("q1", "old")])]
    static func incoming() -> ImportResult { ImportResult(path: "src.gift", items: [item("q1", "new"), item("q2")]) }

    @Test func collisionsAreRefused() {
        let outcome = BankMerge().merge([(Self.incoming(), "bank/src.xml")], into: Self.bank, policy: nil)
        #expect(outcome.conflicts.map(\.id) == ["q1"])
        #expect(outcome.changedFiles.isEmpty)
    }

    @Test func renameKeepsBoth() {
        let outcome = BankMerge().merge([(Self.incoming(), "bank/src.xml")], into: Self.bank, policy: .rename)
        #expect(outcome.changedFiles.map(\.path) == ["bank/src.xml"])
        #expect(outcome.changedFiles[0].items.map(\.id) == ["q1-2", "q2"])
    }

    @Test func skipKeepsTheBanksItem() {
        let outcome = BankMerge().merge([(Self.incoming(), "bank/src.xml")], into: Self.bank, policy: .skip)
        #expect(outcome.changedFiles[0].items.map(\.id) == ["q2"])
        #expect(outcome.resolutions.first?.kind == .skipped)
    }

    @Test func replaceWritesInPlace() {
        let outcome = BankMerge().merge([(Self.incoming(), "bank/src.xml")], into: Self.bank, policy: .replace)
        let a = outcome.changedFiles.first { $0.path == "bank/a.xml" }
        #expect(a?.items.first?.stem.value == "new")
        #expect(outcome.changedFiles.first { $0.path == "bank/src.xml" }?.items.map(\.id) == ["q2"])
    }

    @Test func mapAndFlagsAssignDomainAndTask() {
        var result = ImportResult(path: "m.xml", items: [Item(id: "x", domain: 0, task: "", stem: "s", body: .ordering([])),
                                                          Item(id: "y", domain: 0, task: "", stem: "s", body: .ordering([]))],
                                  categories: ["x": ["$course$/top/Data prep"]])
        Assignment(domain: 2, task: nil, categories: ["Data prep": (1, "1.2")]).apply(to: &result)
        #expect(result.file.items.map(\.domain) == [1, 2])
        #expect(result.file.items.map(\.task) == ["1.2", ""])
        #expect(result.file.items.allSatisfy { $0.status == .draft })
    }
}

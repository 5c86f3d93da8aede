import QBankAssembly
import QBankCore
import Testing
import TestSupport

struct BankSupplyTests {
    func items(domain: Int, status: ItemStatus, count: Int, from start: Int = 0) -> [Item] {
        (start..<(start + count)).map { index in
            Item(id: "d\(domain)-\(status.rawValue)-\(index)", domain: domain, task: "\(domain).1", status: status, stem: "Stem",
                 body: .ordering([Step(id: "s1", text: "One"), Step(id: "s2", text: "Two"), Step(id: "s3", text: "Three")]))
        }
    }

    /// Enough for two MLA-C01 forms in every domain except domain 3's pretest pool.
    func bank() -> Bank {
        var all: [Item] = []
        for (domain, scored, unscored) in [(1, 14, 4), (2, 13, 4), (3, 11, 3), (4, 12, 4)] {
            all += items(domain: domain, status: .operational, count: 2 * scored)
            all += items(domain: domain, status: .pretest, count: domain == 3 ? 5 : 2 * unscored)
            all += items(domain: domain, status: .draft, count: 1)
        }
        return Bank(files: [BankFile(path: "bank.xml", items: all)], blueprint: Fixtures.mlaBlueprint)
    }

    @Test func countsAndPerFormNeeds() {
        let supply = BankSupply(bank: bank(), blueprint: Fixtures.mlaBlueprint)
        #expect(supply.items == 28 + 8 + 1 + 26 + 8 + 1 + 22 + 5 + 1 + 24 + 8 + 1)
        #expect(supply.byStatus[.draft] == 4)
        #expect(supply.domains.map(\.scoredPerForm) == [14, 13, 11, 12])
        #expect(supply.domains.map(\.unscoredPerForm) == [4, 4, 3, 4])
    }

    @Test func maxFormsIsLimitedByTheScarcestPool() {
        let supply = BankSupply(bank: bank(), blueprint: Fixtures.mlaBlueprint)
        #expect(supply.maxForms == 1)
        #expect(supply.shortfalls(forms: 1).isEmpty)
        let short = supply.shortfalls(forms: 2)
        #expect(short.map(\.description) == ["domain 3 has 5 pretest items; 6 needed for 2 forms (3 per form)"])
    }

    @Test func approvedItemsCountAsScoredSupply() {
        var bank = bank()
        bank.files[0].items += items(domain: 3, status: .approved, count: 11, from: 100)
        let supply = BankSupply(bank: bank, blueprint: Fixtures.mlaBlueprint)
        #expect(supply.domains[2].scoredEligible == 33)
    }
}

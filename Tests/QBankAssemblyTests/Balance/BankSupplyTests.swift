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

    @Test func skillCoverageCountsTaggedItemsButNotRetiredOnes() {
        var tagged = items(domain: 1, status: .operational, count: 3)
        tagged[0].tags = ["1.1.s1", "s3"]
        tagged[1].tags = ["1.1.s1", "1.1.s1"]
        tagged[2].tags = ["1.1.s1"]
        tagged[2].status = .retired
        let bank = Bank(files: [BankFile(path: "bank.xml", items: tagged)], blueprint: Fixtures.mlaBlueprint)
        let skills = BankSupply(bank: bank, blueprint: Fixtures.mlaBlueprint).skills
        #expect(skills.count == 24 && skills.map(\.id).prefix(3) == ["1.1.k1", "1.1.s1", "1.2.k1"])
        #expect(skills[1].items == [tagged[0].id, tagged[1].id] && skills[1].task == "1.1")
        #expect(skills[0].items.isEmpty)
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

    /// The fixture's items are all ordering items of task d.1; the blueprint asks for more.
    func constrained(task: Int, ordering: Int, cases: Int) -> Blueprint {
        var blueprint = Fixtures.mlaBlueprint
        blueprint.domains = blueprint.domains.map { domain in
            var copy = domain
            copy.tasks = [TaskStatement(id: "\(domain.id).1", name: "Only task")]
            return copy
        }
        blueprint.constraints = FormConstraints(formats: [.ordering: CountRange(min: ordering)], minScoredPerTask: task,
                                                caseStudies: CountRange(min: cases))
        return blueprint
    }

    @Test func blueprintMinimumsCountAgainstSupply() {
        var bank = bank()
        let study = CaseStudy(id: "case-1", scenario: "S", items: items(domain: 1, status: .operational, count: 2, from: 200))
        bank.files[0].cases = [study]
        // Task d.1 has 2×scored operational items; 12 per form caps domain 4 (24 items) at 2 forms.
        let supply = BankSupply(bank: bank, blueprint: constrained(task: 12, ordering: 30, cases: 1))
        #expect(supply.constraints.map(\.name) == ["task 1.1", "task 2.1", "task 3.1", "task 4.1", "format ordering", "case studies"])
        #expect(supply.constraints.last?.have == 1)
        #expect(supply.maxForms == 1)
        #expect(supply.allShortfalls(forms: 1).isEmpty)
        #expect(supply.binding(forms: 1) == nil)
        let two = supply.allShortfalls(forms: 2)
        #expect(two.contains("task 3.1 has 22 operational or approved items; at least 24 needed for 2 forms (12 per form)"))
        #expect(two.contains("the bank has 1 usable case studies; at least 2 needed for 2 forms (1 per form)"))
        #expect(two.contains("domain 3 has 5 pretest items; 6 needed for 2 forms (3 per form)"))
    }

    @Test func theBindingShortfallIsTheOneThatRunsOutFirst() {
        // 100 operational ordering items with 40 per form: 2 forms; domain 3's pretest pool allows 1.
        let supply = BankSupply(bank: bank(), blueprint: constrained(task: 1, ordering: 40, cases: 0))
        #expect(supply.constraints.count == 5)
        #expect(supply.binding(forms: 3) == "domain 3 has 5 pretest items; 9 needed for 3 forms (3 per form)")
        let ordering = supply.constraints.first { $0.requirement == .format(.ordering) }
        #expect(ordering?.formsSupported == 2)
        let scarce = BankSupply(bank: bank(), blueprint: constrained(task: 1, ordering: 101, cases: 0))
        #expect(scarce.maxForms == 0)
        #expect(scarce.binding(forms: 1) == "format ordering has 100 operational or approved items; at least 101 needed per form")
    }
}

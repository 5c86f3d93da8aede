import QBankCore
import Testing
@testable import QBankReports

struct BankFactsTests {
    @Test func countsItemsByKeyPositionOptionsAndStatistics() {
        let facts = SmallBank.facts
        #expect(facts.supply.items == 16)
        #expect(facts.standaloneItems == 14 && facts.caseItems == 2)
        #expect(facts.items.singleAnswerItems == 14)
        #expect(facts.items.keyPositions == [0: 2, 1: 7, 2: 2, 3: 3])
        #expect(facts.items.optionCounts[4]?.single == 14)
        #expect(facts.items.optionCounts[5]?.multiple == 1)
        #expect(facts.items.pValues.count == 8)
        #expect(facts.items.stemWords.first == 4)
    }

    @Test func limitsNameTheDomainAndItsThinnestTask() {
        let facts = SmallBank.facts
        #expect(facts.supply.maxForms == 0)
        let limits = facts.limits
        #expect(limits.map(\.domain.id) == [1, 2, 3, 4])
        #expect(limits.first?.pool == .scored)
    }

    @Test func lintFindingsAreCountedPerRuleAndFile() {
        let facts = SmallBank.facts
        // The ordering and multiple-response items have no rationales or references: QB110 warnings.
        let missing = facts.lint.perRule.first { $0.id == "QB110" }
        #expect(missing != nil)
        #expect(missing?.helpURI.hasSuffix("/QB110") == true)
        #expect(facts.files.map(\.path) == ["bank/a.xml", "bank/b.json"])
        #expect(facts.files.map(\.warnings).reduce(0, +) == facts.lint.count(.warning))
    }

    @Test func statisticsHelpers() {
        #expect(ItemMeasures.median([1, 2, 3, 4]) == 2)
        #expect(ItemMeasures.median([]) == nil)
        #expect(ItemMeasures.standardDeviation([1, 3]) == 1)
        #expect(ItemMeasures.words(in: "  two\nwords ") == 2)
    }
}

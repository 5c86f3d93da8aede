import QBankAssembly
import QBankCore
import Testing
import TestSupport
@testable import QBankReports

struct FormsFactsTests {
    @Test func formsAreInNumberOrder() {
        #expect(SmallForms.facts.forms.map(\.name) == ["form-1", "form-2", "form-10"])
        #expect(SmallForms.facts.forms[0].entries.map(\.position) == [1, 2, 3, 4, 5], "entries in delivery order")
    }

    @Test func overlapCountsSharedItemsAndScoredOnBoth() {
        let facts = SmallForms.facts
        let all = (0..<3).map { a in (0..<3).map { facts.overlap(a, $0) } }
        #expect(all == [[5, 2, 1], [2, 4, 1], [1, 1, 2]])
        let scored = (0..<3).map { a in (0..<3).map { facts.overlap(a, $0, scoredOnly: true) } }
        #expect(scored == [[4, 1, 0], [1, 2, 0], [0, 0, 1]])
    }

    @Test func compositionComesFromTheKeyAndCaseStudiesFromTheBank() {
        let form = SmallForms.facts.forms[0]
        #expect(form.scored.count == 4 && form.unscored.count == 1)
        #expect(form.caseStudies == 1, "c-2 is in case-1")
    }

    @Test func pValueSummaryIsMeanAndPopulationSD() throws {
        // form-1 scored items with a p-value: d1-0 0.30, d1-1 0.35, d1-2 0.40 (c-2 has none).
        let summary = try #require(SmallForms.facts.pValues(of: 0))
        #expect(summary.count == 3 && summary.scored == 4)
        #expect(abs(summary.mean - 0.35) < 1e-12)
        #expect(abs(summary.standardDeviation - (0.005 / 3).squareRoot()) < 1e-12)
        #expect(summary.minimum == 0.3 && summary.maximum == 0.4)
    }

    @Test func informationSumsTheScoredItemsWithParameters() {
        let facts = SmallForms.irtFacts
        #expect(facts.hasInformation)
        #expect(facts.irtItems(of: 0) == 2)
        let expected = facts.forms[0].entries.reduce(0.0) { $0 + AssemblyPool.information($1.item, at: 0) }
        #expect(expected > 0)
        #expect(facts.information(of: 0, at: 0) == expected)
        #expect(!SmallForms.facts.hasInformation, "no ability points in the blueprint")
    }

    @Test func keysThatDoNotMatchTheBankAreRejectedWithTheirLocation() {
        func failure(_ change: (inout [FormKey]) -> Void) -> String {
            var keys = SmallForms.keys
            change(&keys)
            do {
                _ = try FormsFacts(keys: keys, bank: SmallBank.bank, blueprint: Fixtures.mlaBlueprint)
                return "accepted"
            } catch { return error.description }
        }
        #expect(failure { $0[1].slots[0].id = "nope" }.hasPrefix("forms/form-1.key.json:4:5: item 'nope' is not in the bank"))
        #expect(failure { $0[1].slots[0].domain = 2 }.contains("forms/form-1.key.json:4:5: the key has 'd1-2' as domain 2"))
        #expect(failure { $0[1].slots[1].id = "d1-2" }.contains("is on form 'form-1' twice"))
        #expect(failure { $0[2].blueprint = "SAA-C03" }.hasPrefix("forms/form-2.key.json:1:1: this key is for exam SAA-C03"))
        #expect(failure { $0[2].form = "form-1" }.contains("form 'form-1' is also in forms/form-1.key.json"))
        #expect(failure { $0 = [] }.contains("no form keys"))
    }
}

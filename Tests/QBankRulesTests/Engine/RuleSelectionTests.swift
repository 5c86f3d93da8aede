import QBankCore
import QBankRules
import Testing

struct RuleSelectionTests {
    let keyCount = SingleAnswerKeyCountRule.description
    let duplicateID = DuplicateIDRule.description

    @Test func emptySelectionEnablesEverything() {
        #expect(RuleSelection().isEnabled(keyCount))
    }

    @Test func selectsByCodeNamePrefixCategoryAndAll() {
        for token in ["QB101", "qb101", "single-answer-key-count", "QB1", "QB10", "structure", "ALL"] {
            #expect(RuleSelection(select: [token]).isEnabled(keyCount), "\(token)")
        }
        for token in [" QB101\t", "Qb1", "all", " All ", "STRUCTURE", "Single-Answer-Key-Count"] {
            #expect(RuleSelection(select: [token]).isEnabled(keyCount), "\(token)")
        }
        for token in ["QB", "QB1x", "B1", "QB1010", "al", "structures", "QB1 0", "ＱＢ１", "qb1é", ""] {
            #expect(!RuleSelection(select: [token]).isEnabled(keyCount), "\(token)")
        }
        #expect(!RuleSelection(select: ["QB2"]).isEnabled(keyCount))
        #expect(!RuleSelection(select: ["QB102"]).isEnabled(keyCount))
    }

    @Test func ignoreWinsOverSelect() {
        let selection = RuleSelection(select: ["QB1"], ignore: ["duplicate-id"])
        #expect(selection.isEnabled(keyCount))
        #expect(!selection.isEnabled(duplicateID))
    }

    @Test func reportsUnknownTokens() {
        let selection = RuleSelection(select: ["QB101", "no-such-rule"], ignore: ["QB777"])
        #expect(selection.unknownTokens(among: BuiltInRules.descriptions) == ["no-such-rule", "QB777"])
    }
}

import QBankCore
import QBankRules
import Testing
import TestSupport
@testable import QBankAuthoring

struct ItemSkeletonTests {
    @Test(arguments: ItemType.allCases)
    func skeletonPassesTheStructureRules(_ type: ItemType) {
        let item = ItemSkeleton.item(type: type, id: "mla-1.1-900", domain: 1, task: "1.1")
        #expect(item.type == type)
        #expect(item.status == .draft)
        #expect(item.stem.value.hasPrefix(ItemSkeleton.marker))
        let bank = Bank(files: [BankFile(path: "new.xml", items: [item])], blueprint: Fixtures.mlaBlueprint)
        // Structure must hold; the placeholder text ("TODO: …" in every field) is reported once, as an error,
        // so a skeleton cannot slip into a form unwritten.
        let findings = LintEngine(selection: RuleSelection(select: ["QB0", "QB1"])).lint(bank)
        #expect(findings.map(\.ruleID) == ["QB116"], "\(findings.map(\.message))")
        #expect(findings.first?.severity == .error)
    }

    @Test func singleAnswerKeysSpreadOverPositions() {
        let positions = Set((0..<40).compactMap { number -> Int? in
            guard case .choice(let body) = ItemSkeleton.item(type: .single, id: "q-\(number)", domain: 1, task: "1.1").body else { return nil }
            return body.options.firstIndex(where: \.isCorrect)
        })
        #expect(positions == [0, 1, 2, 3])
    }
}

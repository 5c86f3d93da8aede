import QBankCore
import QBankReports
import QBankRules
import TestSupport

/// A small bank built in memory, with every item type, statistics, a case study and
/// a finding, so report tests do not depend on the sample bank's numbers.
enum SmallBank {
    static func single(_ id: String, domain: Int, task: String, status: ItemStatus = .operational, key: Int = 0, p: Double? = nil, rpb: Double? = nil, stem: String = "Which option is right?") -> Item {
        let options = (0..<4).map { Option(id: String(UnicodeScalar(UInt8(97 + $0))), text: Text("Option \($0) of \(id)"), isCorrect: $0 == key, rationale: "Because.") }
        let stats = p == nil && rpb == nil ? nil : ItemStats(pValue: p, pointBiserial: rpb)
        return Item(id: id, domain: domain, task: task, status: status, stem: Text(stem), body: .choice(ChoiceBody(options: options)),
                    references: [Reference(title: "Docs", url: "https://docs.aws.amazon.com/")], stats: stats)
    }

    static var bank: Bank {
        var items: [Item] = []
        for index in 0..<8 { items.append(single("d1-\(index)", domain: 1, task: "1.\(index % 3 + 1)", key: index % 4, p: 0.3 + Double(index) / 20, rpb: 0.1 * Double(index % 5))) }
        for index in 0..<5 { items.append(single("d2-\(index)", domain: 2, task: "2.1", status: .pretest, key: 1)) }
        items.append(Item(id: "ord-1", domain: 3, task: "3.3", stem: "Put these in order.",
                          body: .ordering((1...3).map { Step(id: "s\($0)", text: Text("Step \($0)")) })))
        let multiple = Item(id: "mr-1", domain: 4, task: "4.1", status: .approved, stem: "Which TWO? (Select TWO.)",
                            body: .choice(ChoiceBody(options: (0..<5).map { Option(id: "o\($0)", text: Text("Choice \($0)"), isCorrect: $0 < 2) }, select: 2)))
        let study = CaseStudy(id: "case-1", scenario: "A scenario.", items: [multiple, single("c-2", domain: 4, task: "4.2", key: 3)])
        return Bank(files: [BankFile(path: "bank/a.xml", items: items), BankFile(path: "bank/b.json", cases: [study])],
                    blueprint: Fixtures.mlaBlueprint)
    }

    static var facts: BankFacts {
        let bank = bank
        let findings = LintEngine().lint(bank)
        return BankFacts(bank: bank, blueprint: Fixtures.mlaBlueprint, findings: findings, rules: BuiltInRules.descriptions)
    }
}

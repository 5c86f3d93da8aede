import QBankCore
@testable import QBankRules
import Testing

/// Prose rules read the prose projection: words inside code, tables and exhibits are not judged.
@Suite struct ProseViewTests {
    private func item(distractor: String) -> Item {
        let options = ["Call fit() with wait=False", distractor, "Call deploy() first", "Call stop() now"].enumerated().map {
            Option(id: String(UnicodeScalar(UInt8(97 + $0.offset))), text: Text($0.element), isCorrect: $0.offset == 0)
        }
        return Item(id: "mla-1.1-900", domain: 1, task: "1.1", stem: "Which call starts the training job without blocking?",
                    body: .choice(ChoiceBody(options: options)))
    }

    @Test func anAbsoluteTermInsideCodeIsNotACue() {
        let code = item(distractor: "Set the retry mode:\n\n```python\nconfig = Config(retries={\"mode\": \"always\"})\n```")
        let rules = LintEngine(selection: RuleSelection(select: ["QB307"]))
        #expect(rules.lint(Bank(files: [BankFile(path: "bank.xml", items: [code])])).filter { $0.ruleID == "QB307" }.isEmpty)
        // The same rule handed the Markdown source judges the code; in prose the word counts.
        let context = ItemContext(file: BankFile(path: "bank.xml"), caseStudy: nil, blueprint: nil)
        #expect(AbsoluteTermsRule().check(code, in: context).count == 1)
        let prose = item(distractor: "Always retry the call")
        #expect(rules.lint(Bank(files: [BankFile(path: "bank.xml", items: [prose])])).filter { $0.ruleID == "QB307" }.count == 1)
    }
}

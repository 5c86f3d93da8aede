import QBankCore
import QBankRules
import Testing
import TestSupport

/// The examples test the fixes too: a fixable rule fixes some of its triggering examples, applying
/// the fixes removes exactly the findings that carried them (with no reading problem), and rules
/// not listed as fixable attach none.
struct RuleFixTests {
    static let exampleRules = BuiltInRules.descriptions.filter { $0.id != LintEngine.noBlueprint.id }

    @Test(arguments: exampleRules)
    func fixesRepairTheirExamples(_ rule: RuleDescription) {
        let fixable = FixableRules.applicability[rule.id] != nil
        var fixedSome = false
        for (index, example) in rule.triggeringExamples.enumerated() {
            let (found, bytes) = findings(of: rule, in: example)
            let fixes = found.compactMap(\.fix)
            guard fixable else {
                #expect(fixes.isEmpty, "\(rule.id) is not listed in FixableRules but attached a fix")
                continue
            }
            fixedSome = fixedSome || !fixes.isEmpty
            let fixed = TextEdit.apply(fixes.flatMap(\.edits), to: bytes).bytes
            let again = findings(of: rule, in: RuleExample(String(decoding: fixed, as: UTF8.self), syntax: example.syntax)).0
            // The findings that had a fix are gone; those without one (a judgement call) remain.
            #expect(again.map(\.message) == found.filter { $0.fix == nil }.map(\.message),
                    "\(rule.id) example \(index + 1) after its fixes: \(again.map(\.message))")
        }
        #expect(!fixable || fixedSome, "\(rule.id) is listed as fixable but fixed none of its triggering examples")
    }

    /// The findings of one rule on an example, and the bytes the fixes' offsets refer to.
    private func findings(of rule: RuleDescription, in example: RuleExample) -> ([Diagnostic], [UInt8]) {
        let (bank, readDiagnostics, marked) = ExampleRunner.read(example)
        let engine = LintEngine(selection: RuleSelection(select: [rule.id]))
        return ((readDiagnostics + engine.lint(bank)).filter { $0.ruleID == rule.id || $0.ruleID.hasPrefix("QB00") }, Array(marked.text.utf8))
    }
}

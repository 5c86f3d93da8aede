import QBankCore
import QBankRules
import Testing
import TestSupport

/// Every rule's examples are its tests: triggering ones must produce a finding where
/// the `↓` marker points, non-triggering ones must produce none.
struct RuleExampleTests {
    static let exampleRules = BuiltInRules.descriptions.filter { $0.id != LintEngine.noBlueprint.id }

    @Test(arguments: exampleRules)
    func triggeringExamplesFire(_ rule: RuleDescription) {
        #expect(!rule.triggeringExamples.isEmpty, "\(rule.id) needs at least one triggering example")
        for (index, example) in rule.triggeringExamples.enumerated() {
            let found = findings(of: rule, in: example)
            #expect(!found.isEmpty, "\(rule.id) triggering example \(index + 1) produced no finding")
            for marker in ExampleRunner.document(for: example).markers {
                let positions = found.map { "\($0.location.line):\($0.location.column)" }
                #expect(
                    found.contains { $0.location.line == marker.line && $0.location.column == marker.column },
                    "\(rule.id) example \(index + 1): expected a finding at \(marker.line):\(marker.column), got \(positions)")
            }
        }
    }

    @Test(arguments: exampleRules)
    func nonTriggeringExamplesStayQuiet(_ rule: RuleDescription) {
        #expect(!rule.nonTriggeringExamples.isEmpty, "\(rule.id) needs at least one non-triggering example")
        for (index, example) in rule.nonTriggeringExamples.enumerated() {
            let found = findings(of: rule, in: example)
            #expect(found.isEmpty, "\(rule.id) non-triggering example \(index + 1) produced \(found.map(\.message))")
            let readProblems = ExampleRunner.read(example).readDiagnostics
            #expect(readProblems.isEmpty, "\(rule.id) non-triggering example \(index + 1) is not a valid bank: \(readProblems.map(\.message))")
        }
    }

    private func findings(of rule: RuleDescription, in example: RuleExample) -> [Diagnostic] {
        let (bank, readDiagnostics, _) = ExampleRunner.read(example)
        // Suppression rules judge what the other rules found, so those run too.
        let engine = LintEngine(selection: RuleSelection(select: rule.category == .suppression ? [] : [rule.id]))
        return (readDiagnostics + engine.lint(bank)).filter { $0.ruleID == rule.id }
    }
}

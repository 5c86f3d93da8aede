import QBankCore
import QBankRules
import Testing
import TestSupport

/// Rule options from settings: applied, checked, and refused with their place.
struct ConfigurableRuleTests {
    let here = SourceLocation(file: "qbank.json", line: 4, column: 20)

    func settings(_ token: String, _ values: [String: RuleOptionValue]) -> LintSettings {
        let options = RuleOptions(values, locations: Dictionary(uniqueKeysWithValues: values.keys.map { ($0, here) }), location: here)
        return LintSettings(rules: [RuleSetting(token: token, options: options)])
    }

    @Test func optionsReachTheRule() throws {
        let engine = try LintEngine(settings: settings("duplicate-items", ["threshold": .number(0.95)]))
        #expect(engine.ruleOptions["QB503"]?["threshold"] == .number(0.95))
        #expect(LintEngine().ruleOptions["QB503"]?["threshold"] == .number(0.8))
        // The triggering near-duplicate example shares less than 95%: quiet now.
        let example = DuplicateItemsRule.description.triggeringExamples[1]
        let bank = ExampleRunner.read(example).bank
        #expect(LintEngine().lint(bank).contains { $0.ruleID == "QB503" })
        #expect(!engine.lint(bank).contains { $0.ruleID == "QB503" })
    }

    /// QB501's run of 4 is a note at the default; a longer `runLength` quiets it, and the note is info.
    @Test func keyPositionRunsFollowRunLength() throws {
        let bank = ExampleRunner.read(KeyPositionImbalanceRule.description.triggeringExamples[1]).bank
        let notes = LintEngine().lint(bank).filter { $0.ruleID == "QB501" }
        #expect(notes.count == 1 && notes.allSatisfy { $0.severity == .info })
        let longer = try LintEngine(settings: settings("QB501", ["runLength": .number(5)]))
        #expect(!longer.lint(bank).contains { $0.ruleID == "QB501" })
    }

    @Test func unknownOptionIsRefusedWithItsPlace() {
        #expect(throws: RuleOptionError.self) { try LintEngine(settings: settings("QB503", ["treshold": .number(0.9)])) }
        do {
            _ = try LintEngine(settings: settings("QB503", ["treshold": .number(0.9)]))
        } catch {
            #expect(error.description.hasPrefix("qbank.json:4:20: rule QB503 duplicate-items has no option 'treshold'"))
        }
    }

    @Test func wrongTypeAndRangeAreRefused() {
        #expect(throws: RuleOptionError.self) { try LintEngine(settings: settings("QB503", ["threshold": .string("high")])) }
        #expect(throws: RuleOptionError.self) { try LintEngine(settings: settings("QB503", ["threshold": .number(2)])) }
        #expect(throws: RuleOptionError.self) { try LintEngine(settings: settings("QB501", ["minimumItems": .number(2.5)])) }
    }

    @Test func aRuleWithoutOptionsRefusesThem() {
        #expect(throws: RuleOptionError.self) { try LintEngine(settings: settings("QB101", ["x": .bool(true)])) }
    }

    @Test func wordListsReplaceTheDefault() throws {
        let engine = try LintEngine(settings: settings("QB502", ["metaOptions": .strings(["Any of these"])]))
        #expect(engine.ruleOptions["QB502"]?["metaOptions"] == .strings(["any of these"]))
    }
}

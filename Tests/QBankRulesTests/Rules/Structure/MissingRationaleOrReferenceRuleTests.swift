import QBankCore
import Testing
import TestSupport
@testable import QBankRules

/// QB110's options for imported legacy banks: rationales on keys only, or none; references optional.
struct MissingRationaleOrReferenceRuleTests {
    static let item = RuleExample("""
        <item id="q1" type="single" domain="1" task="1.1" status="draft">
          <stem>Which service stores training data as objects?</stem>
          <options>
            <option id="a" correct="true"><text>Amazon S3</text><rationale>S3 is object storage.</rationale></option>
            <option id="b"><text>Amazon EBS</text></option>
            <option id="c"><text>Amazon EFS</text></option>
            <option id="d"><text>Amazon FSx for Lustre</text></option>
          </options>
        </item>
        """)

    func findings(_ configure: (inout MissingRationaleOrReferenceRule) -> Void) -> [Diagnostic] {
        var rule = MissingRationaleOrReferenceRule()
        configure(&rule)
        return rule.check(LintContext(bank: ExampleRunner.read(Self.item).bank))
    }

    @Test func oneFindingNamesEverythingMissing() {
        let found = findings { _ in }
        #expect(found.count == 1)
        #expect(found.first?.message.hasPrefix("item 'q1' lacks a reference and a rationale for options 'b', 'c', 'd';") == true)
    }

    @Test func legacyProfileAsksForKeysOnlyAndNoReference() {
        #expect(findings { $0.rationales = "keys"; $0.requireReference = false }.isEmpty)
        #expect(findings { $0.rationales = "none" }.first?.message.hasPrefix("item 'q1' lacks a reference;") == true)
    }

    @Test func unknownRationalesValueIsRefused() {
        var rule = MissingRationaleOrReferenceRule()
        #expect(throws: RuleOptionError.self) { try rule.configure(RuleOptions(["rationales": .string("some")])) }
    }
}

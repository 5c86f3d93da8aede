import QBankCore
import Testing
import TestSupport
@testable import QBankRules

/// QB116 skips texts its byte pre-check rules out; these are the cases the pre-check must let through.
struct PlaceholderContentRuleTests {
    func findings(stem: String, rationale: String = "S3 is object storage.", option: String = "Amazon EBS",
                  _ configure: (inout PlaceholderContentRule) -> Void = { _ in }) -> [String] {
        let example = RuleExample("""
            <item id="q1" type="single" domain="1" task="1.1" status="draft">
              <stem>\(stem)</stem>
              <options>
                <option id="a" correct="true"><text>Amazon S3</text><rationale>\(rationale)</rationale></option>
                <option id="b"><text>\(option)</text></option>
                <option id="c"><text>Amazon EFS</text></option>
              </options>
            </item>
            """)
        var rule = PlaceholderContentRule()
        configure(&rule)
        return rule.check(LintContext(bank: ExampleRunner.read(example).bank)).map(\.message)
    }

    @Test func phrasesInAnyCaseAndNonASCIITextsAreFound() {
        #expect(findings(stem: "Which service stores objects?", rationale: "LOREM IPSUM dolor").first?.contains("'lorem ipsum'") == true)
        #expect(findings(stem: "Café TODO: which service stores objects?").first?.contains("'TODO'") == true)
        #expect(findings(stem: "Which service stores objects?", option: "ANSWER 2").first?.contains("'ANSWER 2'") == true)
        #expect(findings(stem: "Keep a todo list. Which service stores objects?").isEmpty)
    }

    @Test func configuredListsAreLookedFor() {
        #expect(findings(stem: "WIP: which service stores objects?") { $0.markers = ["WIP"] }.count == 1)
        #expect(findings(stem: "Which service stores objects? fill me in") { $0.phrases = ["Fill me"] }.count == 1)
        #expect(findings(stem: "Which service stores objects?", option: "Pick 3") { $0.genericLabels = ["pick"] }.count == 1)
        #expect(findings(stem: "TODO: which service stores objects?") { $0.markers = [] }.isEmpty)
    }
}

@testable import QBankRules
import QBankCore
import Testing

/// Edge cases of the option rules that the examples do not show.
struct QualityRuleEdgeCaseTests {
    private func item(_ options: [(String, Bool)], stem: String = "Which option fits?", shuffle: Bool = true) -> Item {
        Item(id: "q1", domain: 1, task: "1.1", shuffle: shuffle, stem: Text(stem), body: .choice(ChoiceBody(
            options: options.enumerated().map { Option(id: String(UnicodeScalar(97 + $0.offset)!), text: Text($0.element.0), isCorrect: $0.element.1) })))
    }

    private func run<R: ItemRule>(_ rule: R, _ item: Item) -> [Diagnostic] {
        rule.check(item, in: ItemContext(file: BankFile(path: "x.json"), caseStudy: nil, blueprint: nil))
    }

    @Test func allOfTheAboveIsAnErrorOnlyWhenShuffledAndPositional() {
        let options = [("SSE-S3", false), ("SSE-KMS", false), ("DSSE-KMS", false), ("All of the above", true)]
        #expect(run(AllOfTheAboveRule(), item(options)).first?.severity == .error)
        #expect(run(AllOfTheAboveRule(), item(options, shuffle: false)).first?.severity == .warning)
        let these = [("SSE-S3", false), ("SSE-KMS", false), ("DSSE-KMS", false), ("All of these", true)]
        #expect(run(AllOfTheAboveRule(), item(these)).first?.severity == .warning)
    }

    @Test func keyIsLongestRespectsItsThresholds() {
        let options = [("Use Amazon S3 with lifecycle rules to Glacier", true), ("Use EBS", false), ("Use EFS", false), ("Use FSx", false)]
        #expect(run(KeyIsLongestRule(), item(options)).count == 1)
        var lenient = KeyIsLongestRule()
        lenient.ratio = 10
        #expect(run(lenient, item(options)).isEmpty)
        var wordy = KeyIsLongestRule()
        wordy.minimumWords = 20
        #expect(run(wordy, item(options)).isEmpty)
    }

    @Test func numericOrderAllowsOneTrailingNonNumericOption() {
        let sorted = [("1", false), ("2", true), ("4", false), ("8", false), ("Cannot be determined", false)]
        #expect(run(NumericOptionsUnorderedRule(), item(sorted)).isEmpty)
        let descending = [("8", false), ("4", true), ("2", false), ("1", false)]
        #expect(run(NumericOptionsUnorderedRule(), item(descending)).isEmpty)
        let mixedUnits = [("15 minutes", false), ("1 hour", true), ("60 seconds", false)]
        #expect(run(NumericOptionsUnorderedRule(), item(mixedUnits)).isEmpty)
    }

    @Test func absoluteTermsAreSilentWhenTheKeyHasThemUnlessAsked() {
        let options = [("It always converges", true), ("It never converges", false), ("It diverges", false), ("It stalls", false)]
        #expect(run(AbsoluteTermsRule(), item(options)).isEmpty)
        var verbose = AbsoluteTermsRule()
        verbose.reportWhenNotACue = true
        #expect(run(verbose, item(options)).map(\.severity) == [.info, .info])
        var scoped = AbsoluteTermsRule()
        scoped.terms += WordLists.scopeAbsolute
        #expect(run(scoped, item([("Encrypt the bucket", true), ("Encrypt every bucket", false), ("Tag it", false), ("Log it", false)])).count == 1)
    }

    @Test func articleCueSkipsAcronymsAndNeedsAMisfit() {
        let stem = "Private subnets reach the internet through an"
        #expect(run(ArticleAgreementRule(), item([("NAT gateway", true), ("VPC endpoint", false), ("internet gateway", false), ("egress-only gateway", false)], stem: stem)).isEmpty)
        #expect(run(ArticleAgreementRule(), item([("internet gateway", true), ("transit gateway", false), ("egress-only gateway", false), ("VPC endpoint", false)], stem: stem)).count == 1)
    }

    @Test func nearDuplicatesIgnoreArticlesAndInflectionButNotWordOrder() {
        #expect(run(NearDuplicateOptionsRule(), item([("Use an S3 bucket.", true), ("use S3 buckets", false), ("Use EFS", false), ("Use EBS", false)])).count == 1)
        #expect(run(NearDuplicateOptionsRule(), item([("Use A, not B", true), ("Use B, not A", false), ("Use C", false), ("Use D", false)])).isEmpty)
    }
}

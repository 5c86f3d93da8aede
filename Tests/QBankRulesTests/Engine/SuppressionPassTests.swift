import QBankCore
import QBankRules
import Testing
import TestSupport

/// Inline suppressions: what they silence, and QB901–QB903 about the suppressions themselves.
struct SuppressionPassTests {
    /// An item with no reference: QB110 fires once on it.
    static func item(_ id: String, _ comments: String = "") -> String {
        """
        \(comments)
        <item id="\(id)" type="single" domain="1" task="1.1" status="draft">
          <stem>Which service stores training data as objects for team \(id)?</stem>
          <options>
            <option id="a" correct="true"><text>Amazon S3</text><rationale>Object storage.</rationale></option>
            <option id="b"><text>Amazon EFS</text><rationale>File storage.</rationale></option>
            <option id="c"><text>Amazon EBS</text><rationale>Block storage.</rationale></option>
            <option id="d"><text>Amazon FSx for Lustre</text><rationale>Fast file storage.</rationale></option>
          </options>
        </item>
        """
    }

    func lint(_ source: String, settings: LintSettings = LintSettings()) throws -> LintOutcome {
        let (bank, readDiagnostics, _) = ExampleRunner.read(RuleExample(source))
        #expect(readDiagnostics.isEmpty, "\(readDiagnostics.map(\.message))")
        return try LintEngine(settings: settings).run(bank)
    }

    func codes(_ outcome: LintOutcome) -> [String] { outcome.diagnostics.map(\.ruleID) }

    @Test func aSuppressionSilencesItsRuleOnItsItemOnly() throws {
        let outcome = try lint(Self.item("q1", "<!-- qbank-disable QB110 - rationales come in review -->") + Self.item("q2"))
        #expect(codes(outcome) == ["QB110"])
        #expect(outcome.diagnostics[0].itemID == "q2")
        #expect(outcome.suppressed.map(\.diagnostic.itemID) == ["q1"])
        #expect(outcome.suppressed[0].kind == .inSource)
        #expect(outcome.suppressed[0].justification == "rationales come in review")
    }

    @Test func namesWorkLikeCodesInAnyCase() throws {
        let outcome = try lint(Self.item("q1", "<!-- qbank-disable Missing-Rationale-Or-Reference - later -->"))
        #expect(codes(outcome).isEmpty)
        #expect(outcome.suppressed.count == 1)
    }

    @Test func unusedIsReportedOnlyForRulesThatRan() throws {
        let source = Self.item("q1", "<!-- qbank-disable QB110 QB101 - legacy -->")
        let all = try lint(source)
        #expect(codes(all) == ["QB901"])
        #expect(all.diagnostics[0].message.contains("QB101"))
        #expect(all.diagnostics[0].location.line == 2)
        // QB101 switched off: its suppression is not judged.
        #expect(codes(try lint(source, settings: LintSettings(ignore: ["QB101"]))).isEmpty)
        // Switched off for this path only: likewise.
        let perPath = LintSettings(overrides: [PathOverride(files: ["example.xml"], ignore: ["QB101"])], baseDirectory: "/w", workingDirectory: "/w")
        #expect(codes(try lint(source, settings: perPath)).isEmpty)
    }

    @Test func unknownAndUnsuppressibleRules() throws {
        let outcome = try lint(Self.item("q1", "<!-- qbank-disable QB110 key-is-longer QB002 - legacy -->"))
        #expect(codes(outcome) == ["QB902", "QB902"])
        #expect(outcome.diagnostics.contains { $0.message.contains("'key-is-longer', which is no rule") })
        #expect(outcome.diagnostics.contains { $0.message.contains("QB002 schema-violation, which cannot be suppressed") })
    }

    @Test func blanketAndReasonless() throws {
        let blanket = try lint(Self.item("q1", "<!-- qbank-disable - legacy -->"))
        #expect(codes(blanket) == ["QB903"])
        #expect(blanket.suppressed.count == 1)
        let bare = try lint(Self.item("q1", "<!-- qbank-disable -->"))
        #expect(codes(bare) == ["QB903"])
        #expect(bare.diagnostics[0].message.contains("no rule and gives no reason"))
        let noReason = try lint(Self.item("q1", "<!-- qbank-disable QB110 -->"))
        #expect(codes(noReason) == ["QB903"])
        // A blanket suppression on a clean item is also unused.
        let clean = """
            <!-- qbank-disable - legacy -->
            <item id="q1" type="ordering" domain="3" task="3.3" status="draft">
              <stem>Arrange the steps to release a model.</stem>
              <steps>
                <step id="s1"><text>Register</text><rationale>First.</rationale></step>
                <step id="s2"><text>Approve</text><rationale>Second.</rationale></step>
                <step id="s3"><text>Deploy</text><rationale>Third.</rationale></step>
              </steps>
              <references><reference title="Guide" url="https://docs.aws.amazon.com/sagemaker/"/></references>
            </item>
            """
        #expect(Set(codes(try lint(clean))) == ["QB901", "QB903"])
    }

    @Test func aCaseSuppressionCoversItsItems() throws {
        let source = """
            <!-- qbank-disable QB110 - the case is being rewritten -->
            <case id="c1">
              <scenario>A team trains models.</scenario>
            \(Self.item("c1-q1"))
            \(Self.item("c1-q2"))
            </case>
            """
        let outcome = try lint(source)
        #expect(codes(outcome).isEmpty, "\(outcome.diagnostics.map(\.message))")
        #expect(outcome.suppressed.count == 2)
    }

    @Test func suppressionFindingsFollowTheSettings() throws {
        let source = Self.item("q1", "<!-- qbank-disable QB110 -->")
        #expect(codes(try lint(source, settings: LintSettings(ignore: ["QB903"]))).isEmpty)
        let asError = try lint(source, settings: LintSettings(rules: [RuleSetting(token: "suppression", severity: .error)]))
        #expect(asError.diagnostics.map(\.severity) == [.error])
    }

    @Test func jsonSuppressionsWorkTheSame() throws {
        let source = """
            {"format": "urn:qbank:bank:1", "items": [{"id": "q1", "type": "ordering", "domain": 3, "task": "3.3",
              "status": "draft", "stem": "Arrange the steps to release a model.",
              "steps": [{"id": "s1", "text": "Register"}, {"id": "s2", "text": "Approve"}, {"id": "s3", "text": "Deploy"}],
              "qbank": [{"disable": ["QB110"], "reason": "legacy"}, {"disable": ["QB104"], "reason": "never fires"}]}]}
            """
        let (bank, readDiagnostics, _) = ExampleRunner.read(RuleExample(source, syntax: .json))
        #expect(readDiagnostics.isEmpty)
        let outcome = LintEngine().run(bank)
        #expect(codes(outcome) == ["QB901"])
        #expect(outcome.diagnostics[0].location.line == 4)
        #expect(Set(outcome.suppressed.map(\.diagnostic.ruleID)) == ["QB110"])
    }
}

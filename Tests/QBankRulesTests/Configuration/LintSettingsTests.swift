import QBankCore
@testable import QBankRules
import Testing

/// How `qbank.json` settings decide severity: specificity, order, per-path overrides, strict.
struct LintSettingsTests {
    let rule = BuiltInRules.description(of: "QB110")!   // missing-rationale-or-reference, structure, warning

    func finding(_ file: String) -> Diagnostic {
        Diagnostic(ruleID: rule.id, ruleName: rule.name, severity: rule.severity, message: "m",
                   location: SourceLocation(file: file, line: 1, column: 1), itemID: "q1")
    }

    @Test func theMostSpecificEntryWinsThenTheLast() {
        var settings = LintSettings(rules: [RuleSetting(token: "QB110", severity: .error), RuleSetting(token: "ALL", severity: .info)])
        #expect(settings.level(of: rule) == .error)
        settings.rules = [RuleSetting(token: "structure", severity: .info), RuleSetting(token: "QB1", severity: .off)]
        #expect(settings.level(of: rule) == .off)
        settings.rules = [RuleSetting(token: "QB110", severity: .info), RuleSetting(token: "missing-rationale-or-reference", severity: .error)]
        #expect(settings.level(of: rule) == .error)
        settings.rules = []
        #expect(settings.level(of: rule) == nil)
    }

    @Test func selectAndIgnoreTurnRulesOff() {
        #expect(LintSettings(select: ["QB2"]).level(of: rule) == .off)
        #expect(LintSettings(ignore: ["structure"]).level(of: rule) == .off)
        #expect(LintSettings(select: ["QB1"], rules: [RuleSetting(token: "QB110", severity: .error)]).level(of: rule) == .error)
    }

    @Test func overridesApplyByPathRelativeToTheConfigFolder() {
        let settings = LintSettings(
            overrides: [
                PathOverride(files: ["legacy/**"], rules: [RuleSetting(token: "QB110", severity: .info)]),
                PathOverride(files: ["*.json"], ignore: ["missing-rationale-or-reference"]),
                PathOverride(files: ["legacy/keep.xml"], rules: [RuleSetting(token: "QB110", severity: .error)]),
            ],
            baseDirectory: "/repo/bank", workingDirectory: "/repo")
        #expect(settings.apply(finding("bank/new.xml"), rule: rule)?.severity == .warning)
        #expect(settings.apply(finding("bank/legacy/old.xml"), rule: rule)?.severity == .info)
        #expect(settings.apply(finding("bank/legacy/a/b/old.xml"), rule: rule)?.severity == .info)
        #expect(settings.apply(finding("/repo/bank/x/y.json"), rule: rule) == nil)
        #expect(settings.apply(finding("bank/legacy/keep.xml"), rule: rule)?.severity == .error)
        #expect(settings.apply(finding("other/legacy/old.xml"), rule: rule)?.severity == .warning)
    }

    @Test func anOverrideCanSwitchOnARuleThatIsOffElsewhere() {
        let settings = LintSettings(rules: [RuleSetting(token: "QB110", severity: .off)],
                                    overrides: [PathOverride(files: ["new"], rules: [RuleSetting(token: "QB110", severity: .warning)])],
                                    baseDirectory: "/b", workingDirectory: "/b")
        #expect(settings.mayReport(rule))
        #expect(settings.apply(finding("old/a.xml"), rule: rule) == nil)
        #expect(settings.apply(finding("new/a.xml"), rule: rule)?.severity == .warning)
        #expect(!LintSettings(rules: [RuleSetting(token: "QB110", severity: .off)]).mayReport(rule))
    }

    @Test func strictMakesWarningsErrorsAfterEverythingElse() {
        var settings = LintSettings(strict: true)
        #expect(settings.apply(finding("a.xml"), rule: rule)?.severity == .error)
        settings.rules = [RuleSetting(token: "QB110", severity: .info)]
        #expect(settings.apply(finding("a.xml"), rule: rule)?.severity == .info)
    }

    @Test(arguments: [
        ("*.xml", "a/b/c.xml", true), ("*.xml", "c.json", false), ("legacy/**", "legacy/a/b.xml", true),
        ("legacy/**", "legacy2/a.xml", false), ("**/drafts/*.xml", "a/drafts/x.xml", true), ("**/drafts/*.xml", "drafts/x.xml", true),
        ("a/*.xml", "a/b/c.xml", false), ("a/?.xml", "a/b.xml", true), ("Banks/legacy", "Banks/legacy/x/y.json", true),
        ("./Banks/*.json", "Banks/a.json", true),
    ])
    func globs(_ pattern: String, _ path: String, _ expected: Bool) {
        #expect(Glob.matches(pattern, path) == expected)
    }

    @Test func relativePaths() {
        #expect(Glob.relativePath("bank/a.xml", base: "/repo", workingDirectory: "/repo") == "bank/a.xml")
        #expect(Glob.relativePath("../bank/./a.xml", base: "/repo/bank", workingDirectory: "/repo/x") == "a.xml")
        #expect(Glob.relativePath("/elsewhere/a.xml", base: "/repo", workingDirectory: "/repo") == "/elsewhere/a.xml")
    }

    /// The engine resolves settings once per rule and per file: for every rule and path, in any order and
    /// repeated, it must give what `apply` gives.
    @Test func theResolverAgreesWithApply() {
        let settings = LintSettings(
            select: [" qb1 ", "QB2", "stem"], ignore: ["QB20", "Missing-Rationale-Or-Reference"],
            rules: [RuleSetting(token: "structure", severity: .info), RuleSetting(token: "qb101", severity: .error)],
            overrides: [
                PathOverride(files: ["legacy/**"], rules: [RuleSetting(token: "QB110", severity: .warning)]),
                PathOverride(files: ["*.json"], ignore: ["QB1"]),
                PathOverride(files: ["legacy/keep.xml"], rules: [RuleSetting(token: "ALL", severity: .error)]),
            ],
            strict: true, baseDirectory: "/repo/bank", workingDirectory: "/repo")
        var resolver = SettingsResolver(settings)
        let files = ["bank/new.xml", "bank/legacy/old.xml", "/repo/bank/x/y.json", "bank/legacy/keep.xml", "other/a.xml"]
        for _ in 0..<2 {
            for file in files + files.reversed() {
                for rule in BuiltInRules.descriptions {
                    let diagnostic = Diagnostic(ruleID: rule.id, ruleName: rule.name, severity: rule.severity, message: "m",
                                                location: SourceLocation(file: file, line: 1, column: 1), itemID: "q1")
                    #expect(resolver.apply(diagnostic, rule: rule)?.severity == settings.apply(diagnostic, rule: rule)?.severity,
                            "\(rule.id) in \(file)")
                    #expect((resolver.apply(diagnostic, rule: rule) == nil) == (settings.apply(diagnostic, rule: rule) == nil))
                }
            }
        }
    }
}

import QBankCore
import QBankRules
import Testing

/// The engine sorts rules by `asItemRule`, `asConfigurable` and `readsSourceText` instead of
/// dynamic casts; each must agree with the cast it replaces, for every built-in rule.
struct RuleKindTests {
    @Test(arguments: BuiltInRules.all.map { $0.description.id })
    func kindAnswersAsTheCastWould(_ id: String) throws {
        let type = try #require(BuiltInRules.all.first { $0.description.id == id })
        let rule = type.init()
        #expect((rule.asItemRule != nil) == (rule is any ItemRule))
        #expect((rule.asConfigurable != nil) == (rule is any ConfigurableRule))
        #expect(rule.readsSourceText == (rule is any SourceTextRule))
    }

    @Test func theBuiltInRulesIncludeEveryKind() {
        let rules = BuiltInRules.all.map { $0.init() }
        #expect(rules.contains { $0.asItemRule != nil && $0.readsSourceText })
        #expect(rules.contains { $0.asItemRule != nil && !$0.readsSourceText })
        #expect(rules.contains { $0.asItemRule == nil })
        #expect(rules.contains { $0.asConfigurable != nil })
    }
}

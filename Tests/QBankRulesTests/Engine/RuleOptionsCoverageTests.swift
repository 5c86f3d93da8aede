import Foundation
import QBankCore
import Testing
@testable import QBankRules

/// Every rule's tunables are options a project can set, each option takes effect, and every option a rationale
/// names (`camelCase` in backticks) exists.
struct RuleOptionsCoverageTests {
    /// Stored properties derived from an option (a phrase list split once, a byte pre-check), not options themselves.
    static func isDerivedCache(_ value: Any) -> Bool { value is PhraseList || value is ByteNeedles || value is WordGate }

    static func tunables(of rule: any Rule) -> Set<String> {
        Set(Mirror(reflecting: rule).children.compactMap { child in
            guard let label = child.label, !isDerivedCache(child.value) else { return nil }
            return label
        })
    }

    @Test(arguments: BuiltInRules.all.indices)
    func everyTunableIsAnOption(_ index: Int) {
        let type = BuiltInRules.all[index]
        let rule = type.init()
        let tunables = Self.tunables(of: rule)
        guard !tunables.isEmpty else { return }
        let options = (rule as? any ConfigurableRule)?.options ?? [:]
        #expect(Set(options.keys) == tunables, "\(type.description.id): options \(options.keys.sorted()) against properties \(tunables.sorted())")
    }

    @Test(arguments: BuiltInRules.all.indices)
    func everyOptionRoundTripsAndTakesEffect(_ index: Int) throws {
        let type = BuiltInRules.all[index]
        guard var rule = type.init() as? any ConfigurableRule else { return }
        let defaults = rule.options
        try rule.configure(RuleOptions(defaults))
        #expect(rule.options == defaults, "\(type.description.id): setting the defaults changed them")
        for (name, value) in defaults {
            var changed = false
            for candidate in Self.variations(of: value) {
                var probe = type.init() as! any ConfigurableRule
                guard (try? probe.configure(RuleOptions([name: candidate]))) != nil else { continue }
                #expect(probe.options[name] == candidate, "\(type.description.id).\(name): set \(candidate), reads \(String(describing: probe.options[name]))")
                changed = true
                break
            }
            #expect(changed, "\(type.description.id).\(name) accepts no value but its default")
        }
    }

    @Test(arguments: BuiltInRules.all.indices)
    func optionsNamedInTheRationaleExist(_ index: Int) {
        let type = BuiltInRules.all[index]
        let named = type.description.rationale.matches(of: /`([a-z]+[A-Z][A-Za-z]*)`/).map { String($0.1) }
        let options = (type.init() as? any ConfigurableRule)?.options ?? [:]
        for name in named { #expect(options[name] != nil, "\(type.description.id)'s rationale names `\(name)`, which is not an option") }
    }

    static func variations(of value: RuleOptionValue) -> [RuleOptionValue] {
        switch value {
        case .bool(let flag): [.bool(!flag)]
        case .number(let number):
            [number + 1, number - 1, number * 2, number / 2, number + 0.05, number - 0.05].filter { $0 != number }.map { .number($0) }
        // A string option may be an enumeration: QB110's `rationales` takes "every", "keys" or "none".
        case .string(let text): [text + "x", "keys", "none", "every"].filter { $0 != text }.map { .string($0) }
        case .strings(let list): [.strings((list + ["qbank test"]).sorted())]
        }
    }
}

import Dispatch
import QBankCore

/// Runs the enabled rules over a bank and returns their findings in report order,
/// after project settings (severities, per-path overrides) and inline suppressions.
public struct LintEngine: Sendable {
    public var rules: [any Rule]
    public var settings: LintSettings
    /// Every configurable rule's options with the values in force, by rule id
    /// (rules that do not run included), for `--print-config`.
    public private(set) var ruleOptions: [String: [String: RuleOptionValue]] = [:]

    /// Every rule at its default options, selected by `selection`.
    public init(selection: RuleSelection = RuleSelection(), rules: [any Rule.Type] = BuiltInRules.all) {
        // Without options there is nothing that can fail to configure.
        self = try! LintEngine(settings: LintSettings(select: selection.selected, ignore: selection.ignored), rules: rules)
    }

    /// Rules configured by `settings`; throws when an option is unknown or out of range.
    public init(settings: LintSettings, rules: [any Rule.Type] = BuiltInRules.all) throws(RuleOptionError) {
        self.settings = settings
        let options = settings.options(among: rules.map { $0.description })
        var instances: [any Rule] = []
        for type in rules {
            // Options are checked even for rules that do not run, so a typo never hides.
            let rule = try Self.configured(type, options[type.description.id])
            if let configurable = rule as? any ConfigurableRule { ruleOptions[type.description.id] = configurable.options }
            if settings.mayReport(type.description) { instances.append(rule) }
        }
        self.rules = instances
    }

    static func configured(_ type: any Rule.Type, _ options: RuleOptions?) throws(RuleOptionError) -> any Rule {
        let rule = type.init()
        guard let options, !options.isEmpty else { return rule }
        let code = "\(type.description.id) \(type.description.name)"
        guard var configurable = rule as? any ConfigurableRule else {
            throw RuleOptionError("rule \(code) has no options; remove its \"options\"", at: options.location)
        }
        let known = configurable.options.keys.sorted()
        for name in options.values.keys.sorted() where !known.contains(name) {
            throw RuleOptionError("rule \(code) has no option '\(name)'; it has \(known.map { "'\($0)'" }.joined(separator: ", "))",
                                  at: options.locations[name] ?? options.location)
        }
        try configurable.configure(options)
        return configurable
    }

    /// Descriptions of the rules this engine reports under, readers' included, in id order.
    public var enabledDescriptions: [RuleDescription] {
        BuiltInRules.descriptions.filter(settings.mayReport)
    }

    /// Active findings, in report order.
    public func lint(_ bank: Bank) -> [Diagnostic] { run(bank).diagnostics }

    /// Active findings and the ones inline suppressions silenced.
    public func run(_ bank: Bank) -> LintOutcome {
        var found: [Diagnostic] = []
        if bank.blueprint == nil, let first = bank.files.first, settings.mayReport(Self.noBlueprint) {
            found.append(Diagnostic(
                ruleID: Self.noBlueprint.id, ruleName: Self.noBlueprint.name, severity: Self.noBlueprint.severity,
                message: "no blueprint.json in this folder or any parent; domain and task checks were skipped",
                location: SourceLocation(file: first.path, line: 1, column: 1)))
        }
        let context = LintContext(bank: bank)
        // Rules are independent and stateless: run them on every core.
        let perRule = ConcurrentSlots<[Diagnostic]>(count: rules.count)
        DispatchQueue.concurrentPerform(iterations: rules.count) { index in
            perRule.store(rules[index].check(context), at: index)
        }
        for findings in perRule.values { found += findings ?? [] }
        found = applySettings(found)
        let pass = SuppressionPass(bank: bank, settings: settings)
        var outcome = pass.apply(to: found)
        outcome.diagnostics = applySettings(outcome.diagnostics).sorted(by: Diagnostic.reportOrder)
        return outcome
    }

    /// Drops findings of rules that are off for their file and sets configured severities.
    func applySettings(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.compactMap { diagnostic in
            guard let rule = BuiltInRules.description(of: diagnostic.ruleID) else { return diagnostic }
            return settings.apply(diagnostic, rule: rule)
        }
    }

    /// Reported by the engine itself when a bank has no blueprint to check against.
    public static let noBlueprint = RuleDescription(
        id: "QB003", name: "no-blueprint", category: .syntax,
        summary: "A bank should have a blueprint.json in its folder or a parent folder.",
        rationale: """
            Domains and task statements are checked against the blueprint, and balance and assembly need it. \
            Without one those checks are skipped, which this warning makes visible.
            """,
        severity: .warning
    )
}

/// What one lint run found.
public struct LintOutcome: Sendable {
    /// Findings that count, in report order.
    public var diagnostics: [Diagnostic]
    /// Findings silenced by inline suppressions, in report order.
    public var suppressed: [SuppressedDiagnostic]

    public init(diagnostics: [Diagnostic], suppressed: [SuppressedDiagnostic] = []) {
        self.diagnostics = diagnostics
        self.suppressed = suppressed
    }
}

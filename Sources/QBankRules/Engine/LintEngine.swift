import Dispatch
import QBankCore

/// Runs the enabled rules over a bank and returns their findings in report order.
public struct LintEngine: Sendable {
    public var rules: [any Rule]
    public var selection: RuleSelection

    public init(selection: RuleSelection = RuleSelection(), rules: [any Rule.Type] = BuiltInRules.all) {
        self.selection = selection
        self.rules = rules.filter { selection.isEnabled($0.description) }.map { $0.init() }
    }

    /// Descriptions of the rules this engine reports under, readers' included, in id order.
    public var enabledDescriptions: [RuleDescription] {
        BuiltInRules.descriptions.filter(selection.isEnabled)
    }

    public func lint(_ bank: Bank, progress: ProgressHandler? = nil) -> [Diagnostic] {
        var found: [Diagnostic] = []
        if bank.blueprint == nil, let first = bank.files.first, selection.isEnabled(Self.noBlueprint) {
            found.append(Diagnostic(
                ruleID: Self.noBlueprint.id, ruleName: Self.noBlueprint.name, severity: Self.noBlueprint.severity,
                message: "no blueprint.json in this folder or any parent; domain and task checks were skipped",
                location: SourceLocation(file: first.path, line: 1, column: 1)))
        }
        let context = LintContext(bank: bank)
        // Rules are independent and stateless: run them on every core.
        let perRule = ConcurrentSlots<[Diagnostic]>(count: rules.count)
        let counter = ProgressCounter(total: rules.count, phase: "running rules", handler: progress)
        DispatchQueue.concurrentPerform(iterations: rules.count) { index in
            perRule.store(rules[index].check(context), at: index)
            counter.advance()
        }
        for findings in perRule.values { found += findings ?? [] }
        return found.sorted(by: Diagnostic.reportOrder)
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


import QBankCore

/// Which rules offer fixes (on the findings that allow a mechanical one), and of what kind: `qbank rules` and `qbank explain` show it, and
/// `RuleFixTests` checks that exactly these rules attach fixes to their triggering examples.
public enum FixableRules {
    public static let applicability: [String: Fix.Applicability] = [
        SelectCountRule.description.id: .safe,
        NegativeLeadInRule.description.id: .safe,
        SelectCountMissingRule.description.id: .safe,
        OrderingSequenceMarkerRule.description.id: .safe,
        NumericOptionsUnorderedRule.description.id: .safe,
        DuplicateItemsRule.description.id: .unsafe,
    ]

    /// "Fix: safe (qbank lint --fix)" for a fixable rule, nil otherwise.
    public static func note(for rule: RuleDescription) -> String? {
        switch applicability[rule.id] {
        case .safe?: "Fix: safe, applied by `qbank lint --fix` (preview with --diff) where the finding allows a mechanical one."
        case .unsafe?: "Fix: unsafe, applied by `qbank lint --fix --unsafe-fixes` only, where the finding allows one; review it."
        case nil: nil
        }
    }
}

import QBankCore

/// Lint findings counted per rule, with what a reader needs to look the rule up.
public struct LintFacts: Sendable, Equatable {
    public struct RuleCount: Sendable, Equatable {
        public var id: String
        public var name: String
        public var severity: Severity
        public var count: Int
        public var helpURI: String
    }

    public var findings: [Diagnostic]
    /// Rules with at least one finding, in code order.
    public var perRule: [RuleCount]

    public init(findings: [Diagnostic], rules: [RuleDescription]) {
        self.findings = findings.sorted(by: Diagnostic.reportOrder)
        let byID = Dictionary(rules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        perRule = Dictionary(grouping: findings, by: \.ruleID).map { id, found in
            let rule = byID[id]
            return RuleCount(id: id, name: rule?.name ?? found[0].ruleName, severity: found.map(\.severity).max() ?? .warning,
                             count: found.count, helpURI: rule?.helpURI ?? "https://qbank.dev/rules/\(id)")
        }.sorted { $0.id < $1.id }
    }

    public func count(_ severity: Severity) -> Int { findings.filter { $0.severity == severity }.count }
}

import QBankAssembly
import QBankCore

/// The numbers a bank report shows, measured once from the model. Layout and
/// rendering only arrange and print these.
public struct BankFacts: Sendable {
    public var blueprint: Blueprint
    public var supply: BankSupply
    public var files: [FileFacts]
    public var standaloneItems: Int
    public var caseItems: Int
    /// Items whose candidate-facing texts (stem, scenario, options, steps, prompts, responses) hold each kind of rich content.
    public var content: RichContentCounts
    public var items: ItemMeasures
    public var lint: LintFacts

    /// - parameter findings: every finding about the bank (reader and rules), in any order.
    /// - parameter rules: descriptions of the rules the findings cite, for names and doc links.
    public init(bank: Bank, blueprint: Blueprint, findings: [Diagnostic], rules: [RuleDescription]) {
        self.blueprint = blueprint
        supply = BankSupply(bank: bank, blueprint: blueprint)
        standaloneItems = bank.files.reduce(0) { $0 + $1.items.count }
        caseItems = bank.allCases.reduce(0) { $0 + $1.items.count }
        content = RichContentCounts(bank)
        items = ItemMeasures(bank.allItems)
        lint = LintFacts(findings: findings, rules: rules)
        let byFile = Dictionary(grouping: findings, by: \.location.file)
        files = bank.files.map { file in
            let found = byFile[file.path] ?? []
            return FileFacts(path: file.path, items: file.allItems.count, cases: file.cases.count,
                             errors: found.filter { $0.severity == .error }.count,
                             warnings: found.filter { $0.severity == .warning }.count)
        }.sorted { $0.path < $1.path }
    }

    /// Domains whose supply caps the number of disjoint forms, with the pool that does it.
    public var limits: [FormLimit] {
        let most = supply.maxForms
        return supply.domains.compactMap { domain in
            guard domain.formsSupported == most else { return nil }
            let byScored = domain.scoredPerForm > 0 ? domain.scoredEligible / domain.scoredPerForm : Int.max
            let byPretest = domain.unscoredPerForm > 0 ? domain.pretest / domain.unscoredPerForm : Int.max
            let thinnest = domain.tasks.min { lhs, rhs in
                byScored <= byPretest
                    ? (lhs.scoredEligible, lhs.id) < (rhs.scoredEligible, rhs.id)
                    : (lhs.pretest, lhs.id) < (rhs.pretest, rhs.id)
            }
            return FormLimit(domain: domain, pool: byScored <= byPretest ? .scored : .pretest, thinnestTask: thinnest)
        }
    }
}

public struct FileFacts: Sendable, Equatable {
    public var path: String
    public var items: Int
    public var cases: Int
    public var errors: Int
    public var warnings: Int
}

/// Why the bank supports no more forms than it does.
public struct FormLimit: Sendable, Equatable {
    public var domain: DomainSupply
    public var pool: Shortfall.Pool
    /// The task statement of that domain with the fewest items in the limiting pool.
    public var thinnestTask: TaskSupply?
}

import QBankCore

/// A lint rule: a stateless value that looks at a bank and returns findings.
///
/// Rules never print and never throw; everything a user sees about a rule comes from
/// its `description`.
public protocol Rule: Sendable {
    static var description: RuleDescription { get }
    init()
    func check(_ context: LintContext) -> [Diagnostic]
    /// This rule as an item rule, or nil. Answered by the conformance (see the extensions below),
    /// not by `as?`: a dynamic cast to a protocol scans the binary's conformance records, a fixed
    /// cost of tens of millions of instructions per run across all the rules.
    var asItemRule: (any ItemRule)? { get }
    /// This rule as a configurable one, or nil; answered by the conformance, like `asItemRule`.
    var asConfigurable: (any ConfigurableRule)? { get }
    /// Whether the rule reads texts as written (`SourceTextRule`) rather than as prose.
    var readsSourceText: Bool { get }
}

extension Rule {
    public var asItemRule: (any ItemRule)? { nil }
    public var asConfigurable: (any ConfigurableRule)? { nil }
    public var readsSourceText: Bool { false }
}

/// A rule that looks at one item at a time (every item, stand-alone or in a case).
public protocol ItemRule: Rule {
    func check(_ item: Item, in context: ItemContext) -> [Diagnostic]
}

extension ItemRule {
    public var asItemRule: (any ItemRule)? { self }

    public func check(_ context: LintContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        // Indices, not `for item in`, so items are borrowed from the arrays rather than copied.
        for file in context.bank.files {
            let fileContext = ItemContext(file: file, caseStudy: nil, blueprint: context.bank.blueprint)
            for index in file.items.indices {
                found += check(file.items[index], in: fileContext)
            }
            for caseStudy in file.cases {
                let itemContext = ItemContext(file: file, caseStudy: caseStudy, blueprint: context.bank.blueprint)
                for index in caseStudy.items.indices { found += check(caseStudy.items[index], in: itemContext) }
            }
        }
        return found
    }
}

/// What a whole-bank rule sees.
public struct LintContext: Sendable {
    public var bank: Bank
    /// Per-item analyses of the bank rules kept by the lint cache, and where fresh ones go; nil without a cache.
    public var analyses: BankAnalyses?

    public init(bank: Bank, analyses: BankAnalyses? = nil) {
        self.bank = bank
        self.analyses = analyses
    }
}

/// What an item rule sees besides the item.
/// A rule that reads item texts as the Markdown their authors wrote (images, code, tables)
/// rather than the prose projection every other rule reads (see `ProseView`).
public protocol SourceTextRule: Rule {}

extension SourceTextRule {
    public var readsSourceText: Bool { true }
}

public struct ItemContext: Sendable {
    public var file: BankFile
    /// The case study the item belongs to, if any.
    public var caseStudy: CaseStudy?
    public var blueprint: Blueprint?
}

extension Rule {
    /// A finding of this rule at `origin`, falling back to the top of `file`; at a text value it
    /// ends where the text ends, and `fix` (if any) is its mechanical repair.
    public func diagnostic(
        _ message: String, at origin: Origin, in file: String, item: String?, related: [RelatedLocation] = [], fix: Fix? = nil
    ) -> Diagnostic {
        let rule = Self.description
        var finding = Diagnostic(
            ruleID: rule.id, ruleName: rule.name, severity: rule.severity, message: message,
            location: origin.location ?? SourceLocation(file: file, line: 1, column: 1),
            itemID: item, related: related
        )
        finding.end = origin.location == nil ? nil : origin.span?.endLocation
        finding.fix = fix
        return finding
    }
}

/// Everything a user or a report needs to know about a rule, declared once, next to
/// the rule's code. `qbank rules`, `qbank explain`, SARIF `rules[]` and the rule's
/// tests all read this one value.
public struct RuleDescription: Sendable, Hashable {
    /// Stable code, e.g. `QB101`. Never reused for another meaning.
    public var id: String
    /// Stable kebab-case name, accepted wherever the code is.
    public var name: String
    public var category: RuleCategory
    /// One sentence ending in a period.
    public var summary: String
    /// Why the rule exists, with its source where there is one.
    public var rationale: String
    public var severity: Severity
    /// Bank snippets that must produce a finding. A `↓` marks where it must point.
    public var triggeringExamples: [RuleExample]
    /// Bank snippets that must not produce a finding.
    public var nonTriggeringExamples: [RuleExample]

    public init(
        id: String, name: String, category: RuleCategory, summary: String, rationale: String,
        severity: Severity, triggeringExamples: [RuleExample] = [], nonTriggeringExamples: [RuleExample] = []
    ) {
        self.id = id
        self.name = name
        self.category = category
        self.summary = summary
        self.rationale = rationale
        self.severity = severity
        self.triggeringExamples = triggeringExamples
        self.nonTriggeringExamples = nonTriggeringExamples
    }

    /// Where the rule's documentation lives, for `helpUri` and text output.
    public var helpURI: String { "https://qbank.dev/rules/\(id)" }
}

public enum RuleCategory: String, Sendable, Hashable, CaseIterable {
    case syntax      // QB0xx
    case structure   // QB1xx
    case stem        // QB2xx
    case options     // QB3xx
    case typeSpecific = "type-specific" // QB4xx
    case bank        // QB5xx
    case statistics  // QB6xx: stored item statistics
    case suppression // QB9xx
}

/// A rule example: the content of a bank file in one syntax.
///
/// XML examples may be written as bare `<item>`/`<case>` elements; the test
/// harness wraps them in a `<bank>` element. JSON examples are whole files.
public struct RuleExample: Sendable, Hashable, ExpressibleByStringLiteral {
    public enum Syntax: String, Sendable, Hashable { case xml, json }

    public var syntax: Syntax
    public var source: String

    public init(_ source: String, syntax: Syntax = .xml) {
        self.source = source
        self.syntax = syntax
    }

    public init(stringLiteral value: String) { self.init(value) }

    /// The marker that shows where a finding must point in a triggering example.
    public static let marker: Character = "↓"
}

/// One finding: what is wrong, where, and which rule says so.
///
/// Findings are values; failures to read a file at all are errors thrown by readers
/// and become `QB001` diagnostics at the edge.
public struct Diagnostic: Hashable, Sendable, Codable {
    /// Stable rule code, e.g. `QB101`.
    public var ruleID: String
    /// Stable kebab-case rule name, e.g. `single-answer-key-count`.
    public var ruleName: String
    public var severity: Severity
    /// A sentence that says what is wrong and what to do.
    public var message: String
    public var location: SourceLocation
    /// The item (or case study) the finding is about, when there is one.
    public var itemID: String?
    /// Other places involved, e.g. the first definition of a duplicated id.
    public var related: [RelatedLocation]
    /// Where the flagged span ends (exclusive, same line/column kind as `location`), when the
    /// reader or rule knows it: the text or value being flagged. Reporters fall back to the line's end.
    public var end: SourceLocation?
    /// A mechanical repair, when the rule has one.
    public var fix: Fix?

    public init(
        ruleID: String, ruleName: String, severity: Severity, message: String,
        location: SourceLocation, itemID: String? = nil, related: [RelatedLocation] = []
    ) {
        self.ruleID = ruleID
        self.ruleName = ruleName
        self.severity = severity
        self.message = message
        self.location = location
        self.itemID = itemID
        self.related = related
    }

    /// Sort order of reports: by file, position, then rule, so output is deterministic.
    public static func reportOrder(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        if lhs.location != rhs.location { return lhs.location < rhs.location }
        if lhs.ruleID != rhs.ruleID { return lhs.ruleID < rhs.ruleID }
        return lhs.message < rhs.message
    }
}

public struct RelatedLocation: Hashable, Sendable, Codable {
    public var location: SourceLocation
    public var message: String

    public init(location: SourceLocation, message: String) {
        self.location = location
        self.message = message
    }
}

/// The rules readers report under. They are not `Rule`s (they run while reading),
/// but they are documented, selected and reported like any other.
public enum ReaderRules {
    public static let syntaxError = RuleDescription(
        id: "QB001", name: "syntax-error", category: .syntax,
        summary: "The file is not well-formed XML or JSON, is not UTF-8, or uses a forbidden construct.",
        rationale: """
            A file that cannot be parsed cannot be checked or assembled. DOCTYPE declarations and entities are \
            refused outright: bank files never need them, and they are how entity-expansion bombs and \
            external-entity file disclosure get in.
            """,
        severity: .error,
        triggeringExamples: [
            RuleExample("<item id=\"q1\" type=\"single\" domain=\"1\" task=\"1.1\" status=\"draft\">↓</bank>"),
            RuleExample("{\"format\": \"urn:qbank:bank:1\", \"items\": [↓}", syntax: .json),
            RuleExample("<?xml version=\"1.0\"?>\n↓<!DOCTYPE bank [<!ENTITY lol \"lol\">]>\n<bank xmlns=\"urn:qbank:bank:1\"/>"),
        ],
        nonTriggeringExamples: validFiles
    )

    public static let schemaViolation = RuleDescription(
        id: "QB002", name: "schema-violation", category: .syntax,
        summary: "The file does not match the bank schema: a field is missing, unknown, or of the wrong type.",
        rationale: """
            The schemas in `Schemas/` define the shape of every item in both syntaxes; editors use them for \
            completion, and every later check relies on that shape.
            """,
        severity: .error,
        triggeringExamples: [
            RuleExample("""
                ↓<item id="q1" type="single" domain="1" task="1.1" status="finished">
                  <stem>Which service stores objects?</stem>
                  <options><option id="a" correct="true"><text>Amazon S3</text></option></options>
                </item>
                """),
            RuleExample("""
                {"format": "urn:qbank:bank:1", "items": [{"id": "q1", "type": "ordering", "domain": 3, "task": "3.3",
                  "status": "finished", ↓"stemm": "Arrange the steps.",
                  "steps": [{"id": "s1", "text": "Register"}, {"id": "s2", "text": "Approve"}, {"id": "s3", "text": "Deploy"}]}]}
                """, syntax: .json),
        ],
        nonTriggeringExamples: validFiles
    )

    public static let all: [RuleDescription] = [syntaxError, schemaViolation]

    /// A well-formed, schema-valid file in each syntax: what neither reader rule may fire on.
    private static let validFiles: [RuleExample] = [
            RuleExample("""
                <item id="q1" type="ordering" domain="3" task="3.3" status="draft">
                  <stem>Arrange the steps to release a model.</stem>
                  <steps>
                    <step id="s1"><text>Register the model package</text></step>
                    <step id="s2"><text>Approve the model package</text></step>
                    <step id="s3"><text>Deploy the endpoint</text></step>
                  </steps>
                </item>
                """),
            RuleExample("""
                {"format": "urn:qbank:bank:1", "items": [{"id": "q1", "type": "ordering", "domain": 3, "task": "3.3",
                  "status": "draft", "stem": "Arrange the steps to release a model.",
                  "steps": [{"id": "s1", "text": "Register"}, {"id": "s2", "text": "Approve"}, {"id": "s3", "text": "Deploy"}]}]}
                """, syntax: .json),
    ]
}

extension Diagnostic {
    /// A reader's finding under one of `ReaderRules`.
    public init(_ rule: RuleDescription, _ message: String, at location: SourceLocation, item: String? = nil) {
        self.init(ruleID: rule.id, ruleName: rule.name, severity: rule.severity, message: message,
                  location: location, itemID: item)
    }
}

import QBankCore

/// A suppression must name rules that exist (and can be suppressed).
public struct UnknownRuleInSuppressionRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "QB902", name: "unknown-rule-in-suppression", category: .suppression,
        summary: "A suppression must name existing rules by code or name; QB0xx and QB9xx cannot be suppressed.",
        rationale: """
            A misspelt rule in a suppression silences nothing while looking as if it did (Ruff RUF102). \
            Syntax and schema findings (QB0xx) and suppression findings (QB9xx) cannot be suppressed: the file \
            must be fixed.
            """,
        severity: .warning,
        triggeringExamples: [
            """
            ↓<!-- qbank-disable key-is-longer - the key must name the whole service -->
            <item id="q1" type="single" domain="1" task="1.1" status="draft">
              <stem>Which service stores training data as objects?</stem>
              <options>
                <option id="a" correct="true"><text>Amazon S3</text></option>
                <option id="b"><text>Amazon EFS</text></option>
                <option id="c"><text>Amazon EBS</text></option>
                <option id="d"><text>Amazon FSx for Lustre</text></option>
              </options>
            </item>
            """,
            RuleExample("""
                {"format": "urn:qbank:bank:1", "items": [{"id": "q1", "type": "ordering", "domain": 3, "task": "3.3",
                  "status": "draft", "stem": "Arrange the steps to release a model.",
                  "steps": [{"id": "s1", "text": "Register"}, {"id": "s2", "text": "Approve"}, {"id": "s3", "text": "Deploy"}],
                  "qbank": ↓{"disable": ["QB002"], "reason": "the schema is wrong"}}]}
                """, syntax: .json),
        ],
        nonTriggeringExamples: [
            """
            <!-- qbank-disable QB110 - rationales are written in review -->
            <item id="q1" type="single" domain="1" task="1.1" status="draft">
              <stem>Which service stores training data as objects?</stem>
              <options>
                <option id="a" correct="true"><text>Amazon S3</text></option>
                <option id="b"><text>Amazon EFS</text></option>
                <option id="c"><text>Amazon EBS</text></option>
                <option id="d"><text>Amazon FSx for Lustre</text></option>
              </options>
            </item>
            """,
        ]
    )

    /// Reported by the engine's suppression pass, which reads every suppression once.
    public func check(_ context: LintContext) -> [Diagnostic] { [] }
}

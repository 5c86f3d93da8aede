import QBankCore

/// Suppressions name their rules and say why.
public struct BlanketSuppressionRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "QB903", name: "blanket-suppression", category: .suppression,
        summary: "A suppression must name the rules it silences and give a reason.",
        rationale: """
            A suppression with no rule silences every rule on the item, including ones added later; one without \
            a reason cannot be reviewed. Ruff (PGH004, blanket noqa), SwiftLint (blanket_disable_command) and \
            ESLint (eslint-comments/require-description) ask for the same. The reason follows ' - ' in an XML \
            comment and is the \"reason\" member in JSON.
            """,
        severity: .warning,
        triggeringExamples: [
            """
            ↓<!-- qbank-disable -->
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
            """
            ↓<!-- qbank-disable QB110 -->
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
                  "qbank": ↓{"reason": "legacy"}}]}
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
            RuleExample("""
                {"format": "urn:qbank:bank:1", "items": [{"id": "q1", "type": "ordering", "domain": 3, "task": "3.3",
                  "status": "draft", "stem": "Arrange the steps to release a model.",
                  "steps": [{"id": "s1", "text": "Register"}, {"id": "s2", "text": "Approve"}, {"id": "s3", "text": "Deploy"}],
                  "qbank": {"disable": ["QB110"], "reason": "references come with the next release"}}]}
                """, syntax: .json),
        ]
    )

    /// Reported by the engine's suppression pass, which reads every suppression once.
    public func check(_ context: LintContext) -> [Diagnostic] { [] }
}

import QBankCore

/// A suppression that silenced nothing is stale and hides future findings.
public struct UnusedSuppressionRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "QB901", name: "unused-suppression", category: .suppression,
        summary: "A suppression must silence something: remove it once the finding is fixed.",
        rationale: """
            A suppression left behind after its finding was fixed silently hides the next, unrelated finding of \
            the same rule on that item. Ruff (RUF100), ESLint (--report-unused-disable-directives) and SwiftLint \
            (superfluous_disable_command) report the same. Only rules that ran on the file are judged: a \
            suppression of a rule switched off in qbank.json is left alone.
            """,
        severity: .warning,
        triggeringExamples: [
            """
            ↓<!-- qbank-disable QB101 - the key is agreed with the review board -->
            <item id="q1" type="single" domain="1" task="1.1" status="draft">
              <stem>Which service stores training data as objects?</stem>
              <options>
                <option id="a" correct="true"><text>Amazon S3</text><rationale>Correct.</rationale></option>
                <option id="b"><text>Amazon EFS</text><rationale>Incorrect.</rationale></option>
                <option id="c"><text>Amazon EBS</text><rationale>Incorrect.</rationale></option>
                <option id="d"><text>Amazon FSx for Lustre</text><rationale>Incorrect.</rationale></option>
              </options>
              <references><reference title="Amazon S3" url="https://docs.aws.amazon.com/s3/"/></references>
            </item>
            """,
        ],
        nonTriggeringExamples: [
            """
            <!-- qbank-disable missing-rationale-or-reference - rationales are written in review -->
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

    /// Reported by the engine after every other rule has run (it needs their findings).
    public func check(_ context: LintContext) -> [Diagnostic] { [] }
}

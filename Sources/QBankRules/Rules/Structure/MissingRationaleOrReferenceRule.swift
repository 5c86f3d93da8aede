import QBankCore

/// Every option explains itself and every item cites a source.
public struct MissingRationaleOrReferenceRule: ItemRule {
    public init() {}

    public static let description = RuleDescription(
        id: "QB110", name: "missing-rationale-or-reference", category: .structure,
        summary: "Every option, step and prompt should have a rationale, and every item at least one reference.",
        rationale: """
            Reviewers check keys against rationales and references; without them an item cannot be defended \
            in an exam-committee review or a candidate challenge. Imported items often lack both: this rule \
            is a warning so they can come in and be completed.
            """,
        severity: .warning,
        triggeringExamples: [
            """
            ↓<item id="q1" type="ordering" domain="3" task="3.3" status="draft">
              <stem>Arrange the steps to release a model.</stem>
              <steps>
                <step id="s1"><text>Register the model package</text><rationale>A package must exist first.</rationale></step>
                <step id="s2"><text>Approve the model package</text><rationale>Approval gates deployment.</rationale></step>
                <step id="s3"><text>Deploy the endpoint</text><rationale>Deploy the approved version.</rationale></step>
              </steps>
            </item>
            """,
            """
            <item id="q1" type="ordering" domain="3" task="3.3" status="draft">
              <stem>Arrange the steps to release a model.</stem>
              <steps>
                <step id="s1"><text>Register the model package</text><rationale>A package must exist first.</rationale></step>
                ↓<step id="s2"><text>Approve the model package</text></step>
                <step id="s3"><text>Deploy the endpoint</text><rationale>Deploy the approved version.</rationale></step>
              </steps>
              <references><reference title="Model Registry" url="https://docs.aws.amazon.com/sagemaker/latest/dg/model-registry.html"/></references>
            </item>
            """,
        ],
        nonTriggeringExamples: [
            """
            <item id="q1" type="ordering" domain="3" task="3.3" status="draft">
              <stem>Arrange the steps to release a model.</stem>
              <steps>
                <step id="s1"><text>Register the model package</text><rationale>A package must exist first.</rationale></step>
                <step id="s2"><text>Approve the model package</text><rationale>Approval gates deployment.</rationale></step>
                <step id="s3"><text>Deploy the endpoint</text><rationale>Deploy the approved version.</rationale></step>
              </steps>
              <references><reference title="Model Registry" url="https://docs.aws.amazon.com/sagemaker/latest/dg/model-registry.html"/></references>
            </item>
            """,
        ]
    )

    public func check(_ item: Item, in context: ItemContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        if item.references.isEmpty {
            found.append(diagnostic("item '\(item.id)' has no reference; cite the documentation that supports the key", at: item.origin, in: context.file.path, item: item.id))
        }
        let missing: [(kind: String, id: String, origin: Origin)]
        switch item.body {
        case .choice(let body): missing = body.options.filter { isBlank($0.rationale) }.map { ("option", $0.id, $0.origin) }
        case .ordering(let steps): missing = steps.filter { isBlank($0.rationale) }.map { ("step", $0.id, $0.origin) }
        case .matching(let body): missing = body.prompts.filter { isBlank($0.rationale) }.map { ("prompt", $0.id, $0.origin) }
        }
        for part in missing {
            found.append(diagnostic("\(part.kind) '\(part.id)' of item '\(item.id)' has no rationale; say why it is right or wrong", at: part.origin, in: context.file.path, item: item.id))
        }
        return found
    }

    private func isBlank(_ text: String?) -> Bool { text?.allSatisfy(\.isWhitespace) ?? true }
}

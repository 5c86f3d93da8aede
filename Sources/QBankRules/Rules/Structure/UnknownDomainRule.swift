import QBankCore

/// An item's domain is one of the blueprint's.
public struct UnknownDomainRule: ItemRule {
    public init() {}

    public static let description = RuleDescription(
        id: "QB112", name: "unknown-domain", category: .structure,
        summary: "An item's domain must be one of the blueprint's domains.",
        rationale: "Items outside the blueprint's domains can never be placed on a form and distort balance counts.",
        severity: .error,
        triggeringExamples: [
            """
            ↓<item id="q1" type="ordering" domain="7" task="7.1" status="draft">
              <stem>Arrange the steps to release a model.</stem>
              <steps>
                <step id="s1"><text>Register the model package</text></step>
                <step id="s2"><text>Approve the model package</text></step>
                <step id="s3"><text>Deploy the endpoint</text></step>
              </steps>
            </item>
            """,
        ],
        nonTriggeringExamples: [
            """
            <item id="q1" type="ordering" domain="3" task="3.3" status="draft">
              <stem>Arrange the steps to release a model.</stem>
              <steps>
                <step id="s1"><text>Register the model package</text></step>
                <step id="s2"><text>Approve the model package</text></step>
                <step id="s3"><text>Deploy the endpoint</text></step>
              </steps>
            </item>
            """,
        ]
    )

    public func check(_ item: Item, in context: ItemContext) -> [Diagnostic] {
        guard let blueprint = context.blueprint, blueprint.domain(item.domain) == nil else { return [] }
        let known = blueprint.domains.map { String($0.id) }.joined(separator: ", ")
        if item.domain == 0 {
            return [diagnostic(
                "item '\(item.id)' has no domain yet; assign one of \(known) (e.g. `qbank import --domain`, or a domain attribute)",
                at: item.origin, in: context.file.path, item: item.id)]
        }
        return [diagnostic(
            "item '\(item.id)' is in domain \(item.domain), which blueprint \(blueprint.exam) does not have (domains: \(known))",
            at: item.origin, in: context.file.path, item: item.id)]
    }
}

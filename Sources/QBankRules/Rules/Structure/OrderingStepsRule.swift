import QBankCore

/// An ordering item has 3–5 steps.
public struct OrderingStepsRule: ItemRule {
    /// The step count an ordering item may have.
    public var minimumSteps = 3
    public var maximumSteps = 5

    public init() {}

    public static let description = RuleDescription(
        id: "QB104", name: "ordering-step-count", category: .structure,
        summary: "An ordering item must have 3 to 5 steps.",
        rationale: """
            The exam's ordering items sequence three to five steps and are scored all or nothing. Two steps \
            are a coin toss; more than five make one slip cost the whole item. Duplicate step texts are \
            reported by `duplicate-choice-text`.
            """,
        severity: .error,
        triggeringExamples: [
            """
            ↓<item id="q1" type="ordering" domain="3" task="3.3" status="draft">
              <stem>Arrange the steps to deploy a model from the registry.</stem>
              <steps>
                <step id="s1"><text>Approve the model package</text></step>
                <step id="s2"><text>Deploy the endpoint</text></step>
              </steps>
            </item>
            """,
        ],
        nonTriggeringExamples: [
            """
            <item id="q1" type="ordering" domain="3" task="3.3" status="draft">
              <stem>Arrange the steps to deploy a model from the registry.</stem>
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
        guard case .ordering(let steps) = item.body, !(minimumSteps...max(minimumSteps, maximumSteps)).contains(steps.count) else { return [] }
        return [diagnostic(
            "ordering item '\(item.id)' has \(counted(steps.count, "step")); use \(minimumSteps) to \(maximumSteps)",
            at: item.origin, in: context.file.path, item: item.id)]
    }
}

extension OrderingStepsRule: ConfigurableRule {
    public var options: [String: RuleOptionValue] {
        ["minimumSteps": .number(Double(minimumSteps)), "maximumSteps": .number(Double(maximumSteps))]
    }

    public mutating func configure(_ options: RuleOptions) throws(RuleOptionError) {
        try options.read("minimumSteps", into: &minimumSteps, in: 2...50)
        try options.read("maximumSteps", into: &maximumSteps, in: 2...50)
    }
}

import QBankCore

/// An item's task statement belongs to its domain.
public struct TaskNotInDomainRule: ItemRule {
    public init() {}

    public static let description = RuleDescription(
        id: "QB113", name: "task-not-in-domain", category: .structure,
        summary: "An item's task statement must be one the blueprint lists under the item's domain.",
        rationale: """
            Assembly balances forms by domain and task. A task from another domain, or one the blueprint \
            does not list, puts the item in the wrong bucket or in none.
            """,
        severity: .error,
        triggeringExamples: [
            """
            ↓<item id="q1" type="ordering" domain="3" task="2.3" status="draft">
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
        guard let blueprint = context.blueprint, let domain = blueprint.domain(item.domain),
              !domain.tasks.contains(where: { $0.id == item.task }) else { return [] }
        let listed = domain.tasks.map(\.id).joined(separator: ", ")
        if item.task.isEmpty {
            return [diagnostic("item '\(item.id)' has no task statement yet; assign one of \(listed) (e.g. `qbank import --task`)",
                               at: item.origin, in: context.file.path, item: item.id)]
        }
        let elsewhere = blueprint.domain(ofTask: item.task).map { " (it belongs to domain \($0.id))" } ?? ""
        return [diagnostic(
            "task \(item.task) of item '\(item.id)' is not a task of domain \(item.domain)\(elsewhere); use one of \(listed)",
            at: item.origin, in: context.file.path, item: item.id)]
    }
}

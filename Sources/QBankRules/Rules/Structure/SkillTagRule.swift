import QBankCore

/// A tag that names a knowledge or skill line must name one the blueprint lists under
/// the item's own task.
public struct SkillTagRule: ItemRule {
    public init() {}

    public static let description = RuleDescription(
        id: "QB118", name: "skill-tag-mismatch", category: .structure,
        summary: "A skill tag must name a knowledge or skill line the blueprint lists under the item's own task.",
        rationale: """
            When the blueprint lists the exam guide's knowledge and skill lines, an item claims the line it \
            tests with the line's id as a tag, and `qbank balance` counts coverage from those tags. A tag \
            shaped like a line of a task (`1.1.s9`) that the blueprint does not list is a typo that hides a \
            gap; a line of another task means the item sits under the wrong task, so forms balanced by task \
            draw it for the wrong content. The rule is silent when the blueprint lists no lines.
            """,
        severity: .warning,
        triggeringExamples: [
            """
            ↓<item id="q1" type="ordering" domain="3" task="3.3" status="draft">
              <stem>Arrange the steps to release a model.</stem>
              <steps>
                <step id="s1"><text>Register the model package</text></step>
                <step id="s2"><text>Approve the model package</text></step>
                <step id="s3"><text>Deploy the endpoint</text></step>
              </steps>
              <tags><tag>2.2.s1</tag></tags>
            </item>
            """,
            """
            ↓<item id="q1" type="ordering" domain="3" task="3.3" status="draft">
              <stem>Arrange the steps to release a model.</stem>
              <steps>
                <step id="s1"><text>Register the model package</text></step>
                <step id="s2"><text>Approve the model package</text></step>
                <step id="s3"><text>Deploy the endpoint</text></step>
              </steps>
              <tags><tag>3.3.s9</tag></tags>
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
              <tags><tag>3.3.s1</tag><tag>sagemaker</tag><tag>s3</tag></tags>
            </item>
            """,
        ]
    )

    public func check(_ item: Item, in context: ItemContext) -> [Diagnostic] {
        guard let blueprint = context.blueprint, !item.tags.isEmpty, blueprint.listsSkills else { return [] }
        var found: [Diagnostic] = []
        for tag in item.tags {
            guard let claimed = blueprint.taskClaimed(byTag: tag) else { continue }
            let declared = claimed.skills.contains { $0.id == tag }
            if declared && claimed.id == item.task { continue }
            let own = blueprint.domain(item.domain)?.tasks.first { $0.id == item.task }
            let choices = own.map { $0.skills.isEmpty ? "task \(item.task) lists none" : "task \(item.task) lists \($0.skills.map(\.id).joined(separator: ", "))" }
                ?? "the item's task is not in the blueprint"
            let message = declared
                ? "item '\(item.id)' (task \(item.task)) claims line \(tag) of task \(claimed.id): move the item to task \(claimed.id) or tag a line of its own task (\(choices))"
                : "tag '\(tag)' of item '\(item.id)' looks like a knowledge or skill line of task \(claimed.id), but the blueprint lists no such line (\(choices))"
            found.append(diagnostic(message, at: item.origin, in: context.file.path, item: item.id))
        }
        return found
    }
}

import QBankCore

/// Enemies name items of the bank; matching prompts name responses of their item.
public struct UnresolvedReferenceRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "QB109", name: "unresolved-reference", category: .structure,
        summary: "Enemy ids must name other items of the bank, and matching prompts must name a response of their item.",
        rationale: """
            An enemy that names no item silently stops protecting a form from cueing pairs; a prompt whose \
            response does not exist cannot be scored. Both are usually typos or items renamed without their \
            references.
            """,
        severity: .error,
        triggeringExamples: [
            """
            <item id="q1" type="ordering" domain="3" task="3.3" status="draft">
              <stem>Arrange the steps to release a model.</stem>
              <steps>
                <step id="s1"><text>Register the model package</text></step>
                <step id="s2"><text>Approve the model package</text></step>
                <step id="s3"><text>Deploy the endpoint</text></step>
              </steps>
              <enemies>↓<enemy ref="q404"/></enemies>
            </item>
            """,
            """
            <item id="q1" type="matching" domain="2" task="2.1" status="draft">
              <stem>Match each task with an algorithm.</stem>
              <prompts>
                <prompt id="p1" response="r1"><text>Forecast demand</text></prompt>
                <prompt id="p2" response="r2"><text>Group customers</text></prompt>
                ↓<prompt id="p3" response="r9"><text>Find anomalies</text></prompt>
              </prompts>
              <responses>
                <response id="r1"><text>DeepAR</text></response>
                <response id="r2"><text>k-means</text></response>
                <response id="r3"><text>Random Cut Forest</text></response>
              </responses>
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
              <enemies><enemy ref="q2"/></enemies>
            </item>
            <item id="q2" type="ordering" domain="3" task="3.3" status="draft">
              <stem>Arrange the steps to retire a model.</stem>
              <steps>
                <step id="s1"><text>Shift traffic to the new variant</text></step>
                <step id="s2"><text>Delete the old endpoint configuration</text></step>
                <step id="s3"><text>Archive the model package</text></step>
              </steps>
              <enemies><enemy ref="q1"/></enemies>
            </item>
            """,
        ]
    )

    public func check(_ context: LintContext) -> [Diagnostic] {
        // Items are read in place (`BankItems`), not copied out with `allItems`.
        let items = context.bankItems
        var known = Set<String>(minimumCapacity: items.count)
        for index in items.indices { known.insert(items[index].id) }
        var found: [Diagnostic] = []
        for index in items.indices {
            check(items[index], in: items.file(index), known: known, into: &found)
        }
        return found
    }

    private func check(_ item: Item, in path: String, known: Set<String>, into found: inout [Diagnostic]) {
        for enemy in item.enemies {
            if enemy.id == item.id {
                found.append(diagnostic("item '\(item.id)' lists itself as an enemy; remove that entry", at: enemy.origin, in: path, item: item.id))
            } else if !known.contains(enemy.id) {
                found.append(diagnostic(
                    "enemy '\(enemy.id)' of item '\(item.id)' is not an item of this bank; fix the id or remove the entry",
                    at: enemy.origin, in: path, item: item.id))
            }
        }
        guard case .matching(let body) = item.body else { return }
        let responses = Set(body.responses.map(\.id))
        for prompt in body.prompts where !responses.contains(prompt.responseID) {
            found.append(diagnostic(
                "prompt '\(prompt.id)' of item '\(item.id)' points to response '\(prompt.responseID)', which the item does not have",
                at: prompt.origin, in: path, item: item.id))
        }
    }
}

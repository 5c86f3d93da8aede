import QBankCore

/// A matching item has 3–7 prompts and enough responses to answer them.
public struct MatchingPromptsRule: ItemRule {
    /// The prompt count a matching item may have.
    public var minimumPrompts = 3
    public var maximumPrompts = 7

    public init() {}

    public static let description = RuleDescription(
        id: "QB105", name: "matching-prompt-count", category: .structure,
        summary: "A matching item must have 3 to 7 prompts, each with its own response.",
        rationale: """
            The exam's matching items pair three to seven prompts with responses, every pair scored together. \
            Each prompt needs exactly one correct response, and a response may serve only one prompt, so \
            there must be at least as many responses as prompts.
            """,
        severity: .error,
        triggeringExamples: [
            """
            ↓<item id="q1" type="matching" domain="2" task="2.1" status="draft">
              <stem>Match each task with an algorithm.</stem>
              <prompts>
                <prompt id="p1" response="r1"><text>Forecast demand</text></prompt>
                <prompt id="p2" response="r2"><text>Group customers</text></prompt>
              </prompts>
              <responses>
                <response id="r1"><text>DeepAR</text></response>
                <response id="r2"><text>k-means</text></response>
              </responses>
            </item>
            """,
            """
            <item id="q1" type="matching" domain="2" task="2.1" status="draft">
              <stem>Match each task with an algorithm.</stem>
              <prompts>
                <prompt id="p1" response="r1"><text>Forecast demand</text></prompt>
                <prompt id="p2" response="r2"><text>Group customers</text></prompt>
                ↓<prompt id="p3" response="r2"><text>Find anomalies</text></prompt>
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
            <item id="q1" type="matching" domain="2" task="2.1" status="draft">
              <stem>Match each task with an algorithm.</stem>
              <prompts>
                <prompt id="p1" response="r1"><text>Forecast demand</text></prompt>
                <prompt id="p2" response="r2"><text>Group customers</text></prompt>
                <prompt id="p3" response="r3"><text>Find anomalies</text></prompt>
              </prompts>
              <responses>
                <response id="r1"><text>DeepAR</text></response>
                <response id="r2"><text>k-means</text></response>
                <response id="r3"><text>Random Cut Forest</text></response>
                <response id="r4"><text>Linear learner</text></response>
              </responses>
            </item>
            """,
        ]
    )

    public func check(_ item: Item, in context: ItemContext) -> [Diagnostic] {
        guard case .matching(let body) = item.body else { return [] }
        var found: [Diagnostic] = []
        if !(minimumPrompts...max(minimumPrompts, maximumPrompts)).contains(body.prompts.count) {
            found.append(diagnostic(
                "matching item '\(item.id)' has \(counted(body.prompts.count, "prompt")); use \(minimumPrompts) to \(maximumPrompts)",
                at: item.origin, in: context.file.path, item: item.id))
        }
        if body.responses.count < body.prompts.count {
            found.append(diagnostic(
                "matching item '\(item.id)' has \(counted(body.responses.count, "response")) for \(counted(body.prompts.count, "prompt")); add responses",
                at: item.origin, in: context.file.path, item: item.id))
        }
        var firstUse: [String: MatchPrompt] = [:]
        for prompt in body.prompts {
            if let earlier = firstUse[prompt.responseID] {
                found.append(diagnostic(
                    "prompts '\(earlier.id)' and '\(prompt.id)' of item '\(item.id)' share response '\(prompt.responseID)'; each prompt needs its own response",
                    at: prompt.origin, in: context.file.path, item: item.id,
                    related: earlier.origin.location.map { [RelatedLocation(location: $0, message: "first use of '\(prompt.responseID)'")] } ?? []))
            } else {
                firstUse[prompt.responseID] = prompt
            }
        }
        return found
    }
}

extension MatchingPromptsRule: ConfigurableRule {
    public var options: [String: RuleOptionValue] {
        ["minimumPrompts": .number(Double(minimumPrompts)), "maximumPrompts": .number(Double(maximumPrompts))]
    }

    public mutating func configure(_ options: RuleOptions) throws(RuleOptionError) {
        try options.read("minimumPrompts", into: &minimumPrompts, in: 1...50)
        try options.read("maximumPrompts", into: &maximumPrompts, in: 1...50)
    }
}

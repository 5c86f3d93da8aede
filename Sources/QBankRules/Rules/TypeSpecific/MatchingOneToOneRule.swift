import QBankCore

/// With as many responses as prompts, each used once, the last pair comes free by elimination.
public struct MatchingOneToOneRule: ItemRule {
    public init() {}

    public static let description = RuleDescription(
        id: "QB404", name: "matching-one-to-one", category: .typeSpecific,
        summary: "A matching item should have more responses than prompts (or reuse one), so the last pair cannot be found by elimination.",
        rationale: """
            Gronlund & Waugh and the Penn State matching guidance: use unequal lists, or let responses be used \
            more than once. With perfect one-to-one matching a candidate who knows all but one pair gets the \
            last one free, and one wrong pair forces a second. Info: a design choice more than an error.
            """,
        severity: .info,
        triggeringExamples: [
            """
            <item id="q1" type="matching" domain="2" task="2.1" status="draft">
              <stem>Match each use case with the built-in algorithm that fits it.</stem>
              <prompts>
                <prompt id="p1" response="r1"><text>Detect anomalous sensor readings</text></prompt>
                <prompt id="p2" response="r2"><text>Forecast demand for many related products</text></prompt>
                <prompt id="p3" response="r3"><text>Group customers without labels</text></prompt>
              </prompts>
              <responses>
                ↓<response id="r1"><text>Random Cut Forest</text></response>
                <response id="r2"><text>DeepAR</text></response>
                <response id="r3"><text>K-means</text></response>
              </responses>
            </item>
            """,
        ],
        nonTriggeringExamples: [
            """
            <item id="q1" type="matching" domain="2" task="2.1" status="draft">
              <stem>Match each use case with the built-in algorithm that fits it.</stem>
              <prompts>
                <prompt id="p1" response="r1"><text>Detect anomalous sensor readings</text></prompt>
                <prompt id="p2" response="r2"><text>Forecast demand for many related products</text></prompt>
                <prompt id="p3" response="r3"><text>Group customers without labels</text></prompt>
              </prompts>
              <responses>
                <response id="r1"><text>Random Cut Forest</text></response>
                <response id="r2"><text>DeepAR</text></response>
                <response id="r3"><text>K-means</text></response>
                <response id="r4"><text>BlazingText</text></response>
              </responses>
            </item>
            """,
        ]
    )

    public func check(_ item: Item, in context: ItemContext) -> [Diagnostic] {
        guard case .matching(let matching) = item.body, let first = matching.responses.first,
              matching.responses.count == matching.prompts.count,
              Set(matching.prompts.map(\.responseID)) == Set(matching.responses.map(\.id)) else { return [] }
        return [diagnostic(
            "item '\(item.id)' pairs \(matching.prompts.count) prompts with \(matching.responses.count) responses one to one, so the last pair comes by elimination; add a response that matches no prompt",
            at: first.origin, in: context.file.path, item: item.id)]
    }
}

import QBankCore

/// A prompt that shares a distinctive word with its own response, and with no other, gives the pair away.
public struct MatchingWordRepeatRule: ItemRule {
    public var stopWords: Set<String> = StopWords.english { didSet { stopGate = WordGate(stopWords) } }
    private var stopGate = WordGate(StopWords.english)

    public init() {}

    public static let description = RuleDescription(
        id: "QB405", name: "matching-word-repeat", category: .typeSpecific,
        summary: "A matching prompt must not share a content word with its own response that no other response has.",
        rationale: """
            Gronlund & Waugh: do not place a keyword from a description in its choice; Haladyna et al. (2002) \
            guideline 28b (clang associations). The same test as QB306, per pair: content words of the prompt \
            that are in its correct response and in no other response.
            """,
        severity: .warning,
        triggeringExamples: [
            """
            <item id="q1" type="matching" domain="2" task="2.1" status="draft">
              <stem>Match each use case with the built-in algorithm that fits it.</stem>
              <prompts>
                ↓<prompt id="p1" response="r1"><text>Detect anomalous sensor readings in a random stream</text></prompt>
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
        guard case .matching(let matching) = item.body else { return [] }
        let responseWords = Dictionary(matching.responses.map { ($0.id, ContentWords.of($0.text.value, stopWords: stopWords, gate: stopGate)) }, uniquingKeysWith: { first, _ in first })
        var found: [Diagnostic] = []
        for prompt in matching.prompts {
            guard let own = responseWords[prompt.responseID] else { continue }
            var others: Set<String> = []
            for (id, words) in responseWords where id != prompt.responseID { others.formUnion(words) }
            let repeated = ContentWords.of(prompt.text.value, stopWords: stopWords, gate: stopGate).intersection(own).subtracting(others)
            guard !repeated.isEmpty else { continue }
            found.append(diagnostic(
                "prompt '\(prompt.id)' of item '\(item.id)' shares \(quotedList(repeated.sorted())) with its response '\(prompt.responseID)' only; reword the prompt so the pair is not found by matching words",
                at: prompt.origin, in: context.file.path, item: item.id))
        }
        return found
    }
}

extension MatchingWordRepeatRule: ConfigurableRule {
    public var options: [String: RuleOptionValue] {
        ["stopWords": .words(stopWords)]
    }

    public mutating func configure(_ options: RuleOptions) throws(RuleOptionError) {
        try options.read("stopWords", into: &stopWords)
    }
}

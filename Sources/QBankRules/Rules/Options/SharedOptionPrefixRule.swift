import QBankCore

/// Words every option starts with belong in the stem.
public struct SharedOptionPrefixRule: ItemRule {
    /// Shortest shared opening, in words, that is reported.
    public var minimumWords = 2
    /// Shortest shared opening when it starts with an article ("the model …").
    public var minimumWordsAfterArticle = 3

    public init() {}

    public static let description = RuleDescription(
        id: "QB316", name: "shared-option-prefix", category: .options,
        summary: "Options must not all open with the same words; move them into the stem.",
        rationale: """
            NBME (Case & Swanson): if every option begins with the same phrase, put it in the stem; Haladyna et \
            al. (2002) guideline 13: minimise reading. Reported when all options (other than "All/None of the \
            above") open with the same 2 or more words, or 3 or more when the first is an article, and each goes \
            on beyond them. Openings whose words after the first are all capitalised are names ("Amazon Simple \
            Queue Service", "Use Amazon S3") and are not reported. Info: repeated openings cost reading time \
            but are no cue.
            """,
        severity: .info,
        triggeringExamples: [
            """
            <item id="q1" type="single" domain="3" task="3.1" status="draft">
              <stem>Which deployment fits a model that is called a few times a day with unpredictable gaps?</stem>
              <options>
                ↓<option id="a" correct="true"><text>Deploy the model to a serverless endpoint</text></option>
                <option id="b"><text>Deploy the model to a real-time endpoint</text></option>
                <option id="c"><text>Deploy the model to an asynchronous endpoint</text></option>
                <option id="d"><text>Deploy the model to an edge device</text></option>
              </options>
            </item>
            """,
        ],
        nonTriggeringExamples: [
            """
            <item id="q1" type="single" domain="3" task="3.1" status="draft">
              <stem>The model is called a few times a day with unpredictable gaps. Where should the team deploy it?</stem>
              <options>
                <option id="a" correct="true"><text>To a serverless endpoint</text></option>
                <option id="b"><text>To a real-time endpoint</text></option>
                <option id="c"><text>To an asynchronous endpoint</text></option>
                <option id="d"><text>To an edge device</text></option>
              </options>
            </item>
            """,
        ]
    )

    public func check(_ item: Item, in context: ItemContext) -> [Diagnostic] {
        guard let body = item.choiceBody else { return [] }
        let options = body.contentOptions
        guard options.count >= 3 else { return [] }
        let words = options.indices.map { Words.lowered(options[$0].text.value) }
        var shared = 0
        while words.allSatisfy({ $0.count > shared + 1 }) && words.allSatisfy({ $0[shared] == words[0][shared] }) { shared += 1 }
        let needed = ["a", "an", "the"].contains(words[0].first ?? "") ? minimumWordsAfterArticle : minimumWords
        guard shared >= needed else { return [] }
        let opening = Words.of(options[0].text.value).prefix(shared)
        // "Amazon Simple …", "AWS Cloud…": a shared product-name prefix cannot move to the stem.
        if opening.dropFirst().allSatisfy({ $0.text.first?.isUppercase == true }) { return [] }
        let phrase = opening.map(\.text).joined(separator: " ")
        return [diagnostic(
            "every option of item '\(item.id)' opens with \"\(phrase)\"; move those words into the stem",
            at: options[0].origin, in: context.file.path, item: item.id)]
    }
}

extension SharedOptionPrefixRule: ConfigurableRule {
    public var options: [String: RuleOptionValue] {
        ["minimumWords": .number(Double(minimumWords)), "minimumWordsAfterArticle": .number(Double(minimumWordsAfterArticle))]
    }

    public mutating func configure(_ options: RuleOptions) throws(RuleOptionError) {
        try options.read("minimumWords", into: &minimumWords, in: 1...20)
        try options.read("minimumWordsAfterArticle", into: &minimumWordsAfterArticle, in: 1...20)
    }
}

import QBankCore

/// "None of the above" measures only that a candidate can rule options out.
public struct NoneOfTheAboveRule: ItemRule {
    public init() {}

    public static let description = RuleDescription(
        id: "QB302", name: "none-of-the-above", category: .options,
        summary: "Options must not be \"None of the above\", \"None of these\" or a bare \"Neither\".",
        rationale: """
            Haladyna et al. (2002) guideline 25: use "none of the above" carefully, and preferably not at all; \
            NBME counts it as a source of irrelevant difficulty and Tarrant et al. (2006) as a flaw. As a key it \
            rewards knowing what is wrong rather than what is right; as a distractor it is rarely plausible. \
            With shuffled options, "above" points anywhere, so that case is an error.
            """,
        severity: .warning,
        triggeringExamples: [
            """
            <item id="q1" type="single" domain="2" task="2.1" status="draft">
              <stem>Which built-in SageMaker AI algorithm detects anomalies in unlabeled data?</stem>
              <options>
                <option id="a" correct="true"><text>Random Cut Forest</text></option>
                <option id="b"><text>Linear Learner</text></option>
                <option id="c"><text>Object2Vec</text></option>
                ↓<option id="d"><text>None of the above</text></option>
              </options>
            </item>
            """,
        ],
        nonTriggeringExamples: [
            """
            <item id="q1" type="single" domain="2" task="2.1" status="draft">
              <stem>Which built-in SageMaker AI algorithm detects anomalies in unlabeled data?</stem>
              <options>
                <option id="a" correct="true"><text>Random Cut Forest</text></option>
                <option id="b"><text>Linear Learner</text></option>
                <option id="c"><text>Object2Vec</text></option>
                <option id="d"><text>DeepAR, which needs none of the labels</text></option>
              </options>
            </item>
            """,
        ]
    )

    public func check(_ item: Item, in context: ItemContext) -> [Diagnostic] {
        guard let body = item.choiceBody else { return [] }
        // Options are read in place: copying one retains every string it holds.
        return body.options.indices.filter { MetaOption.isNoneOfTheAbove(Words.lowered(body.options[$0].text.value)) }.map { index in
            let option = body.options[index]
            var finding = diagnostic(
                "option '\(option.id)' of item '\(item.id)' is \"none of the above\"; replace it with a plausible distractor",
                at: option.origin, in: context.file.path, item: item.id)
            if item.shuffle, MetaOption.isPositional(option.text.value) {
                finding.severity = .error
                finding.message += "; as written it also breaks when options are shuffled"
            }
            return finding
        }
    }
}

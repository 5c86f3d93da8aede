import QBankCore

/// "Which of the following statements is true?" is a set of true/false items, not one question.
public struct TrueFalseInDisguiseRule: ItemRule {
    /// Words that, after "is"/"are", make a lead-in ask for a true (or false) statement.
    public var truthWords: Set<String> = ["true", "correct", "false", "incorrect", "accurate", "inaccurate", "untrue"]
    /// Words that, alone or in pairs ("True, False"), make every option a truth value.
    public var truthOptionWords: Set<String> = ["true", "false", "yes", "no"]

    public init() {}

    public static let description = RuleDescription(
        id: "QB205", name: "true-false-in-disguise", category: .stem,
        summary: "A stem must not ask which statement is true (or false), and options must not all be true/false/yes/no.",
        rationale: """
            Tarrant et al. (2006) and Moore et al. (2023) list "true/false question" as a flaw, and NBME \
            (Case & Swanson) advises against "Which statement is correct?": such an item is several \
            unrelated true/false judgements with no focused question, so it fails the cover-the-options test. \
            Flagged: a lead-in with "which" followed by "of the following", "of these" or "statement(s)" \
            and then "is/are true|correct|false|incorrect|accurate", or options that are all made of the words \
            true, false, yes and no (e.g. "True, False").
            """,
        severity: .warning,
        triggeringExamples: [
            """
            <item id="q1" type="single" domain="2" task="2.3" status="draft">
              ↓<stem>Which of the following statements about AUC is true?</stem>
              <options>
                <option id="a" correct="true"><text>It does not depend on a classification threshold.</text></option>
                <option id="b"><text>It is always above 0.5.</text></option>
                <option id="c"><text>It measures calibration.</text></option>
                <option id="d"><text>It applies only to regression.</text></option>
              </options>
            </item>
            """,
            """
            <item id="q1" type="single" domain="2" task="2.3" status="draft">
              ↓<stem>Statement 1: AUC depends on the threshold. Statement 2: precision does. Are they correct?</stem>
              <options>
                <option id="a"><text>True, True</text></option>
                <option id="b"><text>False, False</text></option>
                <option id="c"><text>True, False</text></option>
                <option id="d" correct="true"><text>False, True</text></option>
              </options>
            </item>
            """,
        ],
        nonTriggeringExamples: [
            """
            <item id="q1" type="single" domain="2" task="2.3" status="draft">
              <stem>A fraud model must rank transactions well at every threshold. Which metric measures that?</stem>
              <options>
                <option id="a" correct="true"><text>AUC</text></option>
                <option id="b"><text>Accuracy at 0.5</text></option>
                <option id="c"><text>Calibration error</text></option>
                <option id="d"><text>RMSE</text></option>
              </options>
            </item>
            """,
            """
            <item id="q1" type="single" domain="2" task="2.3" status="draft">
              <stem>Which configuration is correct for an endpoint that must scale to zero?</stem>
              <options>
                <option id="a" correct="true"><text>Serverless inference</text></option>
                <option id="b"><text>A real-time endpoint with one instance</text></option>
                <option id="c"><text>Batch transform</text></option>
                <option id="d"><text>A multi-model endpoint</text></option>
              </options>
            </item>
            """,
        ]
    )


    public func check(_ item: Item, in context: ItemContext) -> [Diagnostic] {
        guard let body = item.choiceBody else { return [] }
        if asksForTrueStatement(LeadIn.lowered(of: item.stem.value)) {
            return [diagnostic(
                "item '\(item.id)' asks which statement is true or false, which is a set of true/false items; ask one focused question about the concept instead",
                at: item.stemOrigin, in: context.file.path, item: item.id)]
        }
        // Option by option, so the first content option ends the look.
        if body.options.count >= 2, body.options.allSatisfy({ option in
            let words = Words.lowered(option.text.value)
            return !words.isEmpty && words.allSatisfy(truthOptionWords.contains)
        }) {
            return [diagnostic(
                "every option of item '\(item.id)' is true/false/yes/no; write a question with content options, or split the statements into separate items",
                at: item.stemOrigin, in: context.file.path, item: item.id)]
        }
        return []
    }

    func asksForTrueStatement(_ words: [String]) -> Bool {
        guard let which = words.firstIndex(of: "which") else { return false }
        var sawQualifier = false
        var index = which + 1
        while index + 1 < words.count {
            let word = words[index]
            if word == "statement" || word == "statements" || (word == "following" && words[index - 1] == "the")
                || (word == "these" && words[index - 1] == "of") {
                sawQualifier = true
            }
            if sawQualifier, word == "is" || word == "are", truthWords.contains(words[index + 1]) { return true }
            index += 1
        }
        return false
    }
}

extension TrueFalseInDisguiseRule: ConfigurableRule {
    public var options: [String: RuleOptionValue] {
        ["truthWords": .words(truthWords), "truthOptionWords": .words(truthOptionWords)]
    }

    public mutating func configure(_ options: RuleOptions) throws(RuleOptionError) {
        try options.read("truthWords", into: &truthWords)
        try options.read("truthOptionWords", into: &truthOptionWords)
    }
}

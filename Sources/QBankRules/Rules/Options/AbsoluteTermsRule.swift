import QBankCore

/// "Always", "never", "only" … in distractors let candidates eliminate them without knowing the content.
public struct AbsoluteTermsRule: ItemRule {
    /// Specific determiners, matched as whole words or phrases, case-insensitive.
    public var terms: [String] = WordLists.absolute { didSet { phrases = PhraseList(terms) } }
    /// `terms` split into lower-cased words once, not per item.
    private var phrases = PhraseList(WordLists.absolute)
    /// Also report (at info level) options with absolute terms when the key has them too, so they are no cue.
    public var reportWhenNotACue = false

    public init() {}

    public static let description = RuleDescription(
        id: "QB307", name: "absolute-terms", category: .options,
        summary: "Absolute terms (always, never, completely, impossible, …) must not mark distractors as wrong.",
        rationale: """
            Haladyna et al. (2002) guideline 28a: avoid specific determiners such as "always", "never", \
            "completely", "absolutely"; NBME lists absolute terms among testwiseness cues, and Tarrant et al. \
            (2006), Moore et al. (2023) and SAQUET (2024) check a word list. Test-wise candidates know that \
            absolute statements are usually false. Reported when the terms appear only in distractors; when \
            the key has them too there is no cue (info, off by default: `reportWhenNotACue`). Calibration: the \
            catalog's list also has "all", "none", "every", "only" and "must"; in technical items these scope \
            an action ("encrypt all objects", "run it every day") far more often than they overstate, and \
            with them the rule fired on 19% of the well-written sample-bank items, so they are left out of \
            the default `terms` (add them back from a configuration). "Nothing" is left out too: on imported \
            public banks it was "Do nothing" (an action) or as absolute as the key (2 of 8 sampled findings).
            """,
        severity: .warning,
        triggeringExamples: [
            """
            <item id="q1" type="single" domain="2" task="2.2" status="draft">
              <stem>What does early stopping do in a SageMaker AI training job?</stem>
              <options>
                <option id="a" correct="true"><text>It stops training when the validation metric stops improving.</text></option>
                ↓<option id="b"><text>It always reduces the final training loss.</text></option>
                <option id="c"><text>It restarts training from the previous checkpoint.</text></option>
                ↓<option id="d"><text>It never needs a validation channel.</text></option>
              </options>
            </item>
            """,
        ],
        nonTriggeringExamples: [
            """
            <item id="q1" type="single" domain="4" task="4.3" status="draft">
              <stem>Which practice grants permissions to applications on Amazon EC2 instances?</stem>
              <options>
                <option id="a"><text>Generate new access keys for every deployment</text></option>
                <option id="b"><text>Store credentials in the application code</text></option>
                <option id="c" correct="true"><text>Use an IAM role for the instance</text></option>
                <option id="d"><text>Do nothing: instances need no permissions</text></option>
              </options>
            </item>
            """,
            """
            <item id="q1" type="single" domain="2" task="2.2" status="draft">
              <stem>What does early stopping do in a SageMaker AI training job?</stem>
              <options>
                <option id="a" correct="true"><text>It stops training when the validation metric stops improving.</text></option>
                <option id="b"><text>It lowers the learning rate after each epoch.</text></option>
                <option id="c"><text>It restarts training from the previous checkpoint.</text></option>
                <option id="d"><text>It removes the validation channel.</text></option>
              </options>
            </item>
            """,
        ]
    )

    public func check(_ item: Item, in context: ItemContext) -> [Diagnostic] {
        guard let body = item.choiceBody else { return [] }
        var hits: [(option: Option, terms: [String])] = []
        let options = body.contentOptions
        for index in options.indices { // read in place: copying an option retains every string it holds
            let matched = phrases.matches(in: Words.lowered(options[index].text.value))
            if !matched.isEmpty { hits.append((options[index], matched)) }
        }
        let keyHasTerms = hits.contains { $0.option.isCorrect }
        if keyHasTerms && !reportWhenNotACue { return [] }
        return hits.map { hit in
            var finding = diagnostic(
                keyHasTerms
                    ? "option '\(hit.option.id)' of item '\(item.id)' uses the absolute term \(quotedList(hit.terms)); the key does too, so it is no cue, but check that the wording is needed"
                    : "distractor '\(hit.option.id)' of item '\(item.id)' uses the absolute term \(quotedList(hit.terms)), which marks it as wrong; qualify it or make it wrong for a content reason",
                at: hit.option.origin, in: context.file.path, item: item.id)
            if keyHasTerms { finding.severity = .info }
            return finding
        }
    }
}

extension AbsoluteTermsRule: ConfigurableRule {
    public var options: [String: RuleOptionValue] {
        ["terms": .strings(terms), "reportWhenNotACue": .bool(reportWhenNotACue)]
    }

    public mutating func configure(_ options: RuleOptions) throws(RuleOptionError) {
        try options.read("terms", into: &terms)
        try options.read("reportWhenNotACue", into: &reportWhenNotACue)
    }
}

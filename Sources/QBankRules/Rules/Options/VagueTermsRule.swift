import QBankCore

/// Hedged words ("usually", "may", "often") make a key "safer" than its absolute-sounding distractors.
public struct VagueTermsRule: ItemRule {
    /// Vague frequency and hedging terms, matched as whole words or phrases, case-insensitive.
    public var terms: [String] = WordLists.vague { didSet { phrases = PhraseList(terms) } }
    /// `terms` split into lower-cased words once, not per item.
    private var phrases = PhraseList(WordLists.vague)
    /// Also report (at info level) vague terms that are not a cue because distractors use them too.
    public var reportWhenNotACue = false

    public init() {}

    public static let description = RuleDescription(
        id: "QB308", name: "vague-frequency-terms", category: .options,
        summary: "Vague terms (usually, often, may, likely, …) must not appear in the key alone.",
        rationale: """
            NBME (Case & Swanson) lists vague frequency terms ("often", "usually", "rarely") as a flaw: \
            candidates read them differently, and a hedged key is the "safe" choice next to categorical \
            distractors. Tarrant et al. (2006), Moore et al. (2023) and SAQUET (2024) check a word list. \
            Reported when only the key uses them. Calibration: in the measured banks vague words in \
            distractors or in every option were common and harmless, so that case (info) is off by default \
            (`reportWhenNotACue`). A term right before a past participle describes rather than hedges \
            ("commonly deployed services", "frequently accessed data"). "More or less" is not in the list: in technical items it names a \
            direction ("more or less regularisation"), not a hedge.
            """,
        severity: .warning,
        triggeringExamples: [
            """
            <item id="q1" type="single" domain="2" task="2.2" status="draft">
              <stem>What happens when the learning rate of a neural network is set too high?</stem>
              <options>
                ↓<option id="a" correct="true"><text>Training usually diverges or oscillates.</text></option>
                <option id="b"><text>Training stops at the first epoch.</text></option>
                <option id="c"><text>The model ignores the bias terms.</text></option>
                <option id="d"><text>The batch size doubles.</text></option>
              </options>
            </item>
            """,
        ],
        nonTriggeringExamples: [
            """
            <item id="q1" type="single" domain="3" task="3.2" status="draft">
              <stem>What does AWS Service Catalog provide?</stem>
              <options>
                <option id="a"><text>A search engine for AWS documentation</text></option>
                <option id="b"><text>A marketplace for third-party software</text></option>
                <option id="c" correct="true"><text>Governance of commonly deployed IT services</text></option>
                <option id="d"><text>Infrastructure as code in familiar programming languages</text></option>
              </options>
            </item>
            """,
            """
            <item id="q1" type="single" domain="2" task="2.2" status="draft">
              <stem>A model overfits its training data. What should the engineer change first?</stem>
              <options>
                <option id="a" correct="true"><text>Add more or less regularisation until validation loss stops falling</text></option>
                <option id="b"><text>Train for twice as many epochs</text></option>
                <option id="c"><text>Remove the validation set</text></option>
                <option id="d"><text>Raise the learning rate tenfold</text></option>
              </options>
            </item>
            """,
            """
            <item id="q1" type="single" domain="2" task="2.2" status="draft">
              <stem>What happens when the learning rate of a neural network is set too high?</stem>
              <options>
                <option id="a" correct="true"><text>The loss oscillates or diverges.</text></option>
                <option id="b"><text>Training stops at the first epoch.</text></option>
                <option id="c"><text>The model ignores the bias terms.</text></option>
                <option id="d"><text>The batch size doubles.</text></option>
              </options>
            </item>
            """,
            """
            <item id="q1" type="single" domain="2" task="2.2" status="draft">
              <stem>What happens when the learning rate of a neural network is set too high?</stem>
              <options>
                <option id="a" correct="true"><text>Training may diverge or oscillate.</text></option>
                <option id="b"><text>Training may stop at the first epoch.</text></option>
                <option id="c"><text>The model may ignore the bias terms.</text></option>
                <option id="d"><text>The batch size may double.</text></option>
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
            let words = Words.lowered(options[index].text.value)
            let matched = phrases.matches(in: words).filter { !Self.describesParticiple($0, in: words) }
            if !matched.isEmpty { hits.append((options[index], matched)) }
        }
        let onlyKeys = !hits.isEmpty && hits.allSatisfy { $0.option.isCorrect }
        if onlyKeys {
            return hits.map { hit in
                diagnostic(
                    "key '\(hit.option.id)' of item '\(item.id)' hedges with \(quotedList(hit.terms)) and no distractor does, which marks it as the safe answer; state it precisely",
                    at: hit.option.origin, in: context.file.path, item: item.id)
            }
        }
        guard reportWhenNotACue else { return [] }
        return hits.map { hit in
            var finding = diagnostic(
                "option '\(hit.option.id)' of item '\(item.id)' uses the vague term \(quotedList(hit.terms)); say how often or how much",
                at: hit.option.origin, in: context.file.path, item: item.id)
            finding.severity = .info
            return finding
        }
    }
}

extension VagueTermsRule {
    /// "commonly deployed", "frequently accessed": a one-word term whose every use is followed by a word in -ed.
    static func describesParticiple(_ term: String, in words: [String]) -> Bool {
        guard !term.contains(" ") else { return false }
        let uses = words.indices.filter { words[$0] == term }
        return !uses.isEmpty && uses.allSatisfy { $0 + 1 < words.count && words[$0 + 1].count > 4 && words[$0 + 1].hasSuffix("ed") }
    }
}

extension VagueTermsRule: ConfigurableRule {
    public var options: [String: RuleOptionValue] {
        ["terms": .strings(terms), "reportWhenNotACue": .bool(reportWhenNotACue)]
    }

    public mutating func configure(_ options: RuleOptions) throws(RuleOptionError) {
        try options.read("terms", into: &terms)
        try options.read("reportWhenNotACue", into: &reportWhenNotACue)
    }
}

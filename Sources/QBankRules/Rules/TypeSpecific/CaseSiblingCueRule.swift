import QBankCore

/// One question of a case study must not give away another's answer.
public struct CaseSiblingCueRule: ItemRule {
    /// Shortest phrase of a sibling's key, in characters, that counts as a giveaway.
    public var minimumPhraseCharacters = 12
    /// Fewest content words such a phrase must have.
    public var minimumContentWords = 2
    public var stopWords: Set<String> = StopWords.english { didSet { stopGate = WordGate(stopWords) } }
    private var stopGate = WordGate(StopWords.english)

    public init() {}

    public static let description = RuleDescription(
        id: "QB406", name: "case-sibling-cueing", category: .typeSpecific,
        summary: "A case-study question's stem must not contain a distinctive phrase of another question's key.",
        rationale: """
            NBME (Case & Swanson): avoid "hinged" items, where one item gives away another; Haladyna et al. \
            (2002) guideline 4: keep items independent. Questions of a case are shown together, so a stem that \
            says "after enabling SageMaker Model Monitor …" answers the sibling that asks which service detects \
            drift. A phrase of a sibling's key counts when it is ≥ 12 characters with ≥ 2 content words, and \
            appears neither in the case scenario, the sibling's own stem, nor any of its distractors (so shared \
            context is not reported). Only stems are checked: a sibling's key may fairly be another's distractor.
            """,
        severity: .warning,
        triggeringExamples: [
            """
            <case id="case-1">
              <scenario>A bank runs a fraud model on a SageMaker AI real-time endpoint. Analysts suspect that transaction patterns are changing.</scenario>
              <item id="c1" type="single" domain="4" task="4.1" status="draft">
                <stem>Which feature should the team use to detect that the input data has drifted from the training baseline?</stem>
                <options>
                  <option id="a" correct="true"><text>SageMaker Model Monitor data quality monitoring</text></option>
                  <option id="b"><text>Amazon CloudWatch Logs Insights</text></option>
                  <option id="c"><text>AWS Config rules</text></option>
                  <option id="d"><text>SageMaker Debugger built-in rules</text></option>
                </options>
              </item>
              <item id="c2" type="single" domain="4" task="4.1" status="draft">
                ↓<stem>After the team turns on SageMaker Model Monitor data quality monitoring, where are the violation reports written?</stem>
                <options>
                  <option id="a" correct="true"><text>To an Amazon S3 location</text></option>
                  <option id="b"><text>To the endpoint's container logs only</text></option>
                  <option id="c"><text>To AWS CloudTrail</text></option>
                  <option id="d"><text>To the model registry</text></option>
                </options>
              </item>
            </case>
            """,
        ],
        nonTriggeringExamples: [
            """
            <case id="case-1">
              <scenario>A bank runs a fraud model on a SageMaker AI real-time endpoint. Analysts suspect that transaction patterns are changing.</scenario>
              <item id="c1" type="single" domain="4" task="4.1" status="draft">
                <stem>Which feature should the team use to detect that the input data has drifted from the training baseline?</stem>
                <options>
                  <option id="a" correct="true"><text>SageMaker Model Monitor data quality monitoring</text></option>
                  <option id="b"><text>Amazon CloudWatch Logs Insights</text></option>
                  <option id="c"><text>AWS Config rules</text></option>
                  <option id="d"><text>SageMaker Debugger built-in rules</text></option>
                </options>
              </item>
              <item id="c2" type="single" domain="4" task="4.1" status="draft">
                <stem>Drift reports must be kept for audits. Where does the monitoring feature write its violation reports?</stem>
                <options>
                  <option id="a" correct="true"><text>To an Amazon S3 location</text></option>
                  <option id="b"><text>To the endpoint's container logs only</text></option>
                  <option id="c"><text>To AWS CloudTrail</text></option>
                  <option id="d"><text>To the model registry</text></option>
                </options>
              </item>
            </case>
            """,
        ]
    )

    public func check(_ item: Item, in context: ItemContext) -> [Diagnostic] {
        guard let caseStudy = context.caseStudy else { return [] }
        let stemWords = Words.lowered(item.stem.value)
        var scenarioWords: [String]?
        // Indices: iterating the siblings themselves would copy every item.
        for index in caseStudy.items.indices where caseStudy.items[index].id != item.id {
            guard let body = caseStudy.items[index].choiceBody else { continue }
            // What a phrase must not be in is read only once a key shares a word pair with the stem.
            var context_: [[String]]?
            for key in body.correctOptions {
                let keyWords = Words.lowered(key.text.value)
                guard Self.sharesWordPair(keyWords, stemWords) else { continue }
                if scenarioWords == nil { scenarioWords = Words.lowered(caseStudy.scenario.value) }
                if context_ == nil {
                    context_ = [scenarioWords ?? [], Words.lowered(caseStudy.items[index].stem.value)] + body.distractors.map { Words.lowered($0.text.value) }
                }
                guard let phrase = giveaway(from: keyWords, in: stemWords, excluding: context_ ?? []) else { continue }
                return [diagnostic(
                    "the stem of item '\(item.id)' contains \"\(phrase)\", part of the key of item '\(caseStudy.items[index].id)' in the same case; reword it so it does not answer '\(caseStudy.items[index].id)'",
                    at: item.stemOrigin, in: context.file.path, item: item.id,
                    related: key.origin.location.map { [RelatedLocation(location: $0, message: "the key it gives away")] } ?? [])]
            }
        }
        return []
    }

    /// The longest phrase of `key` that is distinctive and occurs in `stem`.
    /// A giveaway phrase has at least two words, so its first two words follow each other in both texts.
    static func sharesWordPair(_ key: [String], _ stem: [String]) -> Bool {
        guard key.count >= 2, stem.count >= 2 else { return false }
        for start in 0..<(stem.count - 1) {
            for k in 0..<(key.count - 1) where key[k] == stem[start] && key[k + 1] == stem[start + 1] { return true }
        }
        return false
    }

    func giveaway(from key: [String], in stem: [String], excluding shared: [[String]]) -> String? {
        guard !key.isEmpty else { return nil }
        for length in stride(from: key.count, through: 2, by: -1) {
            for start in 0...(key.count - length) {
                let phrase = Array(key[start..<(start + length)])
                let text = phrase.joined(separator: " ")
                guard text.count >= minimumPhraseCharacters,
                      phrase.filter({ ContentWords.isContent($0, stopWords: stopWords, gate: stopGate) }).count >= minimumContentWords,
                      stem.containsSequence(phrase), !shared.contains(where: { $0.containsSequence(phrase) }) else { continue }
                return text
            }
        }
        return nil
    }
}

extension CaseSiblingCueRule: ConfigurableRule {
    public var options: [String: RuleOptionValue] {
        ["minimumPhraseCharacters": .number(Double(minimumPhraseCharacters)), "minimumContentWords": .number(Double(minimumContentWords)), "stopWords": .words(stopWords)]
    }

    public mutating func configure(_ options: RuleOptions) throws(RuleOptionError) {
        try options.read("minimumPhraseCharacters", into: &minimumPhraseCharacters, in: 1...1_000)
        try options.read("minimumContentWords", into: &minimumContentWords, in: 0...50)
        try options.read("stopWords", into: &stopWords)
    }
}

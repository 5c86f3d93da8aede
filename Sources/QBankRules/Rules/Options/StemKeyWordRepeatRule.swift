import QBankCore

/// A distinctive stem word repeated in the key and in no distractor ("clang association").
public struct StemKeyWordRepeatRule: ItemRule {
    /// Function words never counted as repeats (content words are also ≥ 4 letters), with question
    /// scaffolding and vendor/generic words ("Amazon", "AWS", "service").
    public var stopWords: Set<String> = Self.defaultStopWords { didSet { stopGate = WordGate(stopWords) } }
    private static let defaultStopWords = StopWords.english.union(WordLists.questionScaffolding).union(WordLists.vendorAndGeneric)
    private var stopGate = WordGate(Self.defaultStopWords)
    /// Compare the key with the lead-in only (the stem's last sentence) rather than the whole stem.
    public var leadInOnly = true

    public init() {}

    public static let description = RuleDescription(
        id: "QB306", name: "stem-key-word-repeat", category: .options,
        summary: "The key must not repeat a content word of the lead-in that no distractor repeats.",
        rationale: """
            Haladyna et al. (2002) guideline 28b: avoid clang associations, words in the stem echoed in the \
            key; NBME "word repeats"; Tarrant et al. (2006), Moore et al. (2023) and SAQUET (2024) check \
            this. Content words are ≥ 4 letters, not function words, compared after a light suffix stripper \
            ("encrypts" = "encrypted"). For multiple response, each key is compared with the distractors. \
            Silent when every option appears verbatim in the stem (SAQUET's guard). Calibration: compared \
            with the whole stem, long scenario stems (as in AWS exams) share some requirement word with the \
            key in most well-written items, so by default only the lead-in is compared (`leadInOnly`), and \
            words that scaffold the question ("Which actions meet these requirements?") or name the vendor \
            or a generic product word ("Amazon", "AWS", "service") are not counted: on imported AWS banks \
            they made most of this rule's false positives.
            """,
        severity: .warning,
        triggeringExamples: [
            """
            <item id="q1" type="single" domain="4" task="4.3" status="draft">
              <stem>An ML engineer must meet a compliance rule. Which approach will encrypt the training data at rest?</stem>
              <options>
                <option id="a"><text>Turn on S3 Versioning for the bucket</text></option>
                ↓<option id="b" correct="true"><text>Encrypt the bucket with an AWS KMS key</text></option>
                <option id="c"><text>Add an S3 lifecycle rule to the bucket</text></option>
                <option id="d"><text>Require TLS in the bucket policy</text></option>
              </options>
            </item>
            """,
        ],
        nonTriggeringExamples: [
            """
            <item id="q1" type="single" domain="1" task="1.1" status="draft">
              <stem>Which AWS service stores training data as objects?</stem>
              <options>
                <option id="a"><text>Amazon EBS</text></option>
                <option id="b" correct="true"><text>Amazon S3 Standard, a managed AWS service</text></option>
                <option id="c"><text>Amazon EFS</text></option>
                <option id="d"><text>Amazon FSx for Lustre</text></option>
              </options>
            </item>
            """,
            """
            <item id="q1" type="single" domain="4" task="4.3" status="draft">
              <stem>An ML engineer must meet a compliance rule. Which approach will encrypt the training data at rest?</stem>
              <options>
                <option id="a"><text>Encrypt the traffic with TLS 1.2</text></option>
                <option id="b" correct="true"><text>Encrypt the bucket with an AWS KMS key</text></option>
                <option id="c"><text>Encrypt the notebook volume only</text></option>
                <option id="d"><text>Add an S3 lifecycle rule to the bucket</text></option>
              </options>
            </item>
            """,
        ]
    )

    public func check(_ item: Item, in context: ItemContext) -> [Diagnostic] {
        guard let body = item.choiceBody else { return [] }
        let stemText = item.stem.value
        // A handful of stems per text: lists, and the distractors' words only once a key repeats a stem word.
        let stemWords = ContentWords.stems(of: leadInOnly ? LeadIn.words(of: stemText) : Words.of(stemText), stopWords: stopWords, gate: stopGate)
        guard !stemWords.isEmpty else { return [] }
        var distractorWords: Set<String>?
        var found: [Diagnostic] = []
        var everyOptionInStem: Bool?
        for key in body.correctOptions {
            let shared = ContentWords.stems(of: Words.of(key.text.value), stopWords: stopWords, gate: stopGate).filter(stemWords.contains)
            guard !shared.isEmpty else { continue }
            if distractorWords == nil {
                var words: Set<String> = []
                for option in body.options where !option.isCorrect { words.formUnion(ContentWords.of(option.text.value, stopWords: stopWords, gate: stopGate)) }
                distractorWords = words
            }
            let repeated = Set(shared).subtracting(distractorWords ?? [])
            guard !repeated.isEmpty else { continue }
            if everyOptionInStem == nil {
                let lowerStem = stemText.lowercased()
                everyOptionInStem = body.options.allSatisfy { lowerStem.contains($0.text.value.lowercased()) }
            }
            if everyOptionInStem == true { return [] }
            let shown = originalWords(repeated, in: key.text.value)
            found.append(diagnostic(
                "key '\(key.id)' of item '\(item.id)' repeats \(quotedList(shown)) from the stem and no distractor does; reword the key or use the word in distractors too",
                at: key.origin, in: context.file.path, item: item.id))
        }
        return found
    }

    /// The words as written in `text` whose stems are in `stems`, in order of appearance.
    private func originalWords(_ stems: Set<String>, in text: String) -> [String] {
        var seen: Set<String> = [], shown: [String] = []
        for word in Words.of(text) where ContentWords.isContent(word.lower, stopWords: stopWords, gate: stopGate) {
            let stem = ContentWords.stem(word.lower)
            if stems.contains(stem), seen.insert(stem).inserted { shown.append(word.lower) }
        }
        return shown
    }
}

extension StemKeyWordRepeatRule: ConfigurableRule {
    public var options: [String: RuleOptionValue] {
        ["stopWords": .words(stopWords), "leadInOnly": .bool(leadInOnly)]
    }

    public mutating func configure(_ options: RuleOptions) throws(RuleOptionError) {
        try options.read("stopWords", into: &stopWords)
        try options.read("leadInOnly", into: &leadInOnly)
    }
}

import QBankCore

/// Text nobody meant to ship: "TODO", "TBD", "Lorem ipsum", options called "Option A".
public struct PlaceholderContentRule: ItemRule {
    /// Upper-case words that mark unfinished text, matched as whole words, case-sensitive ("TODO", not "todo").
    public var markers: [String] = ["TODO", "TBD", "TBA", "FIXME", "XXX", "PLACEHOLDER"] { didSet { refreshNeedles() } }
    /// Phrases that are filler wherever they appear, case-insensitive.
    public var phrases: [String] = Self.defaultPhrases { didSet { phraseList = PhraseList(phrases); refreshNeedles() } }
    private static let defaultPhrases = ["lorem ipsum", "insert question here", "insert answer here", "your question here", "your answer here"]
    /// `phrases` split into words once, not per text.
    private var phraseList = PhraseList(Self.defaultPhrases)
    /// Generic labels that are a placeholder when an option, step or response says only "<label> <letter or number>".
    public var genericLabels: [String] = ["option", "answer", "choice", "distractor", "step", "response", "prompt"] { didSet { refreshNeedles() } }
    /// What a text must show for a marker or phrase to be in it, and a part for a label: most
    /// texts (rationales above all) show none, and are then not tokenised.
    private var textNeedles = ByteNeedles(exact: [], folded: [])
    /// Both kinds at once, for a part that may be a label: one scan of its bytes, not two.
    private var partNeedles = ByteNeedles(exact: [], folded: [])

    public init() { refreshNeedles() }

    private mutating func refreshNeedles() {
        // A phrase without words matches every text, so it must reach the tokeniser.
        let firstWords = phraseList.phrases.map { $0.first ?? "" }
        textNeedles = ByteNeedles(exact: markers, folded: firstWords)
        partNeedles = ByteNeedles(exact: markers, folded: firstWords + genericLabels)
    }

    public static let description = RuleDescription(
        id: "QB116", name: "placeholder-content", category: .structure,
        summary: "No placeholder text (TODO, TBD, \"Lorem ipsum\", an option that only says \"Option A\") in a stem, option, rationale or reference.",
        rationale: """
            A placeholder that reaches a form is an unanswerable or giveaway item; one public bank shipped \
            dozens of "Option A/Option B" items, and `qbank new` writes `TODO:` into every field on purpose, \
            so its skeleton must fail here until written. Markers are upper-case whole words (`markers`), \
            "todo list" in prose is not one; an option, step or response whose whole text is a generic label \
            and a letter or number ("Option A", "Answer 2") is a placeholder (`genericLabels`). One finding \
            per item, at the first place, naming every field affected.
            """,
        severity: .error,
        triggeringExamples: [
            """
            <item id="q1" type="single" domain="1" task="1.1" status="draft">
              ↓<stem>TODO: describe the scenario. Which solution meets these requirements?</stem>
              <options>
                <option id="a" correct="true"><text>Amazon S3</text></option>
                <option id="b"><text>Amazon EBS</text></option>
                <option id="c"><text>Amazon EFS</text></option>
                <option id="d"><text>Amazon FSx for Lustre</text></option>
              </options>
            </item>
            """,
            """
            <item id="q1" type="single" domain="1" task="1.1" status="draft">
              <stem>Which service stores training data as objects?</stem>
              <options>
                <option id="a" correct="true"><text>Amazon S3</text></option>
                ↓<option id="b"><text>Option B</text></option>
                <option id="c"><text>Amazon EFS</text></option>
                <option id="d"><text>Lorem ipsum dolor sit amet</text></option>
              </options>
            </item>
            """,
        ],
        nonTriggeringExamples: [
            """
            <item id="q1" type="single" domain="1" task="1.1" status="draft">
              <stem>An engineer keeps a todo list of retraining jobs in a table. Which service stores it with single-digit millisecond reads?</stem>
              <options>
                <option id="a" correct="true"><text>Amazon DynamoDB</text></option>
                <option id="b"><text>Amazon S3 Glacier Deep Archive</text></option>
                <option id="c"><text>Amazon Redshift with RA3 nodes</text></option>
                <option id="d"><text>Option group settings in Amazon RDS</text></option>
              </options>
            </item>
            """,
        ]
    )

    public func check(_ item: Item, in context: ItemContext) -> [Diagnostic] {
        var places: [(what: String, origin: Origin)] = []
        // `what` and `origin` are only read for a text that holds a placeholder, not for every text.
        func look(_ text: String?, _ what: @autoclosure () -> String, _ origin: @autoclosure () -> Origin, label: Bool = false) {
            guard let text, let found = placeholder(in: text, wholeLabel: label) else { return }
            places.append(("'\(found)' in \(what())", origin()))
        }
        look(item.stem.value, "the stem", item.stemOrigin)
        switch item.body {
        case .choice(let body):
            // Options are read in place: copying one retains every string it holds.
            let options = body.options
            for index in options.indices {
                look(options[index].text.value, "option '\(options[index].id)'", options[index].origin, label: true)
                look(options[index].rationale, "the rationale of option '\(options[index].id)'", options[index].origin)
            }
        case .ordering(let steps):
            for step in steps {
                look(step.text.value, "step '\(step.id)'", step.origin, label: true)
                look(step.rationale, "the rationale of step '\(step.id)'", step.origin)
            }
        case .matching(let body):
            for prompt in body.prompts {
                look(prompt.text.value, "prompt '\(prompt.id)'", prompt.origin, label: true)
                look(prompt.rationale, "the rationale of prompt '\(prompt.id)'", prompt.origin)
            }
            for response in body.responses { look(response.text.value, "response '\(response.id)'", response.origin, label: true) }
        }
        for reference in item.references { look(reference.title, "a reference title", item.origin) }
        guard let first = places.first else { return [] }
        let shown = places.prefix(4).map(\.what).joined(separator: ", ") + (places.count > 4 ? " and \(places.count - 4) more" : "")
        return [diagnostic(
            "item '\(item.id)' holds placeholder text (\(shown)); write the real content before review",
            at: first.origin, in: context.file.path, item: item.id)]
    }

    /// The marker, phrase or generic label `text` holds, as written.
    private func placeholder(in text: String, wholeLabel: Bool) -> String? {
        guard (wholeLabel ? partNeedles : textNeedles).mayOccur(in: text) else { return nil }
        let words = Words.of(text)
        if let marker = words.first(where: { markers.contains(String($0.text)) }) { return String(marker.text) }
        let lower = words.map(\.lower)
        if let phrase = phraseList.matches(in: lower).first { return phrase }
        if wholeLabel, words.count == 2, genericLabels.contains(lower[0]), isLabelSuffix(words[1].text) {
            return "\(words[0].text) \(words[1].text)"
        }
        return nil
    }

    /// "A", "b", "1", "12": a letter or a number that only numbers the label.
    private func isLabelSuffix(_ word: Substring) -> Bool {
        (word.count == 1 && word.first!.isLetter) || (!word.isEmpty && word.count <= 2 && word.allSatisfy(\.isNumber))
    }
}

extension PlaceholderContentRule: ConfigurableRule {
    public var options: [String: RuleOptionValue] {
        ["markers": .strings(markers), "phrases": .strings(phrases), "genericLabels": .strings(genericLabels)]
    }

    public mutating func configure(_ options: RuleOptions) throws(RuleOptionError) {
        try options.read("markers", into: &markers)
        try options.read("phrases", into: &phrases)
        try options.read("genericLabels", into: &genericLabels)
    }
}

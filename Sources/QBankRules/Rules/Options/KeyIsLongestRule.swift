import QBankCore

/// A key conspicuously longer than every distractor tells the test-wise candidate which it is.
public struct KeyIsLongestRule: ItemRule {
    /// The key must be at least this many times the longest distractor (characters) to be flagged.
    public var ratio = 1.33
    /// Keys shorter than this many words are never flagged ("Amazon S3" vs "EFS").
    public var minimumWords = 4

    public init() {}

    public static let description = RuleDescription(
        id: "QB304", name: "key-is-longest", category: .options,
        summary: "The key must not be conspicuously longer than every distractor (≥ 1.33× the longest one, in characters).",
        rationale: """
            Haladyna et al. (2002) guidelines 24 and 28d: keep options about equal in length; "longest option \
            is correct" is a classic testwiseness cue (NBME "long correct answer"; Tarrant et al. 2006; Moore \
            et al. 2023 flag a longest distractor below 0.8× the key, SAQUET below 0.75×; 1/1.33 = 0.75). \
            Multiple choice: the key has at least 4 words and is at least 1.33× as long as the longest \
            distractor. Multiple response: every key is longer than every distractor and the keys average at \
            least 1.33× the distractors. "All/None of the above" and "A and B" options are left out, since they \
            are often the longest. A key that is a name ("AWS Total Cost of Ownership (TCO) Calculator": every \
            word capitalised, an acronym or a connective) is left alone: its length is not the writer's choice \
            (on imported public banks, 6 of 24 sampled findings were such names).
            """,
        severity: .warning,
        triggeringExamples: [
            """
            <item id="q1" type="single" domain="3" task="3.1" status="draft">
              <stem>Which option gives the lowest-latency inference for a model that must answer in under 50 ms?</stem>
              <options>
                <option id="a"><text>Batch transform</text></option>
                <option id="b"><text>Asynchronous inference</text></option>
                ↓<option id="c" correct="true"><text>A real-time endpoint with provisioned instances kept warm behind auto scaling</text></option>
                <option id="d"><text>Serverless inference</text></option>
              </options>
            </item>
            """,
        ],
        nonTriggeringExamples: [
            """
            <item id="q1" type="single" domain="4" task="4.2" status="draft">
              <stem>What helps a company estimate the savings of moving its servers to AWS?</stem>
              <options>
                <option id="a"><text>Cost Explorer</text></option>
                <option id="b" correct="true"><text>AWS Total Cost of Ownership (TCO) Calculator</text></option>
                <option id="c"><text>AWS Budgets</text></option>
                <option id="d"><text>AWS Trusted Advisor</text></option>
              </options>
            </item>
            """,
            """
            <item id="q1" type="single" domain="3" task="3.1" status="draft">
              <stem>Which option gives the lowest-latency inference for a model that must answer in under 50 ms?</stem>
              <options>
                <option id="a"><text>A batch transform job that runs every five minutes</text></option>
                <option id="b"><text>An asynchronous endpoint that queues requests in S3</text></option>
                <option id="c" correct="true"><text>A real-time endpoint with provisioned instances</text></option>
                <option id="d"><text>A serverless endpoint with no provisioned concurrency</text></option>
              </options>
            </item>
            """,
            """
            <item id="q1" type="single" domain="4" task="4.3" status="draft" shuffle="false">
              <stem>Which controls protect the bucket?</stem>
              <options>
                <option id="a"><text>SSE-KMS</text></option>
                <option id="b"><text>Block Public Access</text></option>
                <option id="c"><text>A bucket policy</text></option>
                <option id="d" correct="true"><text>All of the above controls together</text></option>
              </options>
            </item>
            """,
        ]
    )

    public func check(_ item: Item, in context: ItemContext) -> [Diagnostic] {
        guard let body = item.choiceBody else { return [] }
        // Distractors are only measured, so they are read in place: copying an option retains every string it holds.
        let keys = body.correctOptions, options = body.contentOptions
        let distractorLengths = options.indices.filter { !options[$0].isCorrect }.map { Double(options[$0].text.value.characterCount) }
        guard !keys.isEmpty, !distractorLengths.isEmpty, keys.allSatisfy({ MetaOption.kind(of: $0.text.value) == nil }),
              !keys.allSatisfy({ Self.isName($0.text.value) }) else { return [] }
        let keyLengths = keys.map { Double($0.text.value.characterCount) }
        let longestDistractor = distractorLengths.max() ?? 0
        if item.type == .single {
            guard let key = keys.first, Words.of(key.text.value).count >= minimumWords,
                  keyLengths[0] >= ratio * longestDistractor else { return [] }
            return [diagnostic(
                "the key of item '\(item.id)' ('\(key.id)') is \(ratio(keyLengths[0], longestDistractor))× as long as the longest distractor; shorten it or lengthen the distractors so length gives nothing away",
                at: key.origin, in: context.file.path, item: item.id)]
        }
        let meanKeys = keyLengths.reduce(0, +) / Double(keyLengths.count)
        let meanDistractors = distractorLengths.reduce(0, +) / Double(distractorLengths.count)
        let meanKeyWords = Double(keys.map { Words.of($0.text.value).count }.reduce(0, +)) / Double(keys.count)
        guard (keyLengths.min() ?? 0) > longestDistractor, meanKeyWords >= Double(minimumWords),
              meanKeys >= ratio * meanDistractors else { return [] }
        return [diagnostic(
            "every key of item '\(item.id)' (\(quotedList(keys.map(\.id)))) is longer than every distractor, \(ratio(meanKeys, meanDistractors))× on average; even out the option lengths",
            at: keys[0].origin, in: context.file.path, item: item.id)]
    }

    private func ratio(_ a: Double, _ b: Double) -> String {
        guard b > 0 else { return "∞" }
        let value = (a / b * 10).rounded() / 10
        return String(value)
    }
}

extension KeyIsLongestRule {
    private static let connectives: Set<String> = ["of", "and", "for", "the", "to", "on", "in", "with", "&"]

    /// A product or proper name: every word starts with a capital or a digit, or is a connective ("of", "and").
    static func isName(_ text: String) -> Bool {
        let words = Words.of(text)
        return words.count >= 2 && words.allSatisfy { word in startsCapitalOrDigit(word.text) || connectives.contains(word.lower) }
    }

    /// An ASCII first byte settles it without building a `Character`.
    private static func startsCapitalOrDigit(_ text: Substring) -> Bool {
        guard let byte = text.utf8.first else { return false }
        if byte < 0x80 { return (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) }
        return text.first.map { $0.isUppercase || $0.isNumber } == true
    }
}

extension KeyIsLongestRule: ConfigurableRule {
    public var options: [String: RuleOptionValue] {
        ["ratio": .number(ratio), "minimumWords": .number(Double(minimumWords))]
    }

    public mutating func configure(_ options: RuleOptions) throws(RuleOptionError) {
        try options.read("ratio", into: &ratio, in: 1...10)
        try options.read("minimumWords", into: &minimumWords, in: 1...100)
    }
}

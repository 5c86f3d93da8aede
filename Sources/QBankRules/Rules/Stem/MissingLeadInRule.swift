import QBankCore

/// A stem must end in a question or a task, so a candidate could answer it with the options covered.
public struct MissingLeadInRule: ItemRule {
    /// Words that, opening the lead-in or one of its comma-separated clauses, make it a question or a task.
    public var directives: Set<String> = WordLists.directives
    /// How many sentences from the end may hold the lead-in: a task is often followed by directions
    /// ("Match each … . Each response is used at most once.").
    public var sentencesChecked = 2

    public init() {}

    public static let description = RuleDescription(
        id: "QB203", name: "missing-lead-in", category: .stem,
        summary: "The stem's last sentence must be a question, a task (\"Select …\", \"Arrange …\") or an open completion.",
        rationale: """
            Haladyna et al. (2002) guidelines 14–15: the stem states one clear problem and holds the central \
            idea; NBME's "cover-the-options" test: a candidate should be able to answer from the stem alone. \
            Tarrant et al. (2006) and Moore et al. (2023) count "stem contains no question" as a flaw. The \
            lead-in (last sentence) passes when it ends in "?", when it or one of its comma-separated clauses \
            opens with a question word or a directive verb, or when it is a completion stem: it ends in ":", \
            "…", a blank, holds a fill-in blank ("[...]", "____", "(blank)") anywhere (QB204 reports one \
            that is not at the end), or with no final punctuation ("The squeaking wheel gets"). A lead-in that is a plain \
            statement ending in "." or "!" is flagged, unless the sentence before it is the question or task \
            (directions often follow it: "Each response is used at most once.").
            """,
        severity: .warning,
        triggeringExamples: [
            """
            <item id="q1" type="single" domain="1" task="1.1" status="draft">
              ↓<stem>A company streams clickstream data to Amazon S3 for ML training.</stem>
              <options>
                <option id="a" correct="true"><text>Amazon Data Firehose delivers the stream to S3 in Parquet.</text></option>
                <option id="b"><text>Amazon SQS stores the stream for 14 days.</text></option>
                <option id="c"><text>Amazon EBS snapshots capture the stream.</text></option>
                <option id="d"><text>AWS Batch polls the stream every hour.</text></option>
              </options>
            </item>
            """,
        ],
        nonTriggeringExamples: [
            """
            <item id="q1" type="single" domain="2" task="2.1" status="draft">
              <stem>Predicting the amount of rainfall from various cues is a _ problem.</stem>
              <options>
                <option id="a" correct="true"><text>supervised learning</text></option>
                <option id="b"><text>unsupervised learning</text></option>
                <option id="c"><text>clustering</text></option>
                <option id="d"><text>reinforcement learning</text></option>
              </options>
            </item>
            """,
            """
            <item id="q1" type="single" domain="1" task="1.1" status="draft">
              <stem>Amazon Data Firehose can convert streaming records to [...].</stem>
              <options>
                <option id="a" correct="true"><text>Apache Parquet</text></option>
                <option id="b"><text>Microsoft Excel</text></option>
                <option id="c"><text>PDF</text></option>
                <option id="d"><text>JPEG</text></option>
              </options>
            </item>
            """,
            """
            <item id="q1" type="single" domain="1" task="1.1" status="draft">
              <stem>The ____ feature of Amazon S3 keeps every version of an object.</stem>
              <options>
                <option id="a" correct="true"><text>Versioning</text></option>
                <option id="b"><text>Replication</text></option>
                <option id="c"><text>Object Lock</text></option>
                <option id="d"><text>Intelligent-Tiering</text></option>
              </options>
            </item>
            """,
            """
            <item id="q1" type="single" domain="1" task="1.1" status="draft">
              <stem>A company streams clickstream data to Amazon S3 for ML training. Which service converts the records to Parquet on delivery?</stem>
              <options>
                <option id="a" correct="true"><text>Amazon Data Firehose</text></option>
                <option id="b"><text>Amazon SQS</text></option>
                <option id="c"><text>Amazon EBS</text></option>
                <option id="d"><text>AWS Batch</text></option>
              </options>
            </item>
            """,
            """
            <item id="q1" type="ordering" domain="3" task="3.3" status="draft">
              <stem>A team automates retraining. Based on the pipeline design, arrange the steps in order.</stem>
              <steps>
                <step id="s1"><text>Process the new data</text></step>
                <step id="s2"><text>Train the candidate model</text></step>
                <step id="s3"><text>Register the model version</text></step>
              </steps>
            </item>
            """,
            """
            <item id="q1" type="matching" domain="2" task="2.1" status="draft">
              <stem>Match each use case with the built-in algorithm that fits it. Each response is used at most once.</stem>
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
            """
            <item id="q1" type="single" domain="1" task="1.1" status="draft">
              <stem>The service that converts streaming records to Parquet on delivery to S3 is</stem>
              <options>
                <option id="a" correct="true"><text>Amazon Data Firehose</text></option>
                <option id="b"><text>Amazon SQS</text></option>
                <option id="c"><text>Amazon EBS</text></option>
                <option id="d"><text>AWS Batch</text></option>
              </options>
            </item>
            """,
        ]
    )

    public func check(_ item: Item, in context: ItemContext) -> [Diagnostic] {
        let stem = LeadIn.body(of: item.stem.value)
        // The body's split is memoised per stem: the lead-in rules have made it already.
        let candidates = LeadIn.sentences(of: item.stem.value).suffix(max(1, sentencesChecked))
        guard let leadIn = candidates.last, let last = leadIn.last, last == "." || last == "!" else { return [] }
        // A completion ("… is [...].") or a fill-in blank anywhere: QB204 judges where the blank sits.
        if leadIn.hasSuffix("...") || leadIn.hasSuffix("…") || MidStemBlankRule.hasBlank(stem) { return [] }
        if candidates.contains(where: isQuestionOrTask) { return [] }
        return [diagnostic(
            "the stem of item '\(item.id)' ends in a statement, not a question or task; end it with the question the options answer (e.g. \"Which … ?\")",
            at: item.stemOrigin, in: context.file.path, item: item.id)]
    }

    private func isQuestionOrTask(_ sentence: Substring) -> Bool {
        if sentence.hasSuffix("?") || sentence.hasSuffix(":") { return true }
        return sentence.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == ":" || $0 == "(" }).contains { clause in
            Words.of(clause).first.map { directives.contains($0.lower) } ?? false
        }
    }
}

extension MissingLeadInRule: ConfigurableRule {
    public var options: [String: RuleOptionValue] {
        ["directives": .words(directives), "sentencesChecked": .number(Double(sentencesChecked))]
    }

    public mutating func configure(_ options: RuleOptions) throws(RuleOptionError) {
        try options.read("directives", into: &directives)
        try options.read("sentencesChecked", into: &sentencesChecked, in: 1...10)
    }
}

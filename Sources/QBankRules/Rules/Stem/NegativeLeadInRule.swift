import QBankCore

/// A negative lead-in ("Which … is NOT …?") must make its negative word impossible to miss.
public struct NegativeLeadInRule: ItemRule {
    /// Words that make a lead-in negative; words ending in "n't" always count.
    public var negativeWords: Set<String> = WordLists.negativeLeadIn { didSet { negativeGate = WordGate(negativeWords) } }
    private var negativeGate = WordGate(WordLists.negativeLeadIn)
    /// Phrases in which those words do not negate ("at least", "false positives", "least privilege").
    public var exceptions: [[String]] = WordLists.negativeExceptions

    public init() {}

    public static let description = RuleDescription(
        id: "QB201", name: "negative-lead-in-unemphasized", category: .stem,
        summary: "A negative word in the lead-in (not, except, least, false, cannot, never, n't) must be emphasised as **word** or ALL CAPS.",
        rationale: """
            Haladyna, Downing & Rodriguez (2002) guideline 17: word the stem positively and avoid negatives; \
            when a negative is needed, emphasise it. NBME (Case & Swanson) and Tarrant et al. (2006) count an \
            unemphasised negative stem as a flaw: candidates who skim past "not" answer the opposite question. \
            Only the lead-in (the stem's last sentence, without a trailing "Select TWO.") is checked, and \
            phrases such as "at least", "not only", "false positives", "least privilege", "least squares" and \
            "least effort" are not negations. The lead-in must ask something (end in "?" or ":", or run into the \
            options); a negative inside a subordinate or relative clause ("so that messages are not lost") is a \
            condition, not the question. Measured on imported public banks, these two cases made 16 of 19 \
            sampled findings false before they were excluded. \
            Emphasis is `**not**` or `NOT` (Schemas/README.md, "Text").
            """,
        severity: .warning,
        triggeringExamples: [
            """
            <item id="q1" type="single" domain="4" task="4.3" status="draft">
              ↓<stem>An ML engineer stores training data in Amazon S3. Which option does not encrypt the data at rest?</stem>
              <options>
                <option id="a"><text>SSE-S3</text></option>
                <option id="b"><text>SSE-KMS</text></option>
                <option id="c"><text>DSSE-KMS</text></option>
                <option id="d" correct="true"><text>S3 Transfer Acceleration</text></option>
              </options>
            </item>
            """,
            """
            <item id="q1" type="multiple" select="2" domain="4" task="4.3" status="draft">
              ↓<stem>Which services can't read the bucket? (Select TWO.)</stem>
              <options>
                <option id="a" correct="true"><text>Amazon Polly</text></option>
                <option id="b" correct="true"><text>Amazon Lex</text></option>
                <option id="c"><text>Amazon Athena</text></option>
                <option id="d"><text>AWS Glue</text></option>
                <option id="e"><text>Amazon SageMaker AI</text></option>
              </options>
            </item>
            """,
        ],
        nonTriggeringExamples: [
            """
            <item id="q1" type="single" domain="3" task="3.3" status="draft">
              <stem>Which service makes sure that messages between components are not lost when one component fails?</stem>
              <options>
                <option id="a" correct="true"><text>Amazon SQS</text></option>
                <option id="b"><text>Amazon SES</text></option>
                <option id="c"><text>AWS Direct Connect</text></option>
                <option id="d"><text>Amazon Connect</text></option>
              </options>
            </item>
            """,
            """
            <item id="q1" type="single" domain="2" task="2.1" status="draft">
              <stem>Statement 1| ReLUs are not monotonic. Statement 2| Sigmoids are monotonic.</stem>
              <options>
                <option id="a"><text>True, True</text></option>
                <option id="b"><text>False, False</text></option>
                <option id="c"><text>True, False</text></option>
                <option id="d" correct="true"><text>False, True</text></option>
              </options>
            </item>
            """,
            """
            <item id="q1" type="single" domain="2" task="2.1" status="draft">
              <stem>Which method fits a linear regression by ordinary least squares on a large dataset?</stem>
              <options>
                <option id="a" correct="true"><text>The SageMaker AI Linear Learner algorithm</text></option>
                <option id="b"><text>The SageMaker AI k-means algorithm</text></option>
                <option id="c"><text>The SageMaker AI PCA algorithm</text></option>
                <option id="d"><text>The SageMaker AI IP Insights algorithm</text></option>
              </options>
            </item>
            """,
            """
            <item id="q1" type="single" domain="4" task="4.3" status="draft">
              <stem>An ML engineer stores training data in Amazon S3. Which option does **not** encrypt the data at rest?</stem>
              <options>
                <option id="a"><text>SSE-S3</text></option>
                <option id="b"><text>SSE-KMS</text></option>
                <option id="c"><text>DSSE-KMS</text></option>
                <option id="d" correct="true"><text>S3 Transfer Acceleration</text></option>
              </options>
            </item>
            """,
            """
            <item id="q1" type="single" domain="4" task="4.2" status="draft">
              <stem>The endpoint must not be public. Which option meets the requirement with the LEAST operational overhead and at least 99.9% availability?</stem>
              <options>
                <option id="a" correct="true"><text>A private SageMaker AI endpoint behind an interface VPC endpoint</text></option>
                <option id="b"><text>A self-managed EC2 fleet behind an internet-facing load balancer</text></option>
                <option id="c"><text>An Amazon ECS service on EC2 instances in a public subnet</text></option>
                <option id="d"><text>A Lambda function URL with no authentication</text></option>
              </options>
            </item>
            """,
            """
            <item id="q1" type="single" domain="2" task="2.3" status="draft">
              <stem>Which metric should the engineer watch to reduce false positives?</stem>
              <options>
                <option id="a" correct="true"><text>Precision</text></option>
                <option id="b"><text>Recall</text></option>
                <option id="c"><text>RMSE</text></option>
                <option id="d"><text>Perplexity</text></option>
              </options>
            </item>
            """,
        ]
    )

    public func check(_ item: Item, in context: ItemContext) -> [Diagnostic] {
        guard item.type == .single || item.type == .multiple else { return [] }
        let plain = Negation.questionNegatives(inLeadInOf: item.stem.value, list: negativeWords, gate: negativeGate, exceptions: exceptions)
            .filter { !$0.isEmphasized }
        guard let first = plain.first else { return [] }
        let word = String(first.text)
        let fix = TextFixes.offset(of: first.text, in: item.stem.value).flatMap {
            TextFixes.replaceWord(at: $0, length: first.text.utf8.count, in: item.stem, file: context.file.path,
                                  with: word.uppercased(), title: "write '\(word)' as \(word.uppercased())")
        }
        return [diagnostic(
            "the lead-in of item '\(item.id)' asks a negative question but '\(word)' is not emphasised; write **\(word)** or \(word.uppercased()), or ask the question positively",
            at: item.stemOrigin, in: context.file.path, item: item.id, fix: fix)]
    }
}

extension NegativeLeadInRule: ConfigurableRule {
    public var options: [String: RuleOptionValue] {
        ["negativeWords": .words(negativeWords), "exceptions": .phrases(exceptions)]
    }

    public mutating func configure(_ options: RuleOptions) throws(RuleOptionError) {
        try options.read("negativeWords", into: &negativeWords)
        try options.read("exceptions", phrases: &exceptions)
    }
}

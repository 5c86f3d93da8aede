import QBankCore

/// A negative lead-in combined with a negated option makes a double negative.
public struct DoubleNegativeRule: ItemRule {
    /// Negative words of the lead-in. "least" is left out: "LEAST cost" is a superlative, not a negation.
    public var leadInNegatives: Set<String> = WordLists.negativeLeadIn.subtracting(["least"]) { didSet { leadInGate = WordGate(leadInNegatives) } }
    /// Negation in an option; words ending in "n't" and starting with "non-" always count.
    public var optionNegatives: Set<String> = WordLists.optionNegation { didSet { optionGate = WordGate(optionNegatives) } }
    private var leadInGate = WordGate(WordLists.negativeLeadIn.subtracting(["least"]))
    private var optionGate = WordGate(WordLists.optionNegation)
    public var exceptions: [[String]] = WordLists.negativeExceptions

    public init() {}

    public static let description = RuleDescription(
        id: "QB202", name: "double-negative", category: .stem,
        summary: "An option of an item with a negative lead-in must not be negative itself.",
        rationale: """
            Haladyna et al. (2002) guidelines 17 and 27: avoid negatives in the stem, and never combine a \
            negative stem with negative options; "Which is NOT …?" answered by "Do not …" makes candidates \
            untangle logic instead of showing what they know. Any emphasis of the stem's negative does not \
            help here. Option negation is "not", "no", "never", "none", "cannot", "nothing", "neither", "nor", \
            a "n't" contraction or a "non-" prefix; "un-" words are not counted ("unsupervised" is a term, \
            not a negation).
            """,
        severity: .warning,
        triggeringExamples: [
            """
            <item id="q1" type="single" domain="4" task="4.3" status="draft">
              <stem>Which action is NOT a way to protect the training data?</stem>
              <options>
                <option id="a"><text>Encrypt the bucket with AWS KMS</text></option>
                ↓<option id="b" correct="true"><text>Do not enable S3 Block Public Access</text></option>
                <option id="c"><text>Restrict the bucket policy to the training role</text></option>
                <option id="d"><text>Use a VPC endpoint for S3</text></option>
              </options>
            </item>
            """,
        ],
        nonTriggeringExamples: [
            """
            <item id="q1" type="single" domain="4" task="4.3" status="draft">
              <stem>Which action is NOT a way to protect the training data?</stem>
              <options>
                <option id="a"><text>Encrypt the bucket with AWS KMS</text></option>
                <option id="b" correct="true"><text>Turn off S3 Block Public Access</text></option>
                <option id="c"><text>Restrict the bucket policy to the training role</text></option>
                <option id="d"><text>Use a VPC endpoint for S3</text></option>
              </options>
            </item>
            """,
            """
            <item id="q1" type="single" domain="2" task="2.1" status="draft">
              <stem>Which algorithm needs no labels?</stem>
              <options>
                <option id="a" correct="true"><text>K-means, which does not need labels</text></option>
                <option id="b"><text>XGBoost</text></option>
                <option id="c"><text>Linear Learner</text></option>
                <option id="d"><text>Factorization Machines</text></option>
              </options>
            </item>
            """,
        ]
    )

    public func check(_ item: Item, in context: ItemContext) -> [Diagnostic] {
        guard let body = item.choiceBody else { return [] }
        guard let stemNegative = Negation.questionNegatives(inLeadInOf: item.stem.value, list: leadInNegatives, gate: leadInGate, exceptions: exceptions).first
        else { return [] }
        var found: [Diagnostic] = []
        for option in body.options {
            let words = Words.of(option.text.value)
            let negatives = Negation.negatives(in: words, list: optionNegatives, gate: optionGate, exceptions: exceptions)
                + words.filter { $0.lower.hasPrefix("non-") }
            guard let negative = negatives.first else { continue }
            found.append(diagnostic(
                "option '\(option.id)' of item '\(item.id)' says '\(negative.text)' under a lead-in that says '\(stemNegative.text)'; rephrase the option or the lead-in positively so there is no double negative",
                at: option.origin, in: context.file.path, item: item.id))
        }
        return found
    }
}

extension DoubleNegativeRule: ConfigurableRule {
    public var options: [String: RuleOptionValue] {
        ["leadInNegatives": .words(leadInNegatives), "optionNegatives": .words(optionNegatives), "exceptions": .phrases(exceptions)]
    }

    public mutating func configure(_ options: RuleOptions) throws(RuleOptionError) {
        try options.read("leadInNegatives", into: &leadInNegatives)
        try options.read("optionNegatives", into: &optionNegatives)
        try options.read("exceptions", phrases: &exceptions)
    }
}

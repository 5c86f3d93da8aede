import QBankCore

/// Two options that say the same thing in slightly different words.
public struct NearDuplicateOptionsRule: ItemRule {
    /// Words ignored when comparing (articles).
    public var ignoredWords: Set<String> = ["a", "an", "the"] { didSet { ignoredGate = WordGate(ignoredWords) } }
    /// Lets most words past the gate without hashing them.
    private var ignoredGate = WordGate(["a", "an", "the"])

    public init() {}

    public static let description = RuleDescription(
        id: "QB315", name: "near-duplicate-options", category: .options,
        summary: "Two options (steps, prompts, responses) of one item must not differ only in punctuation, articles, inflection or emphasis.",
        rationale: """
            Haladyna et al. (2002) guideline 22: options must be distinct and independent. "Use an S3 bucket." \
            and "Use S3 buckets" are one option written twice: if one is the key the other is too, otherwise a \
            distractor is wasted. Exact repeats (case and spacing aside) are QB114; this rule compares the word \
            sequences after dropping punctuation, `**`/`` ` `` marks and articles, and stripping inflection \
            ("-s", "-ed", "-ing"). Calibration: the catalog's Levenshtein ≥ 0.9 / token-Jaccard ≥ 0.9 test was \
            dropped because it fires on good, deliberately parallel distractors ("Amazon EBS" vs "Amazon EFS", \
            "Increase the learning rate" vs "Decrease the learning rate"). Formulas (with |, =, <, >, ^ or a \
            call such as P(A)) are left to QB114: the word comparison would equate "P(A|B)" and "P(B|A)".
            """,
        severity: .warning,
        triggeringExamples: [
            """
            <item id="q1" type="single" domain="1" task="1.1" status="draft">
              <stem>Where should the team store 40 TB of training images for SageMaker AI training jobs?</stem>
              <options>
                <option id="a" correct="true"><text>In an Amazon S3 bucket.</text></option>
                <option id="b"><text>On Amazon EBS volumes</text></option>
                ↓<option id="c"><text>In Amazon S3 buckets</text></option>
                <option id="d"><text>On the notebook instance</text></option>
              </options>
            </item>
            """,
        ],
        nonTriggeringExamples: [
            """
            <item id="q1" type="single" domain="2" task="2.3" status="draft">
              <stem>If P(A, B) decreases while P(A) increases, which of the following is true?</stem>
              <options>
                <option id="a"><text>P(A|B) decreases</text></option>
                <option id="b" correct="true"><text>P(B|A) decreases</text></option>
                <option id="c"><text>P(B) decreases</text></option>
                <option id="d"><text>P(A) decreases</text></option>
              </options>
            </item>
            """,
            """
            <item id="q1" type="single" domain="1" task="1.1" status="draft">
              <stem>Where should the team store 40 TB of training images for SageMaker AI training jobs?</stem>
              <options>
                <option id="a" correct="true"><text>Amazon S3</text></option>
                <option id="b"><text>Amazon EBS</text></option>
                <option id="c"><text>Amazon EFS</text></option>
                <option id="d"><text>Amazon ECR</text></option>
              </options>
            </item>
            """,
        ]
    )

    public func check(_ item: Item, in context: ItemContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for group in item.partGroups where mayHaveEqualKeys(group) {
            // A handful of parts: lists searched in order beat hashing every text and key.
            var seen: [(key: [String], part: ItemPart)] = []
            var texts: [String] = []
            for part in group where !part.text.isBlank {
                let text = part.text.value
                if texts.contains(where: { sameComparable($0, text) }) { continue } // QB114's finding
                texts.append(text)
                // Formulas ("P(A|B)", "x = 2") differ in symbols the word comparison drops: only QB114 judges them.
                if text.contains(where: { "|=<>^".contains($0) }) || text.contains(where: { $0 == "(" }) && text.firstRange(of: /[A-Za-z]\(/) != nil { continue }
                let key = Words.lowered(text).filter { !ignoredWords.contains($0) }.map { ContentWords.stem($0) }
                guard !key.isEmpty else { continue }
                if let earlier = seen.first(where: { $0.key == key })?.part {
                    found.append(diagnostic(
                        "\(part.kind.rawValue) '\(part.id)' of item '\(item.id)' says the same as '\(earlier.id)' in slightly different words; make every \(part.kind.rawValue) distinct",
                        at: part.origin, in: context.file.path, item: item.id,
                        related: earlier.origin.location.map { [RelatedLocation(location: $0, message: "nearly the same text")] } ?? []))
                } else {
                    seen.append((key, part))
                }
            }
        }
        return found
    }

    /// A gate before stemming: stemming keeps a word's first letter and its count, so parts
    /// with equal keys have the same number of kept words with the same first bytes.
    private func mayHaveEqualKeys(_ group: [ItemPart]) -> Bool {
        // With ASCII ignored words a longer word cannot be one of them: no set look-up.
        let longestIgnored = ignoredWords.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } } ? ignoredWords.map(\.utf8.count).max() ?? 0 : Int.max
        var signatures: [(count: Int, hash: UInt64)] = []
        for part in group where !part.text.isBlank {
            var count = 0
            var hash: UInt64 = 0
            for word in Words.lowered(part.text.value) where word.utf8.count > longestIgnored || !ignoredGate.mayContain(word) || !ignoredWords.contains(word) {
                count += 1
                hash = hash &* 0x100_0000_01B3 &+ UInt64(word.utf8.first ?? 0)
            }
            if signatures.contains(where: { $0.count == count && $0.hash == hash }) { return true }
            signatures.append((count, hash))
        }
        return false
    }
}

extension NearDuplicateOptionsRule: ConfigurableRule {
    public var options: [String: RuleOptionValue] {
        ["ignoredWords": .words(ignoredWords)]
    }

    public mutating func configure(_ options: RuleOptions) throws(RuleOptionError) {
        try options.read("ignoredWords", into: &ignoredWords)
    }
}

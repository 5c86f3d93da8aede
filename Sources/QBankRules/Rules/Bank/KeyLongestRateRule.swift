import QBankCore

/// Across the bank, the key should not be the longest option more often than chance.
public struct KeyLongestRateRule: ConfigurableRule {
    public var minimumItems = 20
    public var significance = 0.01
    /// Options that say nothing on their own ("All of the above"); left out of the comparison.
    public var metaOptions = BankText.metaOptions

    public init() {}

    public var options: [String: RuleOptionValue] {
        ["minimumItems": .number(Double(minimumItems)), "significance": .number(significance), "metaOptions": .strings(metaOptions)]
    }

    public mutating func configure(_ options: RuleOptions) throws(RuleOptionError) {
        try options.read("minimumItems", into: &minimumItems, in: 2...1_000_000)
        try options.read("significance", into: &significance, in: 1e-12...0.5)
        try options.read("metaOptions", into: &metaOptions)
        metaOptions = metaOptions.map { BankText.foldedWords($0).joined(separator: " ") }
    }

    public static let description = RuleDescription(
        id: "QB502", name: "key-longest-rate", category: .bank,
        summary: "The key must not be the longest option more often than chance across the bank.",
        rationale: """
            Writers make the key longer because it needs qualifiers to be exactly right; candidates learn to \
            pick the longest option (Haladyna, Downing & Rodriguez 2002, guideline 24: keep options about equal \
            in length). One long key is no flaw; a bank where keys are longest far more often than 1 in k is. \
            Over single-answer items (at least `minimumItems`, 20), the number whose key is strictly the longest \
            option (meta options such as "All of the above" left out) is compared with chance by a one-sided \
            binomial test at the mean of 1/k; reported when p < `significance` (0.01). With unequal k the \
            binomial overstates the variance, so the test errs on the quiet side.
            """,
        severity: .warning,
        triggeringExamples: [
            BankExamples.json((0..<24).map { number -> BankExamples.ChoiceItem in
                var item = BankExamples.item(number, key: number % 4)
                if number % 2 == 0 { item.options[item.key] += " with server-side encryption and versioning turned on" }
                return item
            }, marked: 0),
        ],
        nonTriggeringExamples: [
            BankExamples.json((0..<24).map { number -> BankExamples.ChoiceItem in
                var item = BankExamples.item(number, key: number % 4)
                if number % 4 == 0 { item.options[item.key] += " with versioning turned on" }
                item.options[(item.key + 1) % 4] += " with server-side encryption and versioning turned on"
                return item
            }),
        ]
    )

    public func check(_ context: LintContext) -> [Diagnostic] {
        var eligible = 0
        var chance = 0.0
        // Indices into `items`, read in place: storing the items would copy every one that qualifies.
        var longest: [Int] = []
        let items = context.bankItems
        let meta = BankText.MetaMatcher(metaOptions)
        for index in items.indices where items[index].type == .single {
            guard case .choice(let body) = items[index].body else { continue }
            // One pass over the options in place: how many keys, how many say something, the key's length, the longest other's.
            var keyCount = 0, contentCount = 0, keyLength: Int?, longestOther = 0
            for option in body.options.indices {
                let isCorrect = body.options[option].isCorrect
                if isCorrect { keyCount += 1 }
                let text = body.options[option].text.value
                guard !meta.isMeta(text) else { continue }
                contentCount += 1
                let length = BankText.scalarCount(text)
                if isCorrect {
                    if keyLength == nil { keyLength = length }
                } else {
                    longestOther = max(longestOther, length)
                }
            }
            guard keyCount == 1, contentCount >= 2, let keyLength else { continue }
            eligible += 1
            chance += 1 / Double(contentCount)
            if longestOther < keyLength { longest.append(index) }
        }
        guard eligible >= minimumItems, !longest.isEmpty else { return [] }
        let expected = chance / Double(eligible)
        let p = Statistics.binomialUpperTail(longest.count, n: eligible, p: expected)
        guard p < significance else { return [] }
        let message = "the key is the longest option in \(longest.count) of \(eligible) single-answer items "
            + "(\(Self.percent(Double(longest.count) / Double(eligible))); \(Self.percent(expected)) expected by chance, "
            + "\(Statistics.formatP(p))): candidates can pick the longest option; lengthen distractors or tighten keys"
        return [diagnostic(message, at: items[longest[0]].origin, in: items.file(longest[0]), item: nil,
                           related: relatedItems(longest.prefix(maximumRelatedItems).map { items[$0] }) { "the key of '\($0.id)' is its longest option" })]
    }

    static func percent(_ value: Double) -> String { "\(Int((value * 100).rounded()))%" }
}

import QBankCore

/// A stem ending in "a"/"an" tells candidates which options can follow it grammatically.
public struct ArticleAgreementRule: ItemRule {
    /// Words that start with a vowel letter but take "a" (a consonant sound), by prefix.
    public var consonantSoundPrefixes: [String] = ["uni", "use", "usu", "uti", "ure", "uro", "eu", "ewe", "one", "once", "ubiq"]
    /// Words that start with a consonant letter but take "an" (a silent h), by prefix.
    public var vowelSoundPrefixes: [String] = ["hour", "honest", "honor", "honour", "heir"]

    public init() {}

    public static let description = RuleDescription(
        id: "QB309", name: "article-agreement-cue", category: .options,
        summary: "A stem ending in \"a\" or \"an\" must fit every option, not only the key.",
        rationale: """
            Haladyna et al. (2002) guideline 28c: avoid grammatical inconsistencies between stem and options; \
            NBME "grammatical cues"; Tarrant et al. (2006). When the stem ends with "a" and only the key starts \
            with a consonant sound, the article gives the answer away. Options whose first word is ALL CAPS, \
            code or a number are skipped: "a NAT gateway" and "an FTP server" depend on how the acronym is \
            read (RULES.md §4). Write "a(n)", or move the article into the options.
            """,
        severity: .warning,
        triggeringExamples: [
            """
            <item id="q1" type="single" domain="2" task="2.1" status="draft">
              ↓<stem>To group customers without labels, the engineer should train an</stem>
              <options>
                <option id="a" correct="true"><text>unsupervised clustering model</text></option>
                <option id="b"><text>linear regression model</text></option>
                <option id="c"><text>binary classifier</text></option>
                <option id="d"><text>image classification network</text></option>
              </options>
            </item>
            """,
        ],
        nonTriggeringExamples: [
            """
            <item id="q1" type="single" domain="2" task="2.1" status="draft">
              <stem>To group customers without labels, the engineer should train a(n)</stem>
              <options>
                <option id="a" correct="true"><text>unsupervised clustering model</text></option>
                <option id="b"><text>linear regression model</text></option>
                <option id="c"><text>binary classifier</text></option>
                <option id="d"><text>image classification network</text></option>
              </options>
            </item>
            """,
            """
            <item id="q1" type="single" domain="3" task="3.1" status="draft">
              <stem>Instances in a private subnet reach the internet through a</stem>
              <options>
                <option id="a" correct="true"><text>NAT gateway</text></option>
                <option id="b"><text>VPC endpoint</text></option>
                <option id="c"><text>transit gateway</text></option>
                <option id="d"><text>unique security group</text></option>
              </options>
            </item>
            """,
        ]
    )

    enum Article { case a, an }

    public func check(_ item: Item, in context: ItemContext) -> [Diagnostic] {
        guard let body = item.choiceBody else { return [] }
        let stem = LeadIn.body(of: item.stem.value)
        guard Self.mayEndInArticle(stem) else { return [] }
        var words = Words.of(stem)
        while let last = words.last, last.text.allSatisfy({ $0 == "_" }) { words.removeLast() }
        guard let last = words.last, last.lower == "a" || last.lower == "an",
              stem[last.text.endIndex...].allSatisfy({ $0.isWhitespace || $0 == "_" || $0 == "." || $0 == "…" }) else { return [] }
        let article: Article = last.lower == "a" ? .a : .an
        let options = body.contentOptions
        let expected = options.map { expectedArticle(for: $0.text.value) }
        let keysFit = zip(options, expected).filter { $0.0.isCorrect }.allSatisfy { $0.1 == article }
        let misfits = zip(options, expected).filter { !$0.0.isCorrect && $0.1 != nil && $0.1 != article }.map(\.0)
        guard keysFit, body.correctOptions.contains(where: { MetaOption.kind(of: $0.text.value) == nil }), !misfits.isEmpty else { return [] }
        return [diagnostic(
            "the stem of item '\(item.id)' ends in '\(last.text)', which fits the key but not \(quotedList(misfits.map(\.id))); write \"a(n)\" or move the article into the options",
            at: item.stemOrigin, in: context.file.path, item: item.id,
            related: misfits.compactMap { option in option.origin.location.map { RelatedLocation(location: $0, message: "does not follow '\(last.text)'") } })]
    }

    /// The article the option's first word takes, or nil when that cannot be decided.
    /// A byte pre-check: past trailing white space, `_`, `.` and `…` the stem must end in
    /// the "a" of "a" or the "n" of "an". Other non-ASCII text there is left to the full check.
    static func mayEndInArticle(_ stem: Substring) -> Bool {
        var bytes = Array(stem.utf8.suffix(16))
        while let last = bytes.last {
            if last == 0x20 || (last >= 0x09 && last <= 0x0D) || last == 0x5F || last == 0x2E {
                bytes.removeLast()
            } else if bytes.count >= 3, last == 0xA6, bytes[bytes.count - 2] == 0x80, bytes[bytes.count - 3] == 0xE2 {
                bytes.removeLast(3) // …
            } else {
                return last >= 0x80 || last | 0x20 == 0x61 || last | 0x20 == 0x6E
            }
        }
        return true // only skipped bytes in reach: let the full check decide
    }

    func expectedArticle(for text: String) -> Article? {
        guard let first = Words.of(text).first, !first.isCode, !first.isAllCaps,
              let letter = first.lower.first, letter.isLetter, first.text.dropFirst().allSatisfy({ !$0.isUppercase }) else { return nil }
        if vowelSoundPrefixes.contains(where: first.lower.hasPrefix) { return .an }
        if consonantSoundPrefixes.contains(where: first.lower.hasPrefix) { return .a }
        return "aeiou".contains(letter) ? .an : .a
    }
}

extension ArticleAgreementRule: ConfigurableRule {
    public var options: [String: RuleOptionValue] {
        ["consonantSoundPrefixes": .strings(consonantSoundPrefixes), "vowelSoundPrefixes": .strings(vowelSoundPrefixes)]
    }

    public mutating func configure(_ options: RuleOptions) throws(RuleOptionError) {
        try options.read("consonantSoundPrefixes", into: &consonantSoundPrefixes)
        try options.read("vowelSoundPrefixes", into: &vowelSoundPrefixes)
    }
}

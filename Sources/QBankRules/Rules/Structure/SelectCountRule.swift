import QBankCore

/// A multiple-response item asks for as many options as it has keys, and says so consistently.
public struct SelectCountRule: ItemRule {
    public init() {}

    public static let description = RuleDescription(
        id: "QB111", name: "select-count", category: .structure,
        summary: "A multiple-response item's `select` must equal its number of correct options, and a \"Select N\" in the stem must agree.",
        rationale: """
            Candidates are told how many options to choose and are scored all or nothing. If the number they \
            are told differs from the number of keys, no answer can earn the point.
            """,
        severity: .error,
        triggeringExamples: [
            """
            ↓<item id="q1" type="multiple" select="3" domain="4" task="4.3" status="draft">
              <stem>Which controls encrypt data at rest? (Select THREE.)</stem>
              <options>
                <option id="a" correct="true"><text>AWS KMS keys</text></option>
                <option id="b" correct="true"><text>S3 default encryption</text></option>
                <option id="c"><text>Security groups</text></option>
                <option id="d"><text>VPC flow logs</text></option>
                <option id="e"><text>AWS WAF rules</text></option>
              </options>
            </item>
            """,
            """
            <item id="q1" type="multiple" select="2" domain="4" task="4.3" status="draft">
              ↓<stem>Which controls encrypt data at rest? (Choose three.)</stem>
              <options>
                <option id="a" correct="true"><text>AWS KMS keys</text></option>
                <option id="b" correct="true"><text>S3 default encryption</text></option>
                <option id="c"><text>Security groups</text></option>
                <option id="d"><text>VPC flow logs</text></option>
                <option id="e"><text>AWS WAF rules</text></option>
              </options>
            </item>
            """,
        ],
        nonTriggeringExamples: [
            """
            <item id="q2" type="multiple" select="2" domain="1" task="1.1" status="draft">
              <stem>Most Athena queries select 6 of 120 columns. Which actions reduce the data scanned? (Select TWO.)</stem>
              <options>
                <option id="a" correct="true"><text>Convert the files to Apache Parquet</text></option>
                <option id="b" correct="true"><text>Partition the data by event date</text></option>
                <option id="c"><text>Increase the workgroup query timeout</text></option>
                <option id="d"><text>Enable S3 Transfer Acceleration</text></option>
                <option id="e"><text>Add more columns to each file</text></option>
              </options>
            </item>
            """,
            """
            <item id="q1" type="multiple" select="2" domain="4" task="4.3" status="draft">
              <stem>Which controls encrypt data at rest? (Select TWO.)</stem>
              <options>
                <option id="a" correct="true"><text>AWS KMS keys</text></option>
                <option id="b" correct="true"><text>S3 default encryption</text></option>
                <option id="c"><text>Security groups</text></option>
                <option id="d"><text>VPC flow logs</text></option>
                <option id="e"><text>AWS WAF rules</text></option>
              </options>
            </item>
            """,
        ]
    )

    public func check(_ item: Item, in context: ItemContext) -> [Diagnostic] {
        guard item.type == .multiple, let body = item.choiceBody, let select = body.select else { return [] }
        var found: [Diagnostic] = []
        if select != body.correctOptions.count {
            found.append(diagnostic(
                "item '\(item.id)' asks to select \(select) but has \(counted(body.correctOptions.count, "correct option")); make them equal",
                at: item.origin, in: context.file.path, item: item.id))
        }
        if let (stated, word) = Self.statedDirective(in: item.stem.value), stated != select {
            found.append(diagnostic(
                "the stem of item '\(item.id)' says to choose \(stated) but select is \(select); make them agree",
                at: item.stem.origin.location == nil ? item.origin : item.stem.origin, in: context.file.path, item: item.id,
                fix: select == body.correctOptions.count ? countFix(word, select: select, in: item.stem, file: context.file.path) : nil))
        }
        return found
    }

    /// Rewrites the stated count to `select` (which agrees with the keys), in the word's own style: 3, THREE, three, Three.
    private func countFix(_ word: Substring, select: Int, in stem: Text, file: String) -> Fix? {
        let spelled = SelectCountMissingRule.spelled(select)
        let replacement = word.first?.isNumber == true ? String(select)
            : word == word.uppercased() ? spelled
            : word == word.lowercased() ? spelled.lowercased() : spelled.prefix(1) + spelled.dropFirst().lowercased()
        return TextFixes.offset(of: word, in: stem.value).flatMap {
            TextFixes.replaceWord(at: $0, length: word.utf8.count, in: stem, file: file, with: replacement,
                                  title: "say \"\(replacement)\" as select does")
        }
    }

    private static let numbers = ["one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6]

    /// The N of a "Select N" / "Choose N" directive in a stem, if it states one.
    ///
    /// Only a directive counts: the number must end a sentence or a parenthesis, end the
    /// stem, or be followed by "options", "answers" or "responses", so "queries select
    /// 6 of 120 columns" does not. A hand-written scan: Swift's Regex made this rule
    /// cost more than reading the bank.
    static func statedCount(in stem: String) -> Int? { statedDirective(in: stem)?.count }

    /// The count a directive states and the word that states it (a slice of `stem`).
    static func statedDirective(in stem: String) -> (count: Int, word: Substring)? {
        guard mayContainDirective(stem) else { return nil }
        let tokens = stem.split(whereSeparator: \.isWhitespace)
        var stated: (count: Int, word: Substring)?
        for index in tokens.indices.dropLast() {
            let verb = tokens[index].drop { !$0.isLetter }.lowercased()
            guard verb == "select" || verb == "choose" || verb == "pick" else { continue }
            let raw = tokens[index + 1]
            let word = raw.prefix { $0.isLetter || $0.isNumber }.lowercased()
            guard let count = numbers[word] ?? Int(word) else { continue }
            let closesSentence = raw.dropFirst(word.count).contains { $0 == "." || $0 == ")" }
            let isLast = index + 2 == tokens.count
            var next = isLast ? "" : tokens[index + 2].prefix { $0.isLetter }.lowercased()
            if next == "correct", index + 3 < tokens.count { next = tokens[index + 3].prefix { $0.isLetter }.lowercased() }
            // "Select TWO examples of …" opening the stem or a sentence states the count too.
            let opensSentence = index == tokens.startIndex || tokens[index - 1].last.map { ".?:!".contains($0) } == true
            if closesSentence || isLast || directiveNouns.contains(next) || opensSentence { stated = (count, raw.prefix(word.count)) }
        }
        return stated
    }

    private static let directiveNouns: Set<String> = ["option", "options", "answer", "answers", "response", "responses", "choice", "choices"]

    /// A cheap byte scan for "elect", "hoose" or "ick" (any case) before tokenising.
    private static func mayContainDirective(_ stem: String) -> Bool {
        stem.withUTF8Bytes { bytes in
            guard bytes.count >= 4 else { return false }
            for index in 0..<(bytes.count - 3) {
                let a = bytes[index] | 0x20, b = bytes[index + 1] | 0x20, c = bytes[index + 2] | 0x20
                if (a == 0x6C && b == 0x65 && c == 0x63) || (a == 0x6F && b == 0x6F && c == 0x73) || (a == 0x69 && b == 0x63 && c == 0x6B) {
                    return true // "lec", "oos", "ick"
                }
            }
            return false
        }
    }
}

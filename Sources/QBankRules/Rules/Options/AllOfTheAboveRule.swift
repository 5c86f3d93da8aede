import QBankCore

/// "All of the above" lets a candidate who spots two right options answer without knowing the third.
public struct AllOfTheAboveRule: ItemRule {
    public init() {}

    public static let description = RuleDescription(
        id: "QB301", name: "all-of-the-above", category: .options,
        summary: "Options must not be \"All of the above\" (or \"all of these\", \"all the options\").",
        rationale: """
            Haladyna et al. (2002) guideline 26: avoid "all of the above"; NBME and Tarrant et al. (2006) list \
            it as a testwiseness flaw. Recognising two correct options is enough to choose it, and it is often \
            the key. When the item shuffles its options (the default) an option that says "above" or "below" \
            points at whatever happens to be displayed before it, so that case is an error.
            """,
        severity: .warning,
        triggeringExamples: [
            """
            <item id="q1" type="single" domain="4" task="4.3" status="draft" shuffle="false">
              <stem>Which controls protect training data in Amazon S3?</stem>
              <options>
                <option id="a"><text>SSE-KMS encryption</text></option>
                <option id="b"><text>A bucket policy that limits access to the training role</text></option>
                <option id="c"><text>S3 Block Public Access</text></option>
                ↓<option id="d" correct="true"><text>All of the above</text></option>
              </options>
            </item>
            """,
            RuleExample("""
            {"format": "urn:qbank:bank:1", "items": [
              {"id": "q1", "type": "single", "domain": 4, "task": "4.3", "status": "draft", "stem": "Which controls protect training data in Amazon S3?",
               "options": [
                 {"id": "a", "text": "SSE-KMS encryption"},
                 {"id": "b", "text": "S3 Block Public Access"},
                 {"id": "c", "text": "A VPC endpoint policy"},
                 ↓{"id": "d", "text": "All of the above.", "correct": true}]}]}
            """, syntax: .json),
        ],
        nonTriggeringExamples: [
            """
            <item id="q1" type="single" domain="4" task="4.3" status="draft">
              <stem>Which setting blocks every form of public access to an S3 bucket?</stem>
              <options>
                <option id="a" correct="true"><text>Turn on all four Block Public Access settings</text></option>
                <option id="b"><text>Turn on SSE-KMS encryption</text></option>
                <option id="c"><text>Add a lifecycle rule</text></option>
                <option id="d"><text>Enable versioning</text></option>
              </options>
            </item>
            """,
        ]
    )

    public func check(_ item: Item, in context: ItemContext) -> [Diagnostic] {
        guard let body = item.choiceBody else { return [] }
        // Options are read in place: copying one retains every string it holds.
        return body.options.indices.filter { MetaOption.isAllOfTheAbove(Words.lowered(body.options[$0].text.value)) }.map { index in
            let option = body.options[index]
            var finding = diagnostic(
                "option '\(option.id)' of item '\(item.id)' is \"all of the above\"; replace it with a plausible distractor (or make the item multiple response)",
                at: option.origin, in: context.file.path, item: item.id)
            if item.shuffle, MetaOption.isPositional(option.text.value) {
                finding.severity = .error
                finding.message += "; as written it also breaks when options are shuffled (set shuffle=\"false\" at least)"
            }
            return finding
        }
    }
}

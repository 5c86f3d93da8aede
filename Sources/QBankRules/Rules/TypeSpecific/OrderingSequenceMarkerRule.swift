import QBankCore

/// Ordering steps must not say where they go ("First, …", "1.", "Step 3").
public struct OrderingSequenceMarkerRule: ItemRule {
    /// Words that, opening a step, reveal its position.
    public var markers: Set<String> = WordLists.sequenceMarkers

    public init() {}

    public static let description = RuleDescription(
        id: "QB402", name: "ordering-sequence-markers", category: .typeSpecific,
        summary: "An ordering step must not reveal its position with words such as \"First\", \"Then\", \"Finally\", a number or \"Step 2\".",
        rationale: """
            Derived from Haladyna et al. (2002) guideline 28 (avoid clues to the right answer); there is no \
            primary source for ordering items. A step that opens with "First", "Next", "Then", "After …", \
            "Before …", "Finally", a list marker ("1.", "(2)", "b)") or contains "step 3" can be placed without \
            knowing the process.
            """,
        severity: .warning,
        triggeringExamples: [
            """
            <item id="q1" type="ordering" domain="3" task="3.3" status="draft">
              <stem>Arrange the steps to retrain and deploy a model in the correct order.</stem>
              <steps>
                ↓<step id="s1"><text>First, process the new data with a processing job</text></step>
                <step id="s2"><text>Train the candidate model</text></step>
                ↓<step id="s3"><text>Finally, register the model version</text></step>
              </steps>
            </item>
            """,
            """
            <item id="q1" type="ordering" domain="3" task="3.3" status="draft">
              <stem>Arrange the steps to retrain and deploy a model in the correct order.</stem>
              <steps>
                <step id="s1"><text>Process the new data with a processing job</text></step>
                ↓<step id="s2"><text>2. Train the candidate model</text></step>
                <step id="s3"><text>Register the model version</text></step>
              </steps>
            </item>
            """,
        ],
        nonTriggeringExamples: [
            """
            <item id="q1" type="ordering" domain="3" task="3.3" status="draft">
              <stem>Arrange the steps to retrain and deploy a model in the correct order.</stem>
              <steps>
                <step id="s1"><text>Start a processing job that cleans the new data</text></step>
                <step id="s2"><text>Train the candidate model on 2 GPU instances</text></step>
                <step id="s3"><text>Register the model version</text></step>
              </steps>
            </item>
            """,
        ]
    )

    public func check(_ item: Item, in context: ItemContext) -> [Diagnostic] {
        guard case .ordering(let steps) = item.body else { return [] }
        return steps.compactMap { step in
            guard let marker = marker(in: step.text.value) else { return nil }
            return diagnostic(
                "step '\(step.id)' of item '\(item.id)' reveals its position with \"\(marker)\"; remove the marker so the order must be known",
                at: step.origin, in: context.file.path, item: item.id, fix: labelFix(step, in: context.file.path))
        }
    }

    /// Deletes a leading label ("1. ", "(2) ", "b) ") and the space after it; word markers ("First,")
    /// are left to the author, since deleting them can leave a sentence to rephrase.
    func labelFix(_ step: Step, in file: String) -> Fix? {
        guard let raw = step.text.origin.span?.raw else { return nil }
        let body = Substring(raw).trimmingLeadingSpace()
        var rest = body.hasPrefix("(") ? body.dropFirst() : body
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty { rest = rest.dropFirst(digits.count) } else if let letter = rest.first, ("a"..."e").contains(letter) || ("A"..."E").contains(letter) {
            rest = rest.dropFirst()
        } else { return nil }
        guard let punctuation = rest.first, punctuation == "." || punctuation == ")" else { return nil }
        rest = rest.dropFirst()
        let label = body.utf8.count - rest.utf8.count
        let space = rest.prefix { $0 == " " || $0 == "\t" }.utf8.count
        guard space > 0, rest.count > space, marker(in: step.text.value) != nil else { return nil }
        return TextFixes.deleteLeading(label + space, in: step.text, file: file, title: "remove the label \"\(body.prefix(label))\"")
    }

    func marker(in text: String) -> String? {
        let words = Words.of(text)
        if let first = words.first, markers.contains(first.lower) { return String(first.text) }
        let lower = words.map(\.lower)
        if let index = lower.firstIndex(of: "step"), index + 1 < lower.count, Int(lower[index + 1]) != nil {
            return "step \(lower[index + 1])"
        }
        // "1.", "(2)", "3)", "b)", "c."
        var body = Substring(text).trimmingLeadingSpace()
        if body.hasPrefix("(") { body = body.dropFirst() }
        let label = body.prefix { $0.isNumber }
        let letterLabel = body.first.map { ("a"..."e").contains($0) || ("A"..."E").contains($0) } == true ? body.prefix(1) : ""
        for candidate in [label, letterLabel] where !candidate.isEmpty {
            let after = body.dropFirst(candidate.count)
            if let next = after.first, next == "." || next == ")", after.dropFirst().first?.isWhitespace ?? true {
                return String(candidate) + String(next)
            }
        }
        return nil
    }
}

extension OrderingSequenceMarkerRule: ConfigurableRule {
    public var options: [String: RuleOptionValue] {
        ["markers": .words(markers)]
    }

    public mutating func configure(_ options: RuleOptions) throws(RuleOptionError) {
        try options.read("markers", into: &markers)
    }
}

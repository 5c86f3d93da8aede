import QBankCore

/// Numeric ranges in options must not overlap, or two options can be right at once.
public struct OverlappingNumericRangesRule: ItemRule {
    public init() {}

    public static let description = RuleDescription(
        id: "QB313", name: "overlapping-numeric-ranges", category: .options,
        summary: "Options that are numeric ranges (\"10–20\", \"less than 5\", \"50 or more\") must not overlap, shared endpoints included.",
        rationale: """
            Haladyna et al. (2002) guideline 22: options must be independent and not overlap. With "10–20" and \
            "20–30", a true value of 20 makes two options correct. Applies to multiple-choice items whose options \
            other than "None of the above" are all numeric ranges or values, with at least one range; a point is \
            compared with the ranges, two points with each other never (equal points are QB114/QB315). Units must \
            agree when both options state one.
            """,
        severity: .warning,
        triggeringExamples: [
            """
            <item id="q1" type="single" domain="4" task="4.2" status="draft" shuffle="false">
              <stem>A training job reads 1.2 TB. How many ml.p4d.24xlarge instances does the plan call for?</stem>
              <options>
                <option id="a"><text>1–2</text></option>
                ↓<option id="b" correct="true"><text>2–4</text></option>
                <option id="c"><text>5–8</text></option>
                <option id="d"><text>More than 8</text></option>
              </options>
            </item>
            """,
        ],
        nonTriggeringExamples: [
            """
            <item id="q1" type="single" domain="4" task="4.2" status="draft" shuffle="false">
              <stem>A training job reads 1.2 TB. How many ml.p4d.24xlarge instances does the plan call for?</stem>
              <options>
                <option id="a"><text>1</text></option>
                <option id="b" correct="true"><text>2–4</text></option>
                <option id="c"><text>5–8</text></option>
                <option id="d"><text>More than 8</text></option>
              </options>
            </item>
            """,
        ]
    )

    public func check(_ item: Item, in context: ItemContext) -> [Diagnostic] {
        guard item.type == .single, let body = item.choiceBody else { return [] }
        let options = body.contentOptions
        // Every interval has an ASCII digit and starts like one: a text without either settles the item without parsing.
        guard options.count >= 2,
              options.allSatisfy({ Numbers.hasASCIIDigit($0.text.value) && NumericInterval.mightParse($0.text.value) }) else { return [] }
        let intervals = options.map { NumericInterval.parse($0.text.value) }
        guard intervals.allSatisfy({ $0 != nil }) else { return [] }
        let parsed = intervals.map { $0! }
        guard parsed.contains(where: { !$0.isPoint }) else { return [] }
        var found: [Diagnostic] = []
        for later in parsed.indices {
            for earlier in parsed.indices where earlier < later {
                if parsed[earlier].isPoint && parsed[later].isPoint { continue }
                guard parsed[earlier].overlaps(parsed[later]) else { continue }
                found.append(diagnostic(
                    "options '\(options[earlier].id)' and '\(options[later].id)' of item '\(item.id)' overlap; make the ranges disjoint (e.g. 1–2 and 3–4, not 1–2 and 2–4)",
                    at: options[later].origin, in: context.file.path, item: item.id,
                    related: options[earlier].origin.location.map { [RelatedLocation(location: $0, message: "overlapping range")] } ?? []))
                break
            }
        }
        return found
    }
}

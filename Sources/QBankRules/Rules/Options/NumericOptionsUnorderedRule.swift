import QBankCore

/// Numeric options belong in numeric order, so candidates find their answer instead of hunting for it.
public struct NumericOptionsUnorderedRule: ItemRule {
    /// At most this many unit words may follow the number ("12 hours", "500 GB per day" is too many).
    public var maxUnitWords = 2
    /// Fewer numeric options than this are never judged.
    public var minimumOptions = 3

    public init() {}

    public static let description = RuleDescription(
        id: "QB312", name: "numeric-options-unordered", category: .options,
        summary: "Options that are all numbers (with the same unit) must be in ascending or descending order.",
        rationale: """
            Haladyna et al. (2002) guideline 21: place options in logical or numerical order; NBME lists \
            "illogical order" under irrelevant difficulty; Moore et al. (2023) call it "lost sequence". \
            Applies when every option other than "None of the above" and the like is one number (integers, \
            decimals, "$1,200", "75%", "3/4") with at most two unit words, and all units agree. Numbers such as \
            ports (53, 443, 853) are flagged too: order them, and set shuffle="false" so delivery keeps the order.
            """,
        severity: .warning,
        triggeringExamples: [
            """
            <item id="q1" type="single" domain="3" task="3.1" status="draft" shuffle="false">
              <stem>What is the maximum payload size of a SageMaker AI real-time endpoint invocation?</stem>
              <options>
                <option id="a"><text>1 MB</text></option>
                <option id="b" correct="true"><text>25 MB</text></option>
                ↓<option id="c"><text>6 MB</text></option>
                <option id="d"><text>100 MB</text></option>
              </options>
            </item>
            """,
        ],
        nonTriggeringExamples: [
            """
            <item id="q1" type="single" domain="3" task="3.1" status="draft" shuffle="false">
              <stem>What is the maximum payload size of a SageMaker AI real-time endpoint invocation?</stem>
              <options>
                <option id="a"><text>1 MB</text></option>
                <option id="b"><text>6 MB</text></option>
                <option id="c" correct="true"><text>25 MB</text></option>
                <option id="d"><text>100 MB</text></option>
              </options>
            </item>
            """,
            """
            <item id="q1" type="single" domain="3" task="3.1" status="draft">
              <stem>How long can an asynchronous inference request take to process?</stem>
              <options>
                <option id="a"><text>15 minutes</text></option>
                <option id="b" correct="true"><text>1 hour</text></option>
                <option id="c"><text>60 seconds</text></option>
                <option id="d"><text>6 hours</text></option>
              </options>
            </item>
            """,
        ]
    )

    public func check(_ item: Item, in context: ItemContext) -> [Diagnostic] {
        guard let body = item.choiceBody else { return [] }
        var options = body.contentOptions
        // A number has an ASCII digit; only a last option (of more than the minimum) may lack one.
        guard options.count >= minimumOptions else { return [] }
        for index in options.indices where !Numbers.mightStartWithNumber(options[index].text.value) || !Numbers.hasASCIIDigit(options[index].text.value) {
            guard index == options.count - 1, options.count > minimumOptions else { return [] }
        }
        var values = options.map { Numbers.single($0.text.value, maxUnitWords: maxUnitWords) }
        // SAQUET allows one non-numeric option in last place ("Cannot be determined").
        if values.count > minimumOptions, values.last! == nil { options.removeLast(); values.removeLast() }
        let numbers = values.compactMap { $0 }
        guard numbers.count == options.count, numbers.count >= minimumOptions,
              Set(numbers.map(\.unit)).count == 1 else { return [] }
        let sequence = numbers.map(\.value)
        guard let breaking = Self.firstOutOfOrder(sequence) else { return [] }
        return [diagnostic(
            "the numeric options of item '\(item.id)' are not in order (option '\(options[breaking].id)' breaks it); list them in ascending order and set shuffle=\"false\"",
            at: options[breaking].origin, in: context.file.path, item: item.id,
            fix: item.shuffle ? nil : Self.ascendingFix(options, values: sequence, in: context.file.path))]
    }

    /// When delivery keeps the written order (shuffle off), moves the numeric options, whole and with
    /// their ids, into ascending order within the places they occupy; the key stays the same option.
    static func ascendingFix(_ options: [Option], values: [Double], in file: String) -> Fix? {
        let slots = options.compactMap(\.origin.element)
        let sources = options.compactMap(\.origin.elementSource)
        guard slots.count == options.count, sources.count == options.count else { return nil }
        let order = options.indices.sorted { (values[$0], $0) < (values[$1], $1) }
        let edits = slots.indices.compactMap { slot -> TextEdit? in
            order[slot] == slot ? nil : TextEdit(file: file, start: slots[slot].lowerBound, end: slots[slot].upperBound, replacement: sources[order[slot]])
        }
        return edits.isEmpty ? nil : Fix("list the options in ascending order", edits: edits)
    }

    /// The index of the first value that breaks the direction set by the first unequal pair, or nil if monotone.
    static func firstOutOfOrder(_ values: [Double]) -> Int? {
        var direction = 0.0
        for index in values.indices.dropFirst() {
            let step = values[index] - values[index - 1]
            if step == 0 { continue }
            if direction == 0 { direction = step; continue }
            if (step > 0) != (direction > 0) { return index }
        }
        return nil
    }
}

extension NumericOptionsUnorderedRule: ConfigurableRule {
    public var options: [String: RuleOptionValue] {
        ["maxUnitWords": .number(Double(maxUnitWords)), "minimumOptions": .number(Double(minimumOptions))]
    }

    public mutating func configure(_ options: RuleOptions) throws(RuleOptionError) {
        try options.read("maxUnitWords", into: &maxUnitWords, in: 0...10)
        try options.read("minimumOptions", into: &minimumOptions, in: 2...20)
    }
}

import QBankCore

extension Item {
    /// The stem element, or the item when a reader gave the stem no position.
    var stemOrigin: Origin { stem.origin.location == nil ? origin : stem.origin }
}

extension ChoiceBody {
    /// Options that answer the question themselves: not "All/None of the above", not "A and B".
    /// Without a meta option (nearly always) the options themselves, not a copy of each.
    /// A dozen rules ask this of every item: the memo answers all but the first.
    var contentOptions: [Option] {
        TextMemo.current.contentOptions(of: options) { options in
            guard options.contains(where: { MetaOption.kind(of: $0.text.value) != nil }) else { return options }
            return options.filter { MetaOption.kind(of: $0.text.value) == nil }
        }
    }
}

extension ChoiceBody {
    /// `keys` from the memo: eight item rules ask for them, and each ask filtered (copied) the options.
    var correctOptions: [Option] { TextMemo.current.keys(of: options) { $0.filter(\.isCorrect) } }
}

/// "'a', 'c'" for messages.
func quotedList(_ values: [String]) -> String {
    values.map { "'\($0)'" }.joined(separator: ", ")
}

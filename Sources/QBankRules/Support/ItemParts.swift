import QBankCore

/// The answerable parts of an item (options, steps, prompts, responses) seen
/// uniformly, for rules that treat them alike: empty text, duplicate text, duplicate ids.
struct ItemPart {
    enum Kind: String { case option, step, prompt, response }

    var kind: Kind
    var id: String
    var text: Text
    var origin: Origin
}

extension Item {
    /// Parts grouped the way they are presented together: one group per list.
    var partGroups: [[ItemPart]] {
        switch body {
        case .choice(let choice):
            // Built once per item's options: four rules ask for them.
            TextMemo.current.partGroups(of: choice.options) { options in
                [options.map { ItemPart(kind: .option, id: $0.id, text: $0.text, origin: $0.origin) }]
            }
        case .ordering(let steps):
            [steps.map { ItemPart(kind: .step, id: $0.id, text: $0.text, origin: $0.origin) }]
        case .matching(let matching):
            [
                matching.prompts.map { ItemPart(kind: .prompt, id: $0.id, text: $0.text, origin: $0.origin) },
                matching.responses.map { ItemPart(kind: .response, id: $0.id, text: $0.text, origin: $0.origin) },
            ]
        }
    }

    var choiceBody: ChoiceBody? {
        if case .choice(let body) = body { return body }
        return nil
    }
}

/// Text compared the way a candidate would read it: case ignored. Readers have
/// already normalised white space.
func comparable(_ text: String) -> String {
    text.lowercased()
}

/// `comparable(a) == comparable(b)` without building either string when both are ASCII
/// (the usual option): then it is a byte comparison with A–Z folded.
func sameComparable(_ a: String, _ b: String) -> Bool {
    asciiSameComparable(a, b) ?? (comparable(a) == comparable(b))
}

/// The ASCII case over contiguous bytes (iterating `utf8` views cost more than the rule's
/// other work); nil when either text is not ASCII.
private func asciiSameComparable(_ a: String, _ b: String) -> Bool? {
    var a = a, b = b
    return a.withUTF8 { x in
        b.withUTF8 { y -> Bool? in
            guard !x.contains(where: { $0 >= 0x80 }), !y.contains(where: { $0 >= 0x80 }) else { return nil }
            guard x.count == y.count else { return false }
            for index in x.indices where x[index] != y[index] {
                let p = x[index] | 0x20, q = y[index] | 0x20
                guard p == q, p >= 0x61, p <= 0x7A else { return false }
            }
            return true
        }
    }
}

/// "1 option", "3 options".
func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}

import QBankCore
import QBankMarkdown

/// The bank as prose rules read it: every text replaced by its prose projection (code
/// blocks, tables and exhibits left out, see `ProseProjection`). Items whose texts are
/// plain prose are left untouched, so a bank without rich content is not copied.
enum ProseView {
    static func bank(_ bank: Bank) -> Bank {
        var result = bank
        for fileIndex in bank.files.indices {
            for itemIndex in bank.files[fileIndex].items.indices {
                if let projected = item(bank.files[fileIndex].items[itemIndex]) { result.files[fileIndex].items[itemIndex] = projected }
            }
            for caseIndex in bank.files[fileIndex].cases.indices {
                let study = bank.files[fileIndex].cases[caseIndex]
                if let scenario = text(study.scenario) { result.files[fileIndex].cases[caseIndex].scenario = scenario }
                for itemIndex in study.items.indices {
                    if let projected = item(study.items[itemIndex]) { result.files[fileIndex].cases[caseIndex].items[itemIndex] = projected }
                }
            }
        }
        return result
    }

    /// The projected item, or nil when no text of it changes.
    static func item(_ item: Item) -> Item? {
        // Projecting writes into the item's arrays, which copies them: only when some text may change.
        guard item.containsText(where: ProseProjection.mayHoldBlocks) else { return nil }
        var result = item
        var changed = false
        func project(_ value: inout Text) {
            if let projected = text(value) { value = projected; changed = true }
        }
        func project(_ value: inout String?) {
            guard let source = value, ProseProjection.mayHoldBlocks(source) else { return }
            let projected = ProseProjection.prose(source)
            if projected != source { value = projected; changed = true }
        }
        project(&result.stem)
        switch result.body {
        case .choice(var body):
            for index in body.options.indices { project(&body.options[index].text); project(&body.options[index].rationale) }
            result.body = .choice(body)
        case .ordering(var steps):
            for index in steps.indices { project(&steps[index].text); project(&steps[index].rationale) }
            result.body = .ordering(steps)
        case .matching(var body):
            for index in body.prompts.indices { project(&body.prompts[index].text); project(&body.prompts[index].rationale) }
            for index in body.responses.indices { project(&body.responses[index].text) }
            result.body = .matching(body)
        }
        return changed ? result : nil
    }

    private static func text(_ text: Text) -> Text? {
        guard ProseProjection.mayHoldBlocks(text.value) else { return nil }
        let projected = ProseProjection.prose(text.value)
        return projected == text.value ? nil : Text(projected, origin: text.origin)
    }
}

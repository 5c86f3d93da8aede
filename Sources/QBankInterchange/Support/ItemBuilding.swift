import QBankCore

/// An option as a text format gives it, before it becomes part of an `Item`.
struct DraftOption {
    var text: String
    var correct: Bool
    var rationale: String? = nil
    var location: SourceLocation? = nil
}

/// Builds choice items from what text formats give (stem, options, keys) and
/// decides single vs multiple response the way the bank does: one key is single,
/// two or more is multiple with `select` = the number of keys.
enum ItemBuilding {
    /// The item, or the reason it cannot be one; `notes` get what was odd but kept.
    static func choice(id: String, stem rawStem: String, options drafts: [DraftOption], at location: SourceLocation,
                       shuffle: Bool = true, notes: inout [ImportProblem]) -> Result<Item, ImportError> {
        let stem = TextNormalization.normalize(rawStem)
        guard !stem.isEmpty else { return .failure(ImportError("the question has no text")) }
        guard drafts.count >= 2 else {
            return .failure(ImportError("a choice question needs at least 2 options, this one has \(drafts.count)"))
        }
        let keys = drafts.filter(\.correct).count
        guard keys > 0 else { return .failure(ImportError("no option is marked correct, so the item cannot be scored")) }
        guard keys < drafts.count || drafts.count == 1 else {
            return .failure(ImportError("every option is marked correct; nothing would be a distractor"))
        }
        if let emptyAt = drafts.firstIndex(where: { TextNormalization.normalize($0.text).isEmpty }) {
            return .failure(ImportError("option \(emptyAt + 1) has no text"))
        }
        let options = drafts.enumerated().map { index, draft in
            Option(id: Identifiers.optionID(index), text: Text(TextNormalization.normalize(draft.text), origin: Origin(draft.location)),
                   isCorrect: draft.correct, rationale: draft.rationale.map(TextNormalization.normalize).flatMap { $0.isEmpty ? nil : $0 },
                   origin: Origin(draft.location))
        }
        if let asked = AnswerKey.requestedCount(in: stem), asked != keys {
            notes.append(ImportProblem(.note, at: location, item: id,
                                       "the question says to choose \(asked) but the key has \(keys) correct option\(keys == 1 ? "" : "s"); imported with the key as given"))
        }
        let body = ChoiceBody(options: options, select: keys >= 2 ? keys : nil)
        return .success(Item(id: id, domain: 0, task: "", status: .draft, shuffle: shuffle,
                             stem: Text(stem, origin: Origin(location)), body: .choice(body), origin: Origin(location)))
    }
}

struct ImportError: Error {
    var reason: String
    init(_ reason: String) { self.reason = reason }
}

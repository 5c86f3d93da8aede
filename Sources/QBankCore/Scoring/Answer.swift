/// An answer as keys and responses write it: single → "b"; multiple → ["a", "c"];
/// ordering → ["s2", "s1", "s3"]; matching → {"p1": "r3", …}.
public enum Answer: Sendable, Equatable {
    case choice(String)
    case choices([String])
    case sequence([String])
    case pairs([String: String])

    /// All-or-nothing: multiple response compares the selected set with the keyed set,
    /// ordering the whole sequence, matching every prompt. Unknown types never score.
    public func credits(_ response: Answer?, as type: String) -> Bool {
        guard let response else { return false }
        switch type {
        case "single":
            return ids == response.ids && ids?.count == 1
        case "multiple":
            guard let key = ids, let given = response.ids, Set(given).count == given.count else { return false }
            return Set(key) == Set(given)
        case "ordering":
            return ids != nil && ids == response.ids
        case "matching":
            if case .pairs(let key) = self, case .pairs(let given) = response { return key == given }
            return false
        default:
            return false
        }
    }

    /// The ids of a choice, choices or sequence answer.
    var ids: [String]? {
        switch self {
        case .choice(let id): [id]
        case .choices(let ids), .sequence(let ids): ids
        case .pairs: nil
        }
    }
}

/// One entry of `FORM.key.json`.
public struct KeyEntry: Sendable, Equatable {
    public var position: Int
    public var id: String
    public var type: String
    public var scored: Bool
    public var answer: Answer

    public init(position: Int, id: String, type: String, scored: Bool, answer: Answer) {
        self.position = position
        self.id = id
        self.type = type
        self.scored = scored
        self.answer = answer
    }
}

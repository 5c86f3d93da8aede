/// The four item formats of the exam. Case studies are not an item type: they group items.
public enum ItemType: String, Sendable, Hashable, CaseIterable, Codable {
    /// Multiple choice: one correct option and three distractors.
    case single
    /// Multiple response: two or more correct among five or more options.
    case multiple
    /// Put 3–5 steps in order; the authored order is the correct order.
    case ordering
    /// Pair 3–7 prompts with responses.
    case matching
}

/// Where an item is in its life cycle. Only `operational` and `approved` items are
/// eligible as scored content; `pretest` items fill the unscored slots.
public enum ItemStatus: String, Sendable, Hashable, CaseIterable, Codable {
    case draft
    case review
    case approved
    case pretest
    case operational
    case retired

    public var isScoredEligible: Bool { self == .operational || self == .approved }
}

/// One exam item. Value type: readers build it, rules read it, writers print it.
public struct Item: Hashable, Sendable {
    public var id: String
    public var domain: Int
    public var task: String
    public var status: ItemStatus
    /// False where option order carries meaning (e.g. an option refers to another).
    public var shuffle: Bool
    public var stem: Text
    public var body: ItemBody
    public var references: [Reference]
    public var tags: [String]
    /// Ids of items that must never appear on the same form as this one.
    public var enemies: [EnemyReference]
    public var stats: ItemStats? {
        get { statsBox?.value }
        set { statsBox = newValue.map(ItemStatsBox.init) }
    }
    /// Most items have no statistics; boxed, they cost one pointer instead of ~250 bytes inline.
    private var statsBox: ItemStatsBox?
    /// Rules the author switched off for this item, with reasons (see `Suppression`).
    public var suppressions: [Suppression]
    /// Where the item element/object starts.
    public var origin: Origin

    public init(
        id: String, domain: Int, task: String, status: ItemStatus = .draft, shuffle: Bool = true,
        stem: Text, body: ItemBody, references: [Reference] = [], tags: [String] = [],
        enemies: [EnemyReference] = [], stats: ItemStats? = nil, suppressions: [Suppression] = [],
        origin: Origin = .unknown
    ) {
        self.id = id
        self.domain = domain
        self.task = task
        self.status = status
        self.shuffle = shuffle
        self.stem = stem
        self.body = body
        self.references = references
        self.tags = tags
        self.enemies = enemies
        self.statsBox = stats.map(ItemStatsBox.init)
        self.suppressions = suppressions
        self.origin = origin
    }

    public var type: ItemType { body.type }
}

/// Text with the place it was read from. Text is normalised by readers (see
/// `TextNormalization`) so that both syntaxes give the same value.
public struct Text: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public var value: String
    public var origin: Origin

    public init(_ value: String, origin: Origin = .unknown) {
        self.value = value
        self.origin = origin
    }

    public init(stringLiteral value: String) { self.init(value) }

    public var description: String { value }
    /// Only whitespace (or empty). ASCII texts are decided on bytes, without building
    /// Characters: a non-blank text usually answers at its first byte. Up to the first
    /// non-ASCII byte every byte is its own Character (or CR LF, both whitespace), so the
    /// answer is the same; from a non-ASCII byte on, Unicode decides as before.
    public var isBlank: Bool {
        for byte in value.utf8 {
            switch byte {
            case 0x09...0x0D, 0x20: continue
            case 0x80...: return value.allSatisfy(\.isWhitespace)
            default: return false
            }
        }
        return true
    }
}

/// The type-specific part of an item. The case decides the item's `ItemType`.
public enum ItemBody: Hashable, Sendable {
    /// `single` when `select` is nil, `multiple` otherwise.
    case choice(ChoiceBody)
    case ordering([Step])
    case matching(MatchingBody)

    public var type: ItemType {
        switch self {
        case .choice(let body): body.select == nil ? .single : .multiple
        case .ordering: .ordering
        case .matching: .matching
        }
    }
}

public struct ChoiceBody: Hashable, Sendable {
    public var options: [Option]
    /// How many options the candidate must select; nil for single-answer items.
    public var select: Int?

    public init(options: [Option], select: Int? = nil) {
        self.options = options
        self.select = select
    }

    public var keys: [Option] { options.filter(\.isCorrect) }
    public var distractors: [Option] { options.filter { !$0.isCorrect } }
}

public struct Option: Hashable, Sendable {
    public var id: String
    public var text: Text
    public var isCorrect: Bool
    /// Why this option is right or wrong.
    public var rationale: String?
    public var origin: Origin

    public init(id: String, text: Text, isCorrect: Bool = false, rationale: String? = nil, origin: Origin = .unknown) {
        self.id = id
        self.text = text
        self.isCorrect = isCorrect
        self.rationale = rationale
        self.origin = origin
    }
}

/// An ordering step. Steps are authored in their correct order.
public struct Step: Hashable, Sendable {
    public var id: String
    public var text: Text
    public var rationale: String?
    public var origin: Origin

    public init(id: String, text: Text, rationale: String? = nil, origin: Origin = .unknown) {
        self.id = id
        self.text = text
        self.rationale = rationale
        self.origin = origin
    }
}

public struct MatchingBody: Hashable, Sendable {
    public var prompts: [MatchPrompt]
    public var responses: [MatchResponse]

    public init(prompts: [MatchPrompt], responses: [MatchResponse]) {
        self.prompts = prompts
        self.responses = responses
    }
}

/// A matching prompt and the id of the one response that is correct for it.
public struct MatchPrompt: Hashable, Sendable {
    public var id: String
    public var text: Text
    public var responseID: String
    public var rationale: String?
    public var origin: Origin

    public init(id: String, text: Text, responseID: String, rationale: String? = nil, origin: Origin = .unknown) {
        self.id = id
        self.text = text
        self.responseID = responseID
        self.rationale = rationale
        self.origin = origin
    }
}

public struct MatchResponse: Hashable, Sendable {
    public var id: String
    public var text: Text
    public var origin: Origin

    public init(id: String, text: Text, origin: Origin = .unknown) {
        self.id = id
        self.text = text
        self.origin = origin
    }
}

public struct Reference: Hashable, Sendable {
    public var title: String
    public var url: String

    public init(title: String, url: String) {
        self.title = title
        self.url = url
    }
}

public struct EnemyReference: Hashable, Sendable {
    public var id: String
    public var origin: Origin

    public init(_ id: String, origin: Origin = .unknown) {
        self.id = id
        self.origin = origin
    }
}

/// Holds an item's statistics out of line; replaced, never mutated, so copies stay values.
private final class ItemStatsBox: Hashable, Sendable, CustomReflectable {
    let value: ItemStats
    init(_ value: ItemStats) { self.value = value }
    /// Printed as the statistics it holds.
    var customMirror: Mirror { Mirror(reflecting: value) }
    static func == (lhs: ItemStatsBox, rhs: ItemStatsBox) -> Bool { lhs.value == rhs.value }
    func hash(into hasher: inout Hasher) { hasher.combine(value) }
}

/// Item statistics from earlier administrations. All fields optional: a bank may
/// have classical statistics, IRT parameters, both, or neither.
public struct ItemStats: Hashable, Sendable {
    /// Proportion of candidates answering correctly (classical difficulty), 0…1.
    public var pValue: Double?
    /// Point-biserial correlation with the total score (discrimination), −1…1.
    public var pointBiserial: Double?
    /// Number of responses the statistics rest on.
    public var responses: Int?
    /// 3PL IRT parameters: discrimination a, difficulty b, guessing c.
    public var irtA: Double?
    public var irtB: Double?
    public var irtC: Double?
    /// Standard errors of the IRT parameters, and the model they come from (rasch, 2pl, 3pl).
    public var irtSeA: Double?
    public var irtSeB: Double?
    public var irtSeC: Double?
    public var irtModel: String?
    /// Provenance: "administered" or "simulated", the forms and the administration window.
    public var source: String?
    public var forms: String?
    public var window: String?
    /// Modified-Angoff rating: the panel's probability, 0…1, that a minimally competent candidate
    /// answers correctly. Ratings of a form's scored items set its cut θ when the blueprint has none.
    public var angoff: Double?

    public init(
        pValue: Double? = nil, pointBiserial: Double? = nil, responses: Int? = nil,
        irtA: Double? = nil, irtB: Double? = nil, irtC: Double? = nil,
        irtSeA: Double? = nil, irtSeB: Double? = nil, irtSeC: Double? = nil, irtModel: String? = nil,
        source: String? = nil, forms: String? = nil, window: String? = nil, angoff: Double? = nil
    ) {
        self.angoff = angoff
        self.irtSeA = irtSeA
        self.irtSeB = irtSeB
        self.irtSeC = irtSeC
        self.irtModel = irtModel
        self.source = source
        self.forms = forms
        self.window = window
        self.pValue = pValue
        self.pointBiserial = pointBiserial
        self.responses = responses
        self.irtA = irtA
        self.irtB = irtB
        self.irtC = irtC
    }
}

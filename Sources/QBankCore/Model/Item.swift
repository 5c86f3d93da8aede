/// One exam item. Value type: readers build it, rules read it, writers print it.
///
/// Stored as one reference to its fields, copied on write: an item holds a dozen strings, arrays
/// and origins (about 280 bytes inline), so every array of items and every copy paid that size and
/// a retain per field; now both cost one pointer and one retain. The properties read and write as
/// plain values, equality and hashing compare the fields.
public struct Item: Hashable, Sendable, CustomReflectable {
    private var storage: Storage

    public var id: String { get { storage.fields.id } _modify { yield &fields.id } }
    public var domain: Int { get { storage.fields.domain } _modify { yield &fields.domain } }
    public var task: String { get { storage.fields.task } _modify { yield &fields.task } }
    public var status: ItemStatus { get { storage.fields.status } _modify { yield &fields.status } }
    /// False where option order carries meaning (e.g. an option refers to another).
    public var shuffle: Bool { get { storage.fields.shuffle } _modify { yield &fields.shuffle } }
    public var stem: Text { get { storage.fields.stem } _modify { yield &fields.stem } }
    public var body: ItemBody { get { storage.fields.body } _modify { yield &fields.body } }
    public var references: [Reference] { get { storage.fields.references } _modify { yield &fields.references } }
    public var tags: [String] { get { storage.fields.tags } _modify { yield &fields.tags } }
    /// Ids of items that must never appear on the same form as this one.
    public var enemies: [EnemyReference] { get { storage.fields.enemies } _modify { yield &fields.enemies } }
    public var stats: ItemStats? {
        get { storage.fields.statsBox?.value }
        set { fields.statsBox = newValue.map(ItemStatsBox.init) }
    }
    /// Rules the author switched off for this item, with reasons (see `Suppression`).
    public var suppressions: [Suppression] { get { storage.fields.suppressions } _modify { yield &fields.suppressions } }
    /// Where the item element/object starts.
    public var origin: Origin { get { storage.fields.origin } _modify { yield &fields.origin } }

    public init(
        id: String, domain: Int, task: String, status: ItemStatus = .draft, shuffle: Bool = true,
        stem: Text, body: ItemBody, references: [Reference] = [], tags: [String] = [],
        enemies: [EnemyReference] = [], stats: ItemStats? = nil, suppressions: [Suppression] = [],
        origin: Origin = .unknown
    ) {
        storage = Storage(Fields(
            id: id, domain: domain, task: task, status: status, shuffle: shuffle, stem: stem, body: body,
            references: references, tags: tags, enemies: enemies, statsBox: stats.map(ItemStatsBox.init),
            suppressions: suppressions, origin: origin))
    }

    public var type: ItemType { body.type }

    public static func == (lhs: Item, rhs: Item) -> Bool { lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields }
    public func hash(into hasher: inout Hasher) { hasher.combine(storage.fields) }

    /// Printed (and mirrored: `XMLCharacters.firstForbidden` walks items by reflection) as its fields.
    public var customMirror: Mirror { Mirror(self, children: Mirror(reflecting: storage.fields).children) }

    /// The fields, made unique first when written: a copy shares them until then.
    private var fields: Fields {
        get { storage.fields }
        _modify {
            if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
            yield &storage.fields
        }
    }

    private struct Fields: Hashable, Sendable {
        var id: String
        var domain: Int
        var task: String
        var status: ItemStatus
        var shuffle: Bool
        var stem: Text
        var body: ItemBody
        var references: [Reference]
        var tags: [String]
        var enemies: [EnemyReference]
        /// Most items have no statistics; boxed, they cost one pointer instead of ~250 bytes inline.
        var statsBox: ItemStatsBox?
        var suppressions: [Suppression]
        var origin: Origin
    }

    /// Written only while uniquely referenced (`fields`' `_modify`), so sharing it between threads is safe;
    /// reads skip the exclusivity check a class property otherwise pays on every access.
    private final class Storage: @unchecked Sendable {
        @exclusivity(unchecked) var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }
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

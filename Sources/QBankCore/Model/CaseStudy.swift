/// A scenario with 2–3 items. Assembled whole; counts as its items.
public struct CaseStudy: Hashable, Sendable {
    public var id: String
    public var title: String?
    public var scenario: Text
    public var items: [Item]
    /// Rules switched off for the case and every item in it (see `Suppression`).
    public var suppressions: [Suppression]
    public var origin: Origin

    public init(
        id: String, title: String? = nil, scenario: Text, items: [Item], suppressions: [Suppression] = [],
        origin: Origin = .unknown
    ) {
        self.id = id
        self.title = title
        self.scenario = scenario
        self.items = items
        self.suppressions = suppressions
        self.origin = origin
    }
}

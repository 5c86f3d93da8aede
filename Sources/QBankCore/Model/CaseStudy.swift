/// A scenario with 2–3 items. Assembled whole; counts as its items.
public struct CaseStudy: Hashable, Sendable {
    public var id: String
    public var title: String?
    public var scenario: Text
    public var items: [Item]
    public var origin: Origin

    public init(id: String, title: String? = nil, scenario: Text, items: [Item], origin: Origin = .unknown) {
        self.id = id
        self.title = title
        self.scenario = scenario
        self.items = items
        self.origin = origin
    }
}

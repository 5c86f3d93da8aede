import QBankCore

/// A form as it is delivered: items in their seeded delivery order (case-study items
/// together, in their authored order) and each item's presentation order.
public struct DeliveredForm: Sendable {
    public var name: String
    public var number: Int
    public var items: [DeliveredItem]
    /// Case studies on the form, in the order they are met.
    public var cases: [CaseStudy]

    public struct DeliveredItem: Sendable {
        public var position: Int
        public var item: Item
        public var scored: Bool
        public var caseID: String?
        /// Presentation order: option indexes (choice), step indexes (ordering) or
        /// response indexes (matching).
        public var order: [Int]
        /// Prompt indexes (matching only).
        public var promptOrder: [Int]
    }

    /// Form names: `form-1`, `form-2`, … (the file names in the output folder).
    public static func name(_ number: Int) -> String { "form-\(number)" }

    /// Orders form `index` (0-based) of `outcome`. Options of single and multiple
    /// response items are shuffled when the item's `shuffle` flag is set. Ordering steps
    /// and matching responses are always shuffled, because the authored order is the
    /// key; matching prompts follow the flag.
    public init(_ outcome: AssemblyOutcome, form index: Int) {
        number = index + 1
        name = Self.name(number)
        var random = SeededRandom(seed: outcome.request.seed ^ (0xD1B5_4A32_D192_ED03 &* UInt64(number)))
        var units = outcome.forms[index]
        random.shuffle(&units)
        var delivered: [DeliveredItem] = [], cases: [CaseStudy] = []
        for u in units {
            let unit = outcome.pool.units[u]
            if let study = unit.caseStudy { cases.append(study) }
            for (item, slot) in zip(unit.items, unit.slots) {
                var order: [Int] = [], prompts: [Int] = []
                switch item.body {
                case .choice(let body):
                    order = Array(body.options.indices)
                    if item.shuffle { random.shuffle(&order) }
                case .ordering(let steps):
                    order = Self.derangedIfPossible(steps.count, &random)
                case .matching(let body):
                    order = Array(body.responses.indices)
                    random.shuffle(&order)
                    prompts = Array(body.prompts.indices)
                    if item.shuffle { random.shuffle(&prompts) }
                }
                delivered.append(DeliveredItem(position: delivered.count + 1, item: item, scored: slot == .scored,
                                               caseID: unit.caseStudy?.id, order: order, promptOrder: prompts))
            }
        }
        items = delivered
        self.cases = cases
    }

    /// A shuffle that is never the authored (correct) order when there are 2+ steps.
    private static func derangedIfPossible(_ count: Int, _ random: inout SeededRandom) -> [Int] {
        var order = Array(0..<count)
        guard count > 1 else { return order }
        repeat { random.shuffle(&order) } while order == Array(0..<count)
        return order
    }
}

import QBankCore

/// The order a delivery shows an item's parts in, reproducible from a seed: the same
/// seed and item id always give the same order, whatever else is in the bank.
///
/// Options (and matching responses) are shuffled only when the item's `shuffle` is true,
/// since authors turn it off where an option refers to another. Ordering steps are
/// always scrambled, and never left in their authored order, which is the answer.
public struct DeliveryOrder: Sendable {
    public var seed: UInt64

    public init(seed: UInt64) { self.seed = seed }

    /// Indices into `count` parts, in delivered order.
    public func permutation(_ count: Int, for item: Item, part: String, always: Bool = false) -> [Int] {
        var order = Array(0..<count)
        guard always || item.shuffle, count > 1 else { return order }
        var generator = SeededRandom(seed: seed ^ StableHash.fnv1a64("\(item.id)/\(part)"))
        generator.shuffle(&order)
        if always && order == Array(0..<count) { order.append(order.removeFirst()) }
        return order
    }

    public func options(of item: Item, _ options: [Option]) -> [Option] {
        permutation(options.count, for: item, part: "options").map { options[$0] }
    }

    public func steps(of item: Item, _ steps: [Step]) -> [Step] {
        permutation(steps.count, for: item, part: "steps", always: true).map { steps[$0] }
    }

    public func responses(of item: Item, _ responses: [MatchResponse]) -> [MatchResponse] {
        permutation(responses.count, for: item, part: "responses").map { responses[$0] }
    }
}

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
        var generator = SplitMix64(seed: seed ^ Self.fnv1a("\(item.id)/\(part)"))
        for index in stride(from: count - 1, to: 0, by: -1) {
            let other = Int(generator.next() % UInt64(index + 1))
            order.swapAt(index, other)
        }
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

    /// FNV-1a over UTF-8: stable across runs and platforms, unlike `Hasher`.
    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }
}

/// A small, well-known generator with a fixed algorithm, so orders never change with
/// the Swift standard library's generator.
struct SplitMix64 {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}

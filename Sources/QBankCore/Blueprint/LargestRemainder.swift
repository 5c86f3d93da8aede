/// Hamilton's method: give each party the floor of its exact quota, then hand the
/// seats left over to the largest remainders. Ties go to the earlier party so the
/// result is deterministic.
public enum LargestRemainder {
    public static func apportion(_ total: Int, weights: [Double]) -> [Int] {
        let sum = weights.reduce(0, +)
        guard total > 0, sum > 0, sum.isFinite, !weights.isEmpty else { return weights.map { _ in 0 } }
        let quotas = weights.map { Double(total) * $0 / sum }
        var seats = quotas.map { Int($0) } // quotas are non-negative: truncation is floor
        let left = total - seats.reduce(0, +)
        let order = quotas.indices.sorted { lhs, rhs in
            let lr = quotas[lhs] - Double(seats[lhs]), rr = quotas[rhs] - Double(seats[rhs])
            return lr != rr ? lr > rr : lhs < rhs
        }
        for index in order.prefix(left) { seats[index] += 1 }
        return seats
    }
}

/// Each candidate's scored responses as the lists of items answered right and wrong, so
/// that items a candidate was never given (another form) simply do not enter the likelihood.
public struct ResponsePatterns: Sendable {
    public var items: [String]
    public var right: [[Int32]]
    public var wrong: [[Int32]]

    public var candidates: Int { right.count }

    public init(items: [String], right: [[Int32]], wrong: [[Int32]]) {
        self.items = items
        self.right = right
        self.wrong = wrong
    }

    /// From administered forms, items matched by id. Omitted responses are wrong under
    /// `.wrong`, left out under `.missing`.
    public init(_ administrations: [Administration], convention: OmitConvention = .wrong) {
        var index: [String: Int32] = [:]
        var items: [String] = []
        var right: [[Int32]] = [], wrong: [[Int32]] = []
        for administration in administrations {
            let slots = administration.key.map { entry -> Int32 in
                if let known = index[entry.id] { return known }
                index[entry.id] = Int32(items.count)
                items.append(entry.id)
                return Int32(items.count - 1)
            }
            let matrix = ScoreMatrix(administration, convention: convention)
            for row in matrix.scores {
                var r: [Int32] = [], w: [Int32] = []
                for (i, score) in row.enumerated() where !score.isNaN {
                    if score == 1 { r.append(slots[i]) } else { w.append(slots[i]) }
                }
                right.append(r)
                wrong.append(w)
            }
        }
        self.items = items
        self.right = right
        self.wrong = wrong
    }
}

import Foundation

/// A modified-Angoff panel's ratings per item: the item's rating is the mean over the raters who
/// rated it (Hambleton & Pitoniak, 2006); the spread shows where the panel disagreed.
public struct AngoffPanel: Sendable, Equatable {
    public struct Item: Sendable, Equatable {
        public var id: String
        public var raters: Int
        public var mean: Double
        /// Sample standard deviation across raters (nil with one rater).
        public var sd: Double?
        public var min: Double
        public var max: Double
    }

    /// In the order the items first appear in the ratings.
    public var items: [Item]
    public var raters: [String]
    public var ratings: Int

    public init(_ ratings: [(item: String, rater: String, rating: Double)]) {
        var order: [String] = []
        var byItem: [String: [Double]] = [:]
        var raters: [String] = []
        var knownRaters = Set<String>()
        for rating in ratings {
            if byItem[rating.item] == nil { order.append(rating.item) }
            byItem[rating.item, default: []].append(rating.rating)
            if knownRaters.insert(rating.rater).inserted { raters.append(rating.rater) }
        }
        items = order.map { id in
            let values = byItem[id]!
            let mean = values.reduce(0, +) / Double(values.count)
            let sd = values.count > 1 ? (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)).squareRoot() : nil
            return Item(id: id, raters: values.count, mean: mean, sd: sd, min: values.min()!, max: values.max()!)
        }
        self.raters = raters
        self.ratings = ratings.count
    }

    /// The minimally competent candidate's expected raw score over the rated items.
    public var expectedRawScore: Double { items.reduce(0) { $0 + $1.mean } }
}

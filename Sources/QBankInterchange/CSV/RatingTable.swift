import QBankCore

/// Reads a standard-setting panel's modified-Angoff ratings from CSV: a header naming the columns
/// `item`, `rater` and `rating` (in any order, nothing else), then one row per rater and item. A
/// rating is the probability, 0–1, that a minimally competent candidate answers the item correctly;
/// an empty rating is a rater who did not rate the item (e.g. recused as its author).
public enum RatingTable {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public static func read(_ bytes: [UInt8], path: String) throws(Failure) -> [(item: String, rater: String, rating: Double)] {
        let table = CSVTable(TextDecoding.decode(bytes).text)
        guard let header = table.records.first else { throw Failure(description: "\(path):1:1: empty ratings file; expected a header row item,rater,rating") }
        var column: [String: Int] = [:]
        for (index, name) in header.fields.enumerated() {
            let key = name.trimmingCharacters(in: .whitespaces).lowercased()
            guard ["item", "rater", "rating"].contains(key), column[key] == nil else {
                throw Failure(description: "\(path):\(header.line):\(index + 1): column '\(name)' is not item, rater or rating (each once)")
            }
            column[key] = index
        }
        guard let item = column["item"], let rater = column["rater"], let rating = column["rating"] else {
            throw Failure(description: "\(path):\(header.line):1: the header must name the columns item, rater and rating")
        }
        var ratings: [(item: String, rater: String, rating: Double)] = []
        var seen: [String: Int] = [:]
        for record in table.records.dropFirst() {
            guard record.fields.count == header.fields.count else {
                throw Failure(description: "\(path):\(record.line):1: \(record.fields.count) fields where the header has \(header.fields.count)")
            }
            let fields = record.fields.map { $0.trimmingCharacters(in: .whitespaces) }
            for (name, index) in [("item", item), ("rater", rater)] where fields[index].isEmpty {
                throw Failure(description: "\(path):\(record.line):\(index + 1): no \(name)")
            }
            guard !fields[rating].isEmpty else { continue }
            guard let value = Double(fields[rating]), (0...1).contains(value) else {
                throw Failure(description: "\(path):\(record.line):\(rating + 1): rating '\(fields[rating])' must be a number from 0 to 1 (a probability, not a percentage)")
            }
            let pair = fields[item] + "\u{0}" + fields[rater]
            if let first = seen[pair] {
                throw Failure(description: "\(path):\(record.line):1: rater '\(fields[rater])' rated '\(fields[item])' already on line \(first); keep one rating per rater and item (the final round's)")
            }
            seen[pair] = record.line
            ratings.append((fields[item], fields[rater], value))
        }
        return ratings
    }
}

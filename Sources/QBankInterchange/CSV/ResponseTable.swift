import QBankCore

/// Reads candidates' responses to one form from CSV: a header `candidate,ITEM-ID,…` (the
/// first column names the candidate, whatever its header says; every other header is an
/// item id on the form's key), then one row per candidate. A cell is an option id (single),
/// ids joined by `|` (multiple: `a|c`; ordering: `s2|s1|s3`) or prompt=response pairs
/// joined by `|` (matching: `p1=r3|p2=r1`); an empty cell is an omitted response.
public enum ResponseTable {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Each candidate's id and responses in the key's order.
    public static func read(_ bytes: [UInt8], path: String, key: [KeyEntry]) throws(Failure) -> [(id: String, responses: [Answer?])] {
        let table = CSVTable(TextDecoding.decode(bytes).text)
        guard let header = table.records.first else { throw Failure(description: "\(path):1:1: empty responses file; expected a header row candidate,ITEM-ID,...") }
        let position = Dictionary(key.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
        var columns: [Int] = []
        for (index, name) in header.fields.enumerated().dropFirst() {
            let id = name.trimmingCharacters(in: .whitespaces)
            guard let slot = position[id] else {
                throw Failure(description: "\(path):\(header.line):\(index + 1): column '\(id)' is not an item on the form's key; check --key")
            }
            guard !columns.contains(slot) else { throw Failure(description: "\(path):\(header.line):\(index + 1): item '\(id)' has two columns") }
            columns.append(slot)
        }
        if let absent = key.first(where: { position[$0.id].map { !columns.contains($0) } ?? false }) {
            throw Failure(description: "\(path):\(header.line):1: no column for item '\(absent.id)' of the key; add it (empty cells are omitted responses)")
        }
        var candidates: [(id: String, responses: [Answer?])] = []
        for record in table.records.dropFirst() {
            guard record.fields.count == header.fields.count else {
                throw Failure(description: "\(path):\(record.line):1: \(record.fields.count) fields where the header has \(header.fields.count)")
            }
            var responses = [Answer?](repeating: nil, count: key.count)
            for (offset, slot) in columns.enumerated() {
                let cell = record.fields[offset + 1].trimmingCharacters(in: .whitespaces)
                guard !cell.isEmpty else { continue }
                guard let answer = answer(cell, type: key[slot].type) else {
                    throw Failure(description: "\(path):\(record.line):\(offset + 2): '\(cell)' is not a \(key[slot].type) response to '\(key[slot].id)' (matching is p1=r3|p2=r1)")
                }
                responses[slot] = answer
            }
            candidates.append((record.fields[0].trimmingCharacters(in: .whitespaces), responses))
        }
        return candidates
    }

    /// A key as a two-column CSV `item,key` (as psych's examples ship keys): every item single-response and scored.
    public static func key(_ bytes: [UInt8], path: String) throws(Failure) -> [KeyEntry] {
        let table = CSVTable(TextDecoding.decode(bytes).text)
        var entries: [KeyEntry] = []
        for record in table.records.dropFirst() {
            let fields = record.fields.map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count == 2, !fields[0].isEmpty, !fields[1].isEmpty else {
                throw Failure(description: "\(path):\(record.line):1: a CSV key row is ITEM-ID,OPTION-ID")
            }
            entries.append(KeyEntry(position: entries.count + 1, id: fields[0], type: "single", scored: true, answer: .choice(fields[1])))
        }
        guard !entries.isEmpty else { throw Failure(description: "\(path):1:1: the key has no items; expected a header item,key and one row per item") }
        return entries
    }

    /// The cell format for one response, the inverse of `answer(_:type:)`.
    public static func cell(_ answer: Answer?) -> String {
        switch answer {
        case nil: ""
        case .choice(let id): id
        case .choices(let ids), .sequence(let ids): ids.joined(separator: "|")
        case .pairs(let pairs): pairs.keys.sorted().map { "\($0)=\(pairs[$0]!)" }.joined(separator: "|")
        }
    }

    static func answer(_ cell: String, type: String) -> Answer? {
        let parts = cell.split(separator: "|", omittingEmptySubsequences: false).map { String($0).trimmingCharacters(in: .whitespaces) }
        guard !parts.contains(where: \.isEmpty) else { return nil }
        switch type {
        case "matching":
            var pairs: [String: String] = [:]
            for part in parts {
                let sides = part.split(separator: "=", omittingEmptySubsequences: false).map(String.init)
                guard sides.count == 2, !sides[0].isEmpty, !sides[1].isEmpty, pairs[sides[0]] == nil else { return nil }
                pairs[sides[0]] = sides[1]
            }
            return .pairs(pairs)
        case "single":
            return parts.count == 1 ? .choice(parts[0]) : .sequence(parts)
        default:
            return .sequence(parts)
        }
    }
}


import QBankCore

/// Reads `FORM.key.json` (as `qbank assemble` writes it) and a responses file:
/// `{"form": "form-1", "responses": {"ITEM-ID": ANSWER, …}}`, answers shaped like the key's
/// (single "b"; multiple ["a","c"]; ordering ["s2","s1","s3"]; matching {"p1":"r3"}).
/// Errors carry file:line:col and what to do.
public enum ScoringFileReader {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public static func key(_ bytes: [UInt8], path: String) throws(Failure) -> (form: String, entries: [KeyEntry]) {
        let root = try parse(bytes, path: path)
        guard let form = member(root, "form")?.stringValue else { throw fail(path, root.position, "a key needs \"form\": \"NAME\"") }
        guard let items = member(root, "items")?.arrayValue else { throw fail(path, root.position, "a key needs \"items\": [...]") }
        var entries: [KeyEntry] = []
        var seen: [String: JSONPosition] = [:]
        for (index, item) in items.enumerated() {
            guard let id = member(item, "id")?.stringValue, let type = member(item, "type")?.stringValue,
                  let scored = member(item, "scored")?.boolValue, let answerValue = member(item, "answer"),
                  let answer = answer(answerValue) else {
                throw fail(path, item.position, "key item #\(index + 1) needs \"id\", \"type\", \"scored\" and an \"answer\" as qbank assemble writes them")
            }
            if let first = seen[id] {
                throw fail(path, item.position, "item '\(id)' is listed twice (first at \(first.line):\(first.column)); a key lists each item once")
            }
            seen[id] = item.position
            entries.append(KeyEntry(position: member(item, "position")?.integerValue ?? index + 1, id: id, type: type, scored: scored, answer: answer))
        }
        if !entries.contains(where: \.scored) {
            throw fail(path, root.position, "the key has no scored item, so there is nothing to score; use the FORM.key.json qbank assemble wrote")
        }
        return (form, entries)
    }

    public static func responses(_ bytes: [UInt8], path: String, known: Set<String>) throws(Failure) -> (form: String?, answers: [String: Answer]) {
        let root = try parse(bytes, path: path)
        guard let members = member(root, "responses")?.objectValue else {
            throw fail(path, root.position, "a responses file is {\"form\": \"NAME\", \"responses\": {\"ITEM-ID\": ANSWER, ...}}")
        }
        var answers: [String: Answer] = [:]
        for m in members {
            guard known.contains(m.key) else { throw fail(path, m.keyPosition, "item '\(m.key)' is not on this form's key; check --key") }
            if case .null = m.value.storage { continue }
            guard let a = answer(m.value) else {
                throw fail(path, m.value.position, "the answer to '\(m.key)' must be an option id, a list of ids, or an object of prompt → response ids")
            }
            answers[m.key] = a
        }
        return (member(root, "form")?.stringValue, answers)
    }

    /// `FORM.conversion.json` as `qbank assemble` writes it: {"form", "rawCut", "maxRaw", "table": [{"raw", "scaled"}, …]}.
    public static func conversion(_ bytes: [UInt8], path: String) throws(Failure) -> (form: String, conversion: RawConversion, standard: String?) {
        let root = try parse(bytes, path: path)
        guard let form = member(root, "form")?.stringValue, let rawCut = member(root, "rawCut")?.integerValue,
              let maxRaw = member(root, "maxRaw")?.integerValue, maxRaw >= 0, (0...maxRaw).contains(rawCut),
              let table = member(root, "table")?.arrayValue else {
            throw fail(path, root.position, "a conversion table needs \"form\", \"rawCut\" (0…maxRaw), \"maxRaw\" and \"table\" as qbank assemble writes them")
        }
        var scaled = [Int?](repeating: nil, count: maxRaw + 1)
        for row in table {
            guard let raw = member(row, "raw")?.integerValue, (0...maxRaw).contains(raw), let value = member(row, "scaled")?.integerValue else {
                throw fail(path, row.position, "each table row needs \"raw\" (0…\(maxRaw)) and an integer \"scaled\"")
            }
            scaled[raw] = value
        }
        guard let missing = scaled.firstIndex(where: { $0 == nil }) else {
            let values = scaled.map { $0! }
            if zip(values, values.dropFirst()).contains(where: { $0 > $1 }) {
                throw fail(path, root.position, "scaled scores must not decrease as raw scores rise; regenerate the table with qbank assemble")
            }
            return (form, RawConversion(rawCut: rawCut, scaled: values), member(root, "standard")?.stringValue)
        }
        throw fail(path, root.position, "the table has no row for raw score \(missing); regenerate it with qbank assemble")
    }

    static func answer(_ value: JSONValue) -> Answer? {
        if let s = value.stringValue { return .choice(s) }
        if let array = value.arrayValue {
            let ids = array.compactMap(\.stringValue)
            return ids.count == array.count ? .sequence(ids) : nil
        }
        if let object = value.objectValue {
            var pairs: [String: String] = [:]
            for m in object { guard let s = m.value.stringValue else { return nil }; pairs[m.key] = s }
            return .pairs(pairs)
        }
        return nil
    }

    private static func parse(_ bytes: [UInt8], path: String) throws(Failure) -> JSONValue {
        do { return try JSONParser.parse(bytes) } catch {
            throw Failure(description: "\(path):\(error.position.line):\(error.position.column): \(error.message)")
        }
    }

    private static func member(_ value: JSONValue, _ key: String) -> JSONValue? {
        value.objectValue?.first { $0.key == key }?.value
    }

    private static func fail(_ path: String, _ position: JSONPosition, _ message: String) -> Failure {
        Failure(description: "\(path):\(position.line):\(position.column): \(message)")
    }
}

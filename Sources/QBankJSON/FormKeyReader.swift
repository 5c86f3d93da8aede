import QBankCore

/// Reads `FORM.key.json` with everything a form report needs (domain, task, type and the
/// scored flag per position), and the item order of the candidate-facing `FORM.form.json`
/// so the two can be checked against each other. Errors carry file:line:col and what to do.
public enum FormKeyReader {
    public static func key(_ bytes: [UInt8], path: String) throws(ScoringFileReader.Failure) -> FormKey {
        let root = try parse(bytes, path: path)
        guard root.objectValue != nil else { throw fail(path, root.position, "a key file is a JSON object as qbank assemble writes it") }
        guard let form = root["form"]?.stringValue, !form.isEmpty else { throw fail(path, root.position, "a key needs \"form\": \"NAME\"") }
        guard let items = root["items"]?.arrayValue else { throw fail(path, root.position, "a key needs \"items\": [...]") }
        var slots: [FormKey.Slot] = []
        for (index, item) in items.enumerated() {
            guard let id = item["id"]?.stringValue, let domain = item["domain"]?.integerValue, let task = item["task"]?.stringValue,
                  let type = item["type"]?.stringValue, let scored = item["scored"]?.boolValue else {
                throw fail(path, item.position, "key item #\(index + 1) needs \"id\", \"domain\", \"task\", \"type\" and \"scored\" as qbank assemble writes them; re-run qbank assemble")
            }
            slots.append(FormKey.Slot(position: item["position"]?.integerValue ?? index + 1, id: id, domain: domain, task: task,
                                      type: type, scored: scored, line: item.position.line, column: item.position.column))
        }
        return FormKey(form: form, blueprint: root["blueprint"]?.stringValue, path: path, slots: slots)
    }

    /// The item ids of a `FORM.form.json` in delivery order, each with where its object starts.
    public static func formItemIDs(_ bytes: [UInt8], path: String) throws(ScoringFileReader.Failure) -> (form: String?, ids: [(id: String, line: Int, column: Int)]) {
        let root = try parse(bytes, path: path)
        guard let items = root["items"]?.arrayValue else { throw fail(path, root.position, "a form file needs \"items\": [...]") }
        var ids: [(String, Int, Int)] = []
        for (index, item) in items.enumerated() {
            guard let id = item["id"]?.stringValue else { throw fail(path, item.position, "form item #\(index + 1) has no \"id\"") }
            ids.append((id, item.position.line, item.position.column))
        }
        return (root["form"]?.stringValue, ids)
    }

    private static func parse(_ bytes: [UInt8], path: String) throws(ScoringFileReader.Failure) -> JSONValue {
        do { return try JSONParser.parse(bytes) } catch {
            throw ScoringFileReader.Failure(description: "\(path):\(error.position.line):\(error.position.column): \(error.message)")
        }
    }

    private static func fail(_ path: String, _ position: JSONPosition, _ message: String) -> ScoringFileReader.Failure {
        ScoringFileReader.Failure(description: "\(path):\(position.line):\(position.column): \(message)")
    }
}

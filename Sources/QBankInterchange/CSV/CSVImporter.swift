import QBankCore

/// CSV (or semicolon/tab separated) item tables.
///
/// A header row names the columns (case-insensitive): `id`, `type`, `stem`
/// (`question`), `option` / `a`…`h` / `option_a`… (one per option, in order), `key`
/// (`answer`, `correct`: letters such as `B`, `b,e`, `BE`, or the text of the right
/// option; an answer column before the options, or `distractor` columns, holds the right
/// option's text itself; an answer that names no option skips the row), `domain`, `task`, `tags` (`category`), `rationale` (`explanation`),
/// `reference` (`url`), `status`; other columns are ignored and reported once.
/// Without a header, the MMLU layout `question,A,B,C,D,answer` is recognised
/// (last column a letter key); anything else needs a header row or `--map` with
/// `"csv": {"columns": [...]}`.
public struct CSVImporter: ItemImporter {
    public static let format = InterchangeFormat.csv
    let columns: [String]?

    public init(columns: [String]? = nil) { self.columns = columns }

    enum Column: Hashable { case id, type, stem, option, key, domain, task, tags, rationale, reference, status, ignored(String) }

    static func column(_ raw: String) -> Column {
        let name = raw.lowercased().trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " ", with: "_")
        switch name {
        case "id", "identifier", "item_id": return .id
        case "type", "item_type": return .type
        case "stem", "question", "question_text", "prompt", "text": return .stem
        case "key", "answer", "answers", "correct", "correct_answer", "correct_answers", "solution": return .key
        case "domain": return .domain
        case "task", "task_statement": return .task
        case "tags", "tag", "category", "categories", "topic": return .tags
        case "rationale", "explanation", "feedback": return .rationale
        case "reference", "url", "link", "source": return .reference
        case "status": return .status
        case "-", "ignore", "skip": return .ignored(name)
        default:
            if name == "option" || name == "choice" || name == "distractor" { return .option }
            if name.count == 1, let c = name.first, ("a"..."h").contains(c) { return .option }
            for base in ["option_", "option", "choice_", "choice", "answer_", "opt"] where name.hasPrefix(base) {
                let rest = name.dropFirst(base.count)
                if rest.count <= 2, rest.allSatisfy({ $0.isLetter || $0.isNumber }) { return .option }
            }
            return .ignored(name)
        }
    }

    public func importItems(from source: ImportSource) -> ImportResult {
        let decoded = TextDecoding.decode(source.bytes)
        var problems: [ImportProblem] = TextDecoding.note(decoded, path: source.path).map { [$0] } ?? []
        let table = CSVTable(decoded.text)
        guard let first = table.records.first else {
            return .unreadable(source.path, ImportProblem(.unreadable, at: source.location(line: 1), "the file has no rows"))
        }
        var layout: [Column]
        var rows = table.records[...]
        if let columns {
            layout = columns.map(Self.column)
        } else if first.fields.map(Self.column).contains(.stem) {
            layout = first.fields.map(Self.column)
            rows = rows.dropFirst()
            let unknown = layout.compactMap { if case .ignored(let name) = $0, name != "-" { name } else { nil } }
            if !unknown.isEmpty {
                problems.append(ImportProblem(.note, at: source.location(line: first.line),
                                              "column\(unknown.count == 1 ? "" : "s") \(unknown.map { "'\($0)'" }.joined(separator: ", ")) not imported (not a qbank field)"))
            }
        } else if Self.looksLikeMMLU(table) {
            let width = first.fields.count
            layout = [.stem] + Array(repeating: .option, count: width - 2) + [.key]
        } else {
            return .unreadable(source.path, ImportProblem(.unreadable, at: source.location(line: 1),
                "no header row (a 'question' or 'stem' column) and not the question,A,B,C,D,answer layout; add a header row or pass --map with \"csv\": {\"columns\": [...]} (see README)"))
        }
        guard layout.contains(.stem) else {
            return .unreadable(source.path, ImportProblem(.unreadable, at: source.location(line: 1), "no stem/question column"))
        }
        // With `distractor` columns, or the answer column before the option columns, the answer holds the right
        // option's text itself (it becomes the first option); otherwise an answer must name one of the options.
        let keyIsAnOption = (columns ?? first.fields).contains { $0.lowercased().trimmingCharacters(in: .whitespaces).hasPrefix("distractor") }
            || (layout.firstIndex(of: .key) ?? .max) < (layout.firstIndex(of: .option) ?? .max)
        let prefix = Identifiers.prefix(forPath: source.path)
        var items: [Item] = []
        var sourceTexts: [String: String] = [:]
        var categories: [String: [String]] = [:]
        var read = 0
        for record in rows {
            read += 1
            let location = source.location(line: record.line)
            var values: [Column: [String]] = [:]
            for (index, field) in record.fields.enumerated() where index < layout.count {
                values[layout[index], default: []].append(HTMLText.decodeEntities(field).trimmingCharacters(in: .whitespacesAndNewlines))
            }
            if record.fields.count != layout.count {
                problems.append(ImportProblem(.note, at: location, "row has \(record.fields.count) fields, the header \(layout.count)"))
            }
            let stem = values[.stem]?.first ?? ""
            let label = stem.isEmpty ? "row at line \(record.line)" : String(stem.prefix(60))
            var options = (values[.option] ?? []).filter { !$0.isEmpty }.map { DraftOption(text: $0, correct: false, location: location) }
            let key = values[.key]?.first ?? ""
            if let positions = AnswerKey.positions(key, optionCount: options.count), key.count <= 12 {
                for position in positions { options[position].correct = true }
            } else if !key.isEmpty {
                if let match = options.firstIndex(where: { $0.text == key }) {
                    options[match].correct = true
                } else if keyIsAnOption {
                    options.insert(DraftOption(text: key, correct: true, location: location), at: 0)
                } else {
                    let letters = options.isEmpty ? "" : " (letters A–\(Identifiers.optionID(options.count - 1).uppercased()) or an option's text)"
                    problems.append(ImportProblem(.skipped, at: location, item: label,
                        "the answer '\(key)' matches none of the \(options.count) options\(letters)"))
                    continue
                }
            }
            if let rationale = values[.rationale]?.first, !rationale.isEmpty {
                for index in options.indices where options[index].correct { options[index].rationale = rationale }
            }
            let rawID = values[.id]?.first.flatMap { Identifiers.itemID($0) }
            let id = rawID.map { $0.first!.isLetter ? $0 : "\(prefix)-\($0)" } ?? "\(prefix)-\(read)"
            var notes: [ImportProblem] = []
            switch ItemBuilding.choice(id: id, stem: stem, options: options, at: location, notes: &notes) {
            case .failure(let error):
                problems.append(ImportProblem(.skipped, at: location, item: label, error.reason))
            case .success(var item):
                problems += notes
                if let domain = values[.domain]?.first.flatMap({ Int($0) }), (1...99).contains(domain) { item.domain = domain }
                if let task = values[.task]?.first, task.range(of: #"^[1-9][0-9]?\.[1-9][0-9]?$"#, options: .regularExpression) != nil { item.task = task }
                if let status = values[.status]?.first.flatMap({ ItemStatus(rawValue: $0.lowercased()) }), item.domain != 0, !item.task.isEmpty { item.status = status }
                let tags = (values[.tags] ?? []).flatMap { $0.split(whereSeparator: { $0 == "," || $0 == "|" }) }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                if !tags.isEmpty { categories[id] = tags }
                item.tags = tags.map { $0.lowercased() }.filter(Identifiers.isTag)
                if let url = values[.reference]?.first, url.hasPrefix("http"), !url.contains(" ") {
                    item.references = [Reference(title: "Source", url: url)]
                }
                if let type = values[.type]?.first?.lowercased(), !type.isEmpty, type != item.type.rawValue {
                    problems.append(ImportProblem(.note, at: location, item: id, "type '\(type)' given, but the key makes it \(item.type.rawValue)"))
                }
                items.append(item)
                sourceTexts[id] = ([stem] + options.map(\.text)).joined(separator: "\n")
            }
        }
        var result = ImportResult(path: source.path, items: items, problems: problems, read: read, categories: categories)
        result.sourceTexts = sourceTexts
        return result
    }

    /// Headerless `question,A,B,…,answer`: the last column is a letter key in every row.
    static func looksLikeMMLU(_ table: CSVTable) -> Bool {
        guard let width = table.records.first?.fields.count, width >= 4 else { return false }
        return table.records.allSatisfy { record in
            record.fields.count == width && AnswerKey.positions(record.fields[width - 1], optionCount: width - 2) != nil && record.fields[width - 1].count <= 3
        }
    }
}

import Foundation

import QBankCore
import QBankJSON

/// Where a bespoke JSON bank keeps each field (`--map` with `"json": {…}`): dot-separated paths,
/// `items` from the document root, the others from each question object.
public struct JSONFieldMap: Sendable, Equatable {
    /// The array of questions (e.g. "results", "data.questions"); nil: the document is that array.
    public var items: String?
    public var id: String?
    public var stem: String
    /// An array of option texts, or an object whose keys are the letters (`{"A": "…", "B": "…"}`).
    public var options: String?
    /// The right option's text, and the others (OpenTDB's `correct_answer` / `incorrect_answers`).
    public var correct: String?
    public var distractors: String?
    /// Letters (`"B"`, `"A, C"`), the right option's text, a 0-based index, or an array of those.
    public var key: String?
    public var explanation: String?
    public var tags: String?

    public init(items: String? = nil, id: String? = nil, stem: String, options: String? = nil, correct: String? = nil,
                distractors: String? = nil, key: String? = nil, explanation: String? = nil, tags: String? = nil) {
        (self.items, self.id, self.stem, self.options, self.correct) = (items, id, stem, options, correct)
        (self.distractors, self.key, self.explanation, self.tags) = (distractors, key, explanation, tags)
    }
}

/// `qbank import --map FILE` with a `"json"` field map: custom JSON question banks (arrays of
/// `{question, options, answer, explanation}` objects and the like) read field by field. A question
/// whose answer names none of its options is skipped with the reason, as in CSV.
public struct JSONMapImporter: ItemImporter {
    public static let format = InterchangeFormat.json
    let map: JSONFieldMap

    public init(map: JSONFieldMap) { self.map = map }

    public func importItems(from source: ImportSource) -> ImportResult {
        let root: JSONValue
        do { root = try JSONParser.parse(source.bytes) } catch {
            return .unreadable(source.path, ImportProblem(.unreadable, at: source.location(line: error.position.line, column: error.position.column), error.message))
        }
        guard let entries = (map.items.map { Self.value(root, at: $0) } ?? root)?.arrayValue else {
            return .unreadable(source.path, ImportProblem(.unreadable, at: source.location(line: 1),
                "the map's \"items\" (\(map.items ?? "the document itself")) is not an array of questions"))
        }
        let prefix = Identifiers.prefix(forPath: source.path)
        var result = ImportResult(path: source.path, read: entries.count)
        var used = Set<String>()
        for (index, entry) in entries.enumerated() {
            let location = source.location(line: entry.position.line, column: entry.position.column)
            let stem = text(entry, map.stem) ?? ""
            let label = stem.isEmpty ? "question \(index + 1)" : String(stem.prefix(60))
            var id = text(entry, map.id).flatMap { Identifiers.itemID($0) }.map { $0.first!.isLetter ? $0 : "\(prefix)-\($0)" } ?? "\(prefix)-\(index + 1)"
            while used.contains(id) { id += "-2" }
            used.insert(id)
            let drafts: [DraftOption]
            switch options(of: entry, at: location) {
            case .failure(let error):
                result.problems.append(ImportProblem(.skipped, at: location, item: label, error.reason))
                continue
            case .success(let found): drafts = found
            }
            var notes: [ImportProblem] = []
            switch ItemBuilding.choice(id: id, stem: stem, options: drafts, at: location, notes: &notes) {
            case .failure(let error):
                result.problems.append(ImportProblem(.skipped, at: location, item: label, error.reason))
            case .success(let item):
                result.file.items.append(item)
                result.problems += notes
                result.sourceTexts[id] = ([stem] + drafts.map(\.text)).joined(separator: "\n<br>\n")
                let tags = map.tags.flatMap { Self.value(entry, at: $0) }.map { $0.arrayValue ?? [$0] }?.compactMap(\.stringValue) ?? []
                if !tags.isEmpty { result.categories[id] = tags }
            }
        }
        return result
    }

    /// The options with the key applied, or why the question cannot be scored.
    private func options(of entry: JSONValue, at location: SourceLocation) -> Result<[DraftOption], ImportError> {
        var drafts: [DraftOption] = []
        var letters: [String] = []
        if let path = map.options, let value = Self.value(entry, at: path) {
            if let members = value.objectValue {
                letters = members.map(\.key)
                drafts = members.map { DraftOption(text: plain($0.value), correct: false, location: location) }
            } else {
                drafts = (value.arrayValue ?? []).map { DraftOption(text: plain($0), correct: false, location: location) }
            }
        }
        if let path = map.correct, let right = text(entry, path) {
            drafts.insert(DraftOption(text: right, correct: true, location: location), at: 0)
        }
        if let path = map.distractors, let others = Self.value(entry, at: path)?.arrayValue {
            drafts += others.map { DraftOption(text: plain($0), correct: false, location: location) }
        }
        if let path = map.key, let key = Self.value(entry, at: path) {
            for part in key.arrayValue ?? [key] {
                let raw = part.integerValue.map(String.init) ?? plain(part)
                if let index = part.integerValue, drafts.indices.contains(index) {
                    drafts[index].correct = true
                } else if let position = letters.firstIndex(of: raw) {
                    drafts[position].correct = true
                } else if let match = drafts.firstIndex(where: { $0.text == raw }) {
                    drafts[match].correct = true
                } else if let positions = AnswerKey.positions(raw, optionCount: drafts.count), raw.count <= 12 {
                    for position in positions { drafts[position].correct = true }
                } else {
                    return .failure(ImportError("the answer '\(raw)' matches none of the \(drafts.count) options (letters, a 0-based index or an option's text)"))
                }
            }
        }
        if let path = map.explanation, let why = text(entry, path), !why.isEmpty {
            for index in drafts.indices where drafts[index].correct { drafts[index].rationale = why }
        }
        return .success(drafts)
    }

    private func text(_ entry: JSONValue, _ path: String?) -> String? {
        path.flatMap { Self.value(entry, at: $0) }.map(plain)
    }

    /// A string or number as text; strings may hold HTML and entities (OpenTDB's `&quot;`).
    private func plain(_ value: JSONValue) -> String {
        let raw = value.stringValue ?? value.integerValue.map(String.init) ?? value.doubleValue.map { "\($0)" } ?? value.boolValue.map { $0 ? "True" : "False" } ?? ""
        return HTMLText.plain(raw).text
    }

    /// The value at a dot-separated path ("data.questions", "choices.0").
    static func value(_ root: JSONValue, at path: String) -> JSONValue? {
        var current: JSONValue? = root
        for segment in path.split(separator: ".") {
            if let index = Int(segment), let array = current?.arrayValue {
                current = array.indices.contains(index) ? array[index] : nil
            } else {
                current = current?[String(segment)]
            }
        }
        return current
    }
}

import QBankCore
import QBankJSON
import QBankLSP
import QBankRules

/// Hover, completion and go-to-definition: answers read from the bank in memory.
struct LanguageFeatures {
    var session: BankSession
    var path: String
    var document: TextDocument
    /// Open documents or files of the bank as documents, for locations in other files.
    var documentFor: (String) -> TextDocument?

    var isJSON: Bool { path.lowercased().hasSuffix(".json") }

    func context(at position: Position) -> CursorContext { CursorContext.at(position, in: document, isJSON: isJSON) }

    // MARK: Hover

    /// Markdown for the finding(s) and the id under the cursor, or nil when there is nothing to say.
    func hover(at position: Position, findings: [Diagnostic]) -> JSONValue? {
        var sections: [String] = []
        for finding in findings where DiagnosticConversion.range(of: finding.location, in: document).contains(position) {
            guard let rule = BuiltInRules.description(of: finding.ruleID) else { continue }
            sections.append("**\(rule.id) \(rule.name)** (\(finding.severity.rawValue))\n\n\(rule.summary)\n\n\(rule.rationale)\n\n[Documentation](\(rule.helpURI))")
        }
        let context = self.context(at: position)
        if let about = describe(context) { sections.append(about) }
        guard !sections.isEmpty else { return nil }
        return .object([
            "contents": .object(["kind": .string("markdown"), "value": .string(sections.joined(separator: "\n\n---\n\n"))]),
            "range": context.word.isEmpty ? nil : context.range.json,
        ])
    }

    private func describe(_ context: CursorContext) -> String? {
        guard !context.word.isEmpty else { return nil }
        let blueprint = session.blueprint
        switch context.slot {
        case .domain:
            guard let id = Int(context.word), let domain = blueprint?.domain(id) else { return nil }
            return "**Domain \(domain.id): \(domain.name)** (weight \(Self.number(domain.weight)))"
        case .task:
            guard let domain = blueprint?.domain(ofTask: context.word),
                  let task = domain.tasks.first(where: { $0.id == context.word }) else { return nil }
            return "**Task \(task.id): \(task.name)**\n\nDomain \(domain.id): \(domain.name)"
        case .enemy, .itemID:
            guard let item = session.bank.allItems.first(where: { $0.id == context.word }) else { return nil }
            return "**\(item.id)** (\(item.type.rawValue), task \(item.task))\n\n> \(item.stem.value)"
        case .matchResponse:
            guard let response = matchingResponse(context.word, near: context.range.start) else { return nil }
            return "**Response \(response.id)**: \(response.text.value)"
        case .rule:
            guard let rule = BuiltInRules.descriptions.first(where: { $0.id == context.word || $0.name == context.word }) else { return nil }
            return "**\(rule.id) \(rule.name)**\n\n\(rule.summary)\n\n[Documentation](\(rule.helpURI))"
        case .other:
            return nil
        }
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    // MARK: Completion

    func completion(at position: Position) -> JSONValue {
        let context = self.context(at: position)
        let blueprint = session.blueprint
        var items: [(label: String, detail: String, kind: Int, quoted: Bool)] = []
        switch context.slot {
        case .domain:
            items = (blueprint?.domains ?? []).map { (String($0.id), $0.name, 12, false) }
        case .task:
            items = (blueprint?.domains ?? []).flatMap { domain in domain.tasks.map { ($0.id, $0.name, 12, true) } }
        case .enemy:
            let here = item(at: position)?.id
            items = session.bank.allItems.filter { $0.id != here }.map { ($0.id, String($0.stem.value.prefix(80)), 18, true) }
        case .rule:
            items = BuiltInRules.descriptions.flatMap { rule in
                [(rule.id, "\(rule.name): \(rule.summary)", 14, true), (rule.name, "\(rule.id): \(rule.summary)", 14, true)]
            }
        case .matchResponse:
            if case .matching(let body)? = item(at: position)?.body {
                items = body.responses.map { ($0.id, $0.text.value, 12, true) }
            }
        case .itemID, .other:
            break
        }
        let quote = isJSON && !context.isQuoted
        return .object([
            "isIncomplete": .bool(false),
            "items": .array(items.map { item in
                let text = quote && item.quoted ? "\"\(item.label)\"" : item.label
                return .object([
                    "label": .string(item.label), "kind": .int(item.kind), "detail": .string(item.detail),
                    "textEdit": .object(["range": context.range.json, "newText": .string(text)]),
                ])
            }),
        ])
    }

    // MARK: Definition

    /// Where the id under the cursor is defined: an enemy's item, a prompt's response,
    /// or the first definition of a duplicated item id.
    func definition(at position: Position) -> [SourceLocation] {
        let context = self.context(at: position)
        guard !context.word.isEmpty else { return [] }
        switch context.slot {
        case .enemy:
            return session.bank.allItems.filter { $0.id == context.word }.compactMap(\.origin.location).prefix(1).map { $0 }
        case .matchResponse:
            return matchingResponse(context.word, near: context.range.start)?.origin.location.map { [$0] } ?? []
        case .itemID:
            let here = SourceLocation(file: path, line: position.line + 1, column: 1)
            let definitions = (session.bank.allItems.map { ($0.id, $0.origin) } + session.bank.allCases.map { ($0.id, $0.origin) })
                .filter { $0.0 == context.word }.compactMap { $0.1.location }
            guard definitions.count > 1 else { return [] }
            let others = definitions.filter { !($0.file == here.file && $0.line == here.line) }
            // The first definition, unless the cursor is on it: then the copies.
            return definitions.first.map { $0.file == here.file && $0.line == here.line ? others : [$0] } ?? []
        default:
            return []
        }
    }

    // MARK: Helpers

    /// The item whose element or object starts last before `position` in this file.
    func item(at position: Position) -> Item? {
        guard let file = session.files[path]?.read.file else { return nil }
        let cursor = SourceLocation(file: path, line: position.line + 1, column: position.character + 1)
        return file.allItems.filter { ($0.origin.location.map { $0 <= cursor }) ?? false }
            .max { ($0.origin.location ?? cursor) < ($1.origin.location ?? cursor) }
    }

    private func matchingResponse(_ id: String, near position: Position) -> MatchResponse? {
        guard case .matching(let body)? = item(at: position)?.body else { return nil }
        return body.responses.first { $0.id == id }
    }

    /// An LSP `Location` for a model position.
    func locationJSON(_ location: SourceLocation) -> JSONValue? {
        guard let target = documentFor(location.file) else { return nil }
        return .object(["uri": .string(target.uri), "range": DiagnosticConversion.range(of: location, in: target).json])
    }
}

import Foundation
import QBankCore
import QBankLSP
import QBankRules

/// A text edit in the file a code action is offered for.
public struct TextEdit: Sendable, Equatable {
    public var range: Range
    public var newText: String

    public init(range: Range, newText: String) {
        self.range = range
        self.newText = newText
    }
}

/// A quick fix: a title and the edits that carry it out in the finding's file.
public struct CodeAction: Sendable, Equatable {
    public var title: String
    public var edits: [TextEdit]
    public var isPreferred: Bool

    public init(title: String, edits: [TextEdit], isPreferred: Bool = false) {
        self.title = title
        self.edits = edits
        self.isPreferred = isPreferred
    }
}

/// What a provider sees of the finding's file and bank.
public struct CodeActionContext {
    public var path: String
    public var document: TextDocument
    /// The file's model as last read (nil when it does not parse).
    public var file: BankFile?
    public var bank: Bank

    public var isJSON: Bool { path.lowercased().hasSuffix(".json") }
}

/// Offers quick fixes for a finding. The server asks every provider; `lint --fix`'s
/// fixes (issue #16) plug in as one more provider.
public protocol CodeActionProvider: Sendable {
    func actions(for diagnostic: Diagnostic, in context: CodeActionContext) -> [CodeAction]
}

/// The providers the server asks, in the order their actions are listed.
public enum CodeActionProviders {
    public static let builtIn: [any CodeActionProvider] = [DeclareEnemiesAction(), SuppressFindingAction()]
}

/// Where an item or case study of the file starts, and its suppressions.
struct SuppressionTarget {
    var location: SourceLocation
    var suppressions: [Suppression]

    static func find(_ id: String, in file: BankFile) -> SuppressionTarget? {
        if let item = file.allItems.first(where: { $0.id == id }), let location = item.origin.location {
            return SuppressionTarget(location: location, suppressions: item.suppressions)
        }
        if let study = file.cases.first(where: { $0.id == id }), let location = study.origin.location {
            return SuppressionTarget(location: location, suppressions: study.suppressions)
        }
        return nil
    }
}

/// Text helpers for edits written in the file's own syntax.
enum EditText {
    static func position(_ location: SourceLocation) -> Position { Position(line: location.line - 1, character: location.column - 1) }

    static func insertion(at position: Position, _ text: String) -> TextEdit { TextEdit(range: Range(start: position, end: position), newText: text) }

    /// The white space that starts `line`.
    static func indentation(of line: Int, in document: TextDocument) -> String {
        String(decoding: document.line(line).prefix { $0 == 0x20 || $0 == 0x09 }, as: UTF16.self)
    }

    /// The position just after the first `needle` at or after `position`, if any.
    static func after(_ needle: String, from position: Position, in document: TextDocument, within limit: Int = 4096) -> Position? {
        let start = document.offset(of: position)
        let pattern = Array(needle.utf16)
        let units = document.units
        var index = start
        while index + pattern.count <= min(units.count, start + limit) {
            if units[index..<index + pattern.count].elementsEqual(pattern) { return document.position(of: index + pattern.count) }
            index += 1
        }
        return nil
    }

    static func quoted(_ text: String) -> String { JSONEscaping.quoted(text) }
}

/// "Suppress QBxxx for this item, with a reason": an XML `qbank-disable` comment before
/// the item, or the JSON item's `qbank` member; the rule is added to an existing one.
/// The reason is a placeholder the author must replace: a suppression is a reviewed decision.
public struct SuppressFindingAction: CodeActionProvider {
    public init() {}

    static func reasonPlaceholder(_ rule: String) -> String { "TODO say why \(rule) does not apply here" }

    public func actions(for diagnostic: Diagnostic, in context: CodeActionContext) -> [CodeAction] {
        // Findings about reading the file, or about suppressions themselves, are not suppressed this way.
        guard let id = diagnostic.itemID, let file = context.file, let target = SuppressionTarget.find(id, in: file),
              !ReaderRules.all.contains(where: { $0.id == diagnostic.ruleID }),
              BuiltInRules.description(of: diagnostic.ruleID)?.category != .suppression else { return [] }
        let rule = diagnostic.ruleID
        let edit = context.isJSON ? jsonEdit(rule, target, context.document) : xmlEdit(rule, target, context.document)
        guard let edit else { return [] }
        return [CodeAction(title: "Suppress \(rule) (\(diagnostic.ruleName)) for '\(id)', with a reason", edits: [edit])]
    }

    private func xmlEdit(_ rule: String, _ target: SuppressionTarget, _ document: TextDocument) -> TextEdit? {
        if let existing = target.suppressions.first?.origin.location,
           let keyword = EditText.after(Suppression.keyword, from: EditText.position(existing), in: document, within: 200) {
            return EditText.insertion(at: keyword, " \(rule)")
        }
        let line = target.location.line - 1
        let indent = EditText.indentation(of: line, in: document)
        return EditText.insertion(at: Position(line: line, character: 0),
                                  "\(indent)<!-- \(Suppression.keyword) \(rule) - \(Self.reasonPlaceholder(rule)) -->\n")
    }

    private func jsonEdit(_ rule: String, _ target: SuppressionTarget, _ document: TextDocument) -> TextEdit? {
        let start = EditText.position(target.location)
        if let existing = target.suppressions.first?.origin.location,
           let disable = EditText.after("\"disable\"", from: EditText.position(existing), in: document, within: 400),
           let bracket = EditText.after("[", from: disable, in: document, within: 40) {
            let empty = target.suppressions.first?.rules.isEmpty ?? true
            return EditText.insertion(at: bracket, EditText.quoted(rule) + (empty ? "" : ", "))
        }
        guard let brace = EditText.after("{", from: start, in: document, within: 1) else { return nil }
        let indent = EditText.indentation(of: start.line, in: document) + "  "
        let member = "\"qbank\": {\"disable\": [\(EditText.quoted(rule))], \"reason\": \(EditText.quoted(Self.reasonPlaceholder(rule)))},"
        return EditText.insertion(at: brace, "\n\(indent)\(member)")
    }
}

/// "Declare enemies" for near-duplicates (QB503): the other item goes into this item's
/// enemies, so assembly never puts the two on one form and the finding is answered.
public struct DeclareEnemiesAction: CodeActionProvider {
    public init() {}

    public func actions(for diagnostic: Diagnostic, in context: CodeActionContext) -> [CodeAction] {
        guard diagnostic.ruleID == DuplicateItemsRule.description.id, let id = diagnostic.itemID, let file = context.file,
              let item = file.allItems.first(where: { $0.id == id }), let start = item.origin.location else { return [] }
        let others = diagnostic.related.compactMap { related in
            context.bank.allItems.first { $0.origin.location == related.location }?.id
        }
        return others.filter { other in other != id && !item.enemies.contains { $0.id == other } }.compactMap { other in
            let edit = context.isJSON ? jsonEdit(other, item, start, context.document) : xmlEdit(other, item, start, context.document)
            return edit.map { CodeAction(title: "Declare '\(id)' and '\(other)' enemies (never on one form)", edits: [$0], isPreferred: true) }
        }
    }

    private func xmlEdit(_ other: String, _ item: Item, _ start: SourceLocation, _ document: TextDocument) -> TextEdit? {
        let enemy = "<enemy ref=\"\(XMLEscaping.attribute(other))\"/>"
        if let first = item.enemies.first?.origin.location {
            let indent = EditText.indentation(of: first.line - 1, in: document)
            return EditText.insertion(at: EditText.position(first), "\(enemy)\n\(indent)")
        }
        // <enemies> goes after <tags> and before <stats> (the schema's order).
        let itemStart = EditText.position(start)
        let end = EditText.after("</item>", from: itemStart, in: document, within: 200_000)
        let stats = EditText.after("<stats", from: itemStart, in: document, within: 200_000)
        guard let end else { return nil }
        let itemIndent = EditText.indentation(of: itemStart.line, in: document)
        let indent = itemIndent + "  "
        let block = "<enemies>\n\(indent)  \(enemy)\n\(indent)</enemies>\n"
        if let stats, stats < end {
            return EditText.insertion(at: Position(line: stats.line, character: stats.character - 6), block + indent)
        }
        return EditText.insertion(at: Position(line: end.line, character: end.character - 7), "  " + block + itemIndent)
    }

    private func jsonEdit(_ other: String, _ item: Item, _ start: SourceLocation, _ document: TextDocument) -> TextEdit? {
        if let first = item.enemies.first?.origin.location {
            return EditText.insertion(at: EditText.position(first), EditText.quoted(other) + ", ")
        }
        guard let brace = EditText.after("{", from: EditText.position(start), in: document, within: 1) else { return nil }
        let indent = EditText.indentation(of: start.line - 1, in: document) + "  "
        return EditText.insertion(at: brace, "\n\(indent)\"enemies\": [\(EditText.quoted(other))],")
    }
}

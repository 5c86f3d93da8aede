import Foundation
import QBankCore
import QBankLSP
import QBankRules

/// An edit of the buffer a code action is offered for, by LSP range.
public struct RangeEdit: Sendable, Equatable {
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
    public var edits: [RangeEdit]
    public var isPreferred: Bool

    public init(title: String, edits: [RangeEdit], isPreferred: Bool = false) {
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

/// Offers quick fixes for a finding. The server asks every provider, in order.
public protocol CodeActionProvider: Sendable {
    func actions(for diagnostic: Diagnostic, in context: CodeActionContext) -> [CodeAction]
}

/// The providers the server asks, in the order their actions are listed.
public enum CodeActionProviders {
    public static let builtIn: [any CodeActionProvider] = [LintFixAction(), SuppressFindingAction()]
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

    static func insertion(at position: Position, _ text: String) -> RangeEdit { RangeEdit(range: Range(start: position, end: position), newText: text) }

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

    private func xmlEdit(_ rule: String, _ target: SuppressionTarget, _ document: TextDocument) -> RangeEdit? {
        if let existing = target.suppressions.first?.origin.location,
           let keyword = EditText.after(Suppression.keyword, from: EditText.position(existing), in: document, within: 200) {
            return EditText.insertion(at: keyword, " \(rule)")
        }
        let line = target.location.line - 1
        let indent = EditText.indentation(of: line, in: document)
        return EditText.insertion(at: Position(line: line, character: 0),
                                  "\(indent)<!-- \(Suppression.keyword) \(rule) - \(Self.reasonPlaceholder(rule)) -->\n")
    }

    private func jsonEdit(_ rule: String, _ target: SuppressionTarget, _ document: TextDocument) -> RangeEdit? {
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

/// `qbank lint --fix`'s fixes as quick fixes: the rule's own byte edits (issue #16's `Fix`) turned
/// into ranges of the buffer they were computed on. Safe fixes are preferred; unsafe ones (which
/// `--fix` applies only with `--unsafe-fixes`) are offered too, marked, since here the author
/// reviews each one (e.g. QB503's "declare enemies").
public struct LintFixAction: CodeActionProvider {
    public init() {}

    public func actions(for diagnostic: Diagnostic, in context: CodeActionContext) -> [CodeAction] {
        guard let fix = diagnostic.fix, !fix.edits.isEmpty, fix.edits.allSatisfy({ $0.file == context.path }) else { return [] }
        let edits = fix.edits.map { edit in
            RangeEdit(range: Range(start: context.document.position(ofUTF8Offset: edit.start), end: context.document.position(ofUTF8Offset: edit.end)),
                      newText: edit.replacement)
        }
        let safe = fix.applicability == .safe
        let title = fix.title.prefix(1).uppercased() + fix.title.dropFirst()
        return [CodeAction(title: safe ? title : "\(title) (unsafe fix: check it)", edits: edits, isPreferred: safe)]
    }
}

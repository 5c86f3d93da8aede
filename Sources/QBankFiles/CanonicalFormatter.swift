import Foundation
import QBankCore
import QBankJSON
import QBankXML

/// Rewrites bank files into the canonical form of their syntax (`XMLBankWriter`,
/// `JSONBankWriter`) without changing what they mean, or says why it will not.
public enum CanonicalFormatter {
    public enum Outcome: Sendable, Equatable {
        case unchanged
        /// The canonical text; the file differs from it.
        case changed(String)
        /// The file is left alone; `reason` says why and what to do.
        case refused(reason: String, diagnostics: [Diagnostic])
    }

    public static func format(_ path: String) -> Outcome {
        guard let data = FileManager.default.contents(atPath: path) else {
            return .refused(reason: "cannot read the file", diagnostics: [])
        }
        return format(text: String(decoding: data, as: UTF8.self), path: path)
    }

    /// Formats `text` as the content of the file at `path` (an editor's buffer).
    public static func format(text original: String, path: String) -> Outcome {
        let data = Data(original.utf8)
        let isJSON = path.lowercased().hasSuffix(".json")
        if !isJSON && hasComments(data) {
            return .refused(reason: "contains XML comments, which the canonical writer would drop; move what they say into the item (or remove them) and run fmt again", diagnostics: [])
        }
        let read = BankLoader.read([UInt8](data), path: path)
        let problems = read.diagnostics.filter { $0.ruleID == ReaderRules.syntaxError.id || $0.ruleID == ReaderRules.schemaViolation.id }
        guard problems.isEmpty, let file = read.file else {
            return .refused(reason: "has syntax or schema errors (QB001/QB002); fix them first (`qbank lint \(path)`)", diagnostics: problems)
        }
        // Schema links are kept: editors use them, the model does not hold them.
        let canonical = isJSON ? JSONBankWriter(schema: schemaReference(data)).write(file)
            : XMLBankWriter(schemaLocation: BankSniffer.schemaLocation([UInt8](data.prefix(BankSniffer.xmlHeadLength)))).write(file)
        // Never write something that reads back differently.
        let again = isJSON ? JSONBankReader().read([UInt8](canonical.utf8), path: path) : XMLBankReader().read([UInt8](canonical.utf8), path: path)
        guard let reread = again.file, reread.items == file.items, reread.cases == file.cases else {
            return .refused(reason: "the canonical form would not read back the same (this is a bug; please report it)", diagnostics: [])
        }
        return canonical == original ? .unchanged : .changed(canonical)
    }

    /// The model has no place for XML comments yet, so any rewrite (fmt, an import merge) would silently drop them,
    /// suppression comments among them: such files are refused instead.
    public static func hasComments(_ data: Data) -> Bool {
        data.range(of: Data("<!--".utf8)) != nil
    }

    /// The schema link a rewrite of the bank file at `path` writes (an import merging into it): the one the file has
    /// now, as `fmt` keeps it, else `fallback` (SchemaLinks) for a new file or one without a link.
    public static func schemaLink(of path: String, default fallback: String) -> String {
        guard let data = FileManager.default.contents(atPath: path) else { return fallback }
        let existing = path.lowercased().hasSuffix(".json") ? schemaReference(data)
            : BankSniffer.schemaLocation([UInt8](data.prefix(BankSniffer.xmlHeadLength)))
        return existing ?? fallback
    }

    /// The top-level `$schema` of a JSON bank file: editors use it, the model does not keep it.
    static func schemaReference(_ data: Data) -> String? {
        (try? JSONSerialization.jsonObject(with: data) as? [String: Any])?["$schema"] as? String
    }
}

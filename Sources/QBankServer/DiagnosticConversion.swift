import QBankCore
import QBankJSON
import QBankLSP
import QBankRules

/// Findings as LSP diagnostics. The code's documentation link is the rule's `helpURI`
/// (`https://qbank.dev/rules/QBxxx`, the same link SARIF carries), so every client
/// shows one place to read about a rule.
enum DiagnosticConversion {
    /// The LSP range of a finding: from its position to the end of the token there (a
    /// tag, a quoted string or a word), so editors underline what the finding is about.
    static func range(of location: SourceLocation, in document: TextDocument) -> Range {
        let start = Position(line: location.line - 1, character: location.column - 1)
        let line = document.line(start.line)
        guard start.character < line.count else { return Range(start: start, end: start) }
        var end = start.character
        switch line[end] {
        case UInt16(UInt8(ascii: "<")):
            while end < line.count, line[end] != UInt16(UInt8(ascii: ">")) { end += 1 }
            end = min(end + 1, line.count)
        case UInt16(UInt8(ascii: "\"")):
            end += 1
            while end < line.count, line[end] != UInt16(UInt8(ascii: "\"")) {
                end += line[end] == UInt16(UInt8(ascii: "\\")) ? 2 : 1
            }
            end = min(end + 1, line.count)
        default:
            while end < line.count, CursorContext.isWordUnit(line[end]) { end += 1 }
            if end == start.character { end = line.count }
        }
        return Range(start: start, end: Position(line: start.line, character: max(end, start.character + 1)))
    }

    /// Rules whose findings mark text that can simply go: editors fade it.
    static let unnecessaryRules: Set<String> = [UnusedSuppressionRule.description.id]

    static func json(_ diagnostic: Diagnostic, in document: TextDocument, documents: (String) -> TextDocument?) -> JSONValue {
        let severity: Int = switch diagnostic.severity {
        case .error: 1
        case .warning: 2
        case .info: 3
        }
        let related: [JSONValue] = diagnostic.related.compactMap { related in
            guard let other = documents(related.location.file) else { return nil }
            return .object([
                "location": .object([
                    "uri": .string(other.uri),
                    "range": range(of: related.location, in: other).json,
                ]),
                "message": .string(related.message),
            ])
        }
        let helpURI = BuiltInRules.description(of: diagnostic.ruleID)?.helpURI
        return .object([
            "range": range(of: diagnostic.location, in: document).json,
            "severity": .int(severity),
            "code": .string(diagnostic.ruleID),
            "codeDescription": helpURI.map { .object(["href": .string($0)]) },
            "source": .string("qbank"),
            "message": .string("\(diagnostic.message) [\(diagnostic.ruleName)]"),
            "tags": unnecessaryRules.contains(diagnostic.ruleID) ? .array([.int(1)]) : nil,
            "relatedInformation": related.isEmpty ? nil : .array(related),
            "data": diagnostic.itemID.map { .object(["item": .string($0)]) },
        ])
    }
}

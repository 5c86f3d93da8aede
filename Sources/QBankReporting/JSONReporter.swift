import QBankCore

/// The `--format json` contract CI scripts parse (DESIGN.md, "Machine-readable contracts").
///
/// `version` is bumped only on incompatible change; fields may be added. Keys are
/// sorted; `item` is `null` (never missing) when a finding has no item; `file` is the
/// path as the user named it.
///
/// Written straight into UTF-8 bytes, in the layout `JSONValue.rendered()` gives (keys sorted
/// by UTF-8 bytes, two-space indent): the finding shape is fixed, so its key order is spelled
/// out below instead of building and sorting a dictionary per finding, which was most of a
/// warm (cached) run; and bytes, not a `String`, since a `String` append costs hundreds of
/// instructions and a finding takes about twenty.
public struct JSONReporter: Reporter {
    public static let schemaVersion = 1

    public init() {}

    public func render(_ report: LintReport) -> String {
        let counts = report.counts
        var out: [UInt8] = []
        out.reserveCapacity(256 + report.diagnostics.count * 360)
        out += "{\n  \"findings\": ".utf8
        JSONReporter.write(report.diagnostics, closing: "\n  ]", to: &out) { JSONReporter.write($0, to: &$1) }
        out += ",\n  \"summary\": {\n    \"errors\": \(counts.errors),\n    \"files\": \(report.filesChecked)".utf8
        out += ",\n    \"infos\": \(counts.infos),\n    \"items\": \(report.itemsChecked)".utf8
        out += ",\n    \"warnings\": \(counts.warnings)\n  },\n  \"tool\": {\n    \"name\": \"qbank\",\n    \"version\": ".utf8
        JSONEscaping.append(report.toolVersion, to: &out)
        out += "\n  },\n  \"version\": \(JSONReporter.schemaVersion)\n}\n".utf8
        return String(decoding: out, as: UTF8.self)
    }

    /// An array whose elements `element` writes already indented; `[]` when empty, as `JSONValue` writes it.
    private static func write<Element>(_ elements: [Element], closing: StaticString, to out: inout [UInt8],
                                       _ element: (Element, inout [UInt8]) -> Void) {
        guard !elements.isEmpty else { append("[]", to: &out); return }
        append("[\n", to: &out)
        for index in elements.indices {
            if index > 0 { append(",\n", to: &out) }
            element(elements[index], &out)
        }
        append(closing, to: &out)
    }

    /// One finding at depth 2 (inside the top-level `findings` array), keys in UTF-8 order:
    /// column, file, item, line, message, name, related, rule, severity.
    private static func write(_ diagnostic: Diagnostic, to out: inout [UInt8]) {
        field("    {\n      \"column\": ", diagnostic.location.column, to: &out)
        field(",\n      \"file\": ", diagnostic.location.file, to: &out)
        field(",\n      \"item\": ", diagnostic.itemID, to: &out)
        field(",\n      \"line\": ", diagnostic.location.line, to: &out)
        field(",\n      \"message\": ", diagnostic.message, to: &out)
        field(",\n      \"name\": ", diagnostic.ruleName, to: &out)
        append(",\n      \"related\": ", to: &out)
        write(diagnostic.related, closing: "\n      ]", to: &out) { write($0, to: &$1) }
        field(",\n      \"rule\": ", diagnostic.ruleID, to: &out)
        field(",\n      \"severity\": ", diagnostic.severity.rawValue, to: &out)
        append("\n    }", to: &out)
    }

    /// One related location at depth 4, keys in UTF-8 order: column, file, line, message.
    private static func write(_ related: RelatedLocation, to out: inout [UInt8]) {
        field("        {\n          \"column\": ", related.location.column, to: &out)
        field(",\n          \"file\": ", related.location.file, to: &out)
        field(",\n          \"line\": ", related.location.line, to: &out)
        field(",\n          \"message\": ", related.message, to: &out)
        append("\n        }", to: &out)
    }

    /// `lead` (comma, line break, indentation, key) then the value: a JSON string, or `null` for nil.
    private static func field(_ lead: StaticString, _ value: String?, to out: inout [UInt8]) {
        append(lead, to: &out)
        if let value { JSONEscaping.append(value, to: &out) } else { append("null", to: &out) }
    }

    private static func field(_ lead: StaticString, _ value: Int, to out: inout [UInt8]) {
        append(lead, to: &out)
        out += String(value).utf8
    }

    private static func append(_ literal: StaticString, to out: inout [UInt8]) {
        literal.withUTF8Buffer { out.append(contentsOf: $0) }
    }
}

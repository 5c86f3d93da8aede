import QBankCore

/// The `--format json` contract CI scripts parse (DESIGN.md, "Machine-readable contracts").
///
/// `version` is bumped only on incompatible change; fields may be added. Keys are
/// sorted; `item` is `null` (never missing) when a finding has no item; `file` is the
/// path as the user named it.
///
/// Written straight into one string, in the layout `JSONValue.rendered()` gives (keys sorted
/// by UTF-8 bytes, two-space indent): the finding shape is fixed, so its key order is spelled
/// out below instead of building and sorting a dictionary per finding, which was most of a
/// warm (cached) run.
public struct JSONReporter: Reporter {
    public static let schemaVersion = 1

    public init() {}

    public func render(_ report: LintReport) -> String {
        let counts = report.counts
        var out = ""
        out.reserveCapacity(256 + report.diagnostics.count * 320)
        out += "{\n  \"findings\": "
        JSONReporter.write(report.diagnostics, closing: "\n  ]", to: &out) { JSONReporter.write($0, to: &$1) }
        out += ",\n  \"summary\": {\n    \"errors\": \(counts.errors),\n    \"files\": \(report.filesChecked)"
        out += ",\n    \"infos\": \(counts.infos),\n    \"items\": \(report.itemsChecked)"
        out += ",\n    \"warnings\": \(counts.warnings)\n  },\n  \"tool\": {\n    \"name\": \"qbank\",\n    \"version\": "
        JSONEscaping.append(report.toolVersion, to: &out)
        out += "\n  },\n  \"version\": \(JSONReporter.schemaVersion)\n}\n"
        return out
    }

    /// An array whose elements `element` writes already indented; `[]` when empty, as `JSONValue` writes it.
    private static func write<Element>(_ elements: [Element], closing: String, to out: inout String,
                                       _ element: (Element, inout String) -> Void) {
        guard !elements.isEmpty else { out += "[]"; return }
        out += "[\n"
        for (index, value) in elements.enumerated() {
            if index > 0 { out += ",\n" }
            element(value, &out)
        }
        out += closing
    }

    /// One finding at depth 2 (inside the top-level `findings` array), keys in UTF-8 order:
    /// column, file, item, line, message, name, related, rule, severity.
    private static func write(_ diagnostic: Diagnostic, to out: inout String) {
        field("    {\n      \"column\": ", diagnostic.location.column, to: &out)
        field(",\n      \"file\": ", diagnostic.location.file, to: &out)
        field(",\n      \"item\": ", diagnostic.itemID, to: &out)
        field(",\n      \"line\": ", diagnostic.location.line, to: &out)
        field(",\n      \"message\": ", diagnostic.message, to: &out)
        field(",\n      \"name\": ", diagnostic.ruleName, to: &out)
        out += ",\n      \"related\": "
        write(diagnostic.related, closing: "\n      ]", to: &out) { write($0, to: &$1) }
        field(",\n      \"rule\": ", diagnostic.ruleID, to: &out)
        field(",\n      \"severity\": ", diagnostic.severity.rawValue, to: &out)
        out += "\n    }"
    }

    /// One related location at depth 4, keys in UTF-8 order: column, file, line, message.
    private static func write(_ related: RelatedLocation, to out: inout String) {
        field("        {\n          \"column\": ", related.location.column, to: &out)
        field(",\n          \"file\": ", related.location.file, to: &out)
        field(",\n          \"line\": ", related.location.line, to: &out)
        field(",\n          \"message\": ", related.message, to: &out)
        out += "\n        }"
    }

    /// `lead` (comma, line break, indentation, key) then the value: a JSON string, or `null` for nil.
    private static func field(_ lead: String, _ value: String?, to out: inout String) {
        out += lead
        if let value { JSONEscaping.append(value, to: &out) } else { out += "null" }
    }

    private static func field(_ lead: String, _ value: Int, to out: inout String) {
        out += lead
        out += String(value)
    }
}

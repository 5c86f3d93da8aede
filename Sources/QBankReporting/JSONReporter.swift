import QBankCore

/// The `--format json` contract CI scripts parse (DESIGN.md, "Machine-readable contracts").
///
/// `version` is bumped only on incompatible change; fields may be added. Keys are
/// sorted; `item` is `null` (never missing) when a finding has no item; `file` is the
/// path as the user named it.
public struct JSONReporter: Reporter {
    public static let schemaVersion = 1

    public init() {}

    public func render(_ report: LintReport) -> String {
        let counts = report.counts
        let document: JSONValue = [
            "version": .int(JSONReporter.schemaVersion),
            "tool": ["name": "qbank", "version": .string(report.toolVersion)],
            "summary": [
                "errors": .int(counts.errors), "warnings": .int(counts.warnings), "infos": .int(counts.infos),
                "files": .int(report.filesChecked), "items": .int(report.itemsChecked),
            ],
            "findings": .array(report.diagnostics.map(JSONReporter.finding)),
        ]
        return document.rendered()
    }

    static func finding(_ diagnostic: Diagnostic) -> JSONValue {
        [
            "rule": .string(diagnostic.ruleID),
            "name": .string(diagnostic.ruleName),
            "severity": .string(diagnostic.severity.rawValue),
            "message": .string(diagnostic.message),
            "file": .string(diagnostic.location.file),
            "line": .int(diagnostic.location.line),
            "column": .int(diagnostic.location.column),
            "item": .string(diagnostic.itemID),
            "related": .array(diagnostic.related.map { related in
                [
                    "message": .string(related.message),
                    "file": .string(related.location.file),
                    "line": .int(related.location.line),
                    "column": .int(related.location.column),
                ]
            }),
        ]
    }
}

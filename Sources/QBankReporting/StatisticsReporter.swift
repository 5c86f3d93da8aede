import QBankCore

/// Per-rule counts for `--statistics`, for triage (lint/UX.md §6 item 10). The caller
/// prints this on stderr so the main report on stdout stays machine-readable.
///
/// Rows are sorted by count (most first), then rule id. A rule's severity is the worst
/// it was reported at in this run (per-rule overrides make them all equal anyway).
public struct StatisticsReporter: Reporter {
    public enum Style: String, CaseIterable, Sendable { case text, json }

    public struct Row: Equatable, Sendable {
        public var count: Int
        public var ruleID: String
        public var ruleName: String
        public var severity: Severity
    }

    public var style: Style

    public init(style: Style = .text) { self.style = style }

    public func render(_ report: LintReport) -> String {
        let rows = StatisticsReporter.rows(report.diagnostics)
        switch style {
        case .text: return StatisticsReporter.table(rows)
        case .json:
            let document: JSONValue = [
                "version": 1,
                "total": .int(report.diagnostics.count),
                "rules": .array(rows.map { row in
                    ["count": .int(row.count), "rule": .string(row.ruleID), "name": .string(row.ruleName),
                     "severity": .string(row.severity.rawValue)]
                }),
            ]
            return document.rendered()
        }
    }

    public static func rows(_ diagnostics: [Diagnostic]) -> [Row] {
        var byRule: [String: Row] = [:]
        for diagnostic in diagnostics {
            var row = byRule[diagnostic.ruleID]
                ?? Row(count: 0, ruleID: diagnostic.ruleID, ruleName: diagnostic.ruleName, severity: diagnostic.severity)
            row.count += 1
            row.severity = max(row.severity, diagnostic.severity)
            byRule[diagnostic.ruleID] = row
        }
        return byRule.values.sorted { ($1.count, $0.ruleID) < ($0.count, $1.ruleID) }
    }

    /// Right-aligned counts, left-aligned text columns, then a total line.
    static func table(_ rows: [Row]) -> String {
        guard !rows.isEmpty else { return "No findings.\n" }
        let header = (count: "count", rule: "rule", name: "name", severity: "severity")
        let countWidth = max(header.count.count, rows.map { String($0.count).count }.max() ?? 0)
        let ruleWidth = max(header.rule.count, rows.map(\.ruleID.count).max() ?? 0)
        let nameWidth = max(header.name.count, rows.map(\.ruleName.count).max() ?? 0)
        func line(_ count: String, _ rule: String, _ name: String, _ severity: String) -> String {
            String(repeating: " ", count: countWidth - count.count) + count + "  "
                + rule + String(repeating: " ", count: ruleWidth - rule.count) + "  "
                + name + String(repeating: " ", count: nameWidth - name.count) + "  " + severity
        }
        var out = line(header.count, header.rule, header.name, header.severity) + "\n"
        for row in rows {
            out += line(String(row.count), row.ruleID, row.ruleName, row.severity.rawValue) + "\n"
        }
        let total = rows.reduce(0) { $0 + $1.count }
        out += line(String(total), "", "total", "").trimmingTrailingSpaces() + "\n"
        return out
    }
}

private extension String {
    func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}

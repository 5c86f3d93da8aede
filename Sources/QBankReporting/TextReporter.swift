import QBankCore

/// Compiler-style output for people:
///
///     banks/aws.xml:12:7: error: Item 'q1' has 2 keys; mark exactly one. [QB101 single-answer-key-count]
///         <option id="b" correct="true">S3</option>
///           ^
///     banks/aws.xml:9:7: note: the other key
///
/// then one summary line. The source line is echoed with tabs expanded, and the caret
/// is placed by converting the UTF-16 column to display cells, so it lines up under
/// multibyte and wide text.
public struct TextReporter: Reporter {
    /// ANSI colours; the caller turns them on only when writing to a terminal.
    public var colors: Bool
    /// The closing summary line; `--quiet` leaves it out.
    public var summary: Bool
    /// Findings shown in full per rule when several rules report; the rest of each rule's findings become one
    /// line, so one rule firing on every item (QB110 on an imported bank) does not bury the others. 0 shows all.
    public var maximumPerRule: Int

    public init(colors: Bool = false, summary: Bool = true, maximumPerRule: Int = 0) {
        self.colors = colors
        self.summary = summary
        self.maximumPerRule = maximumPerRule
    }

    public func render(_ report: LintReport) -> String {
        var out = ""
        let (shown, more) = grouped(report.diagnostics)
        for diagnostic in shown {
            out += lines(for: diagnostic, in: report).joined(separator: "\n") + "\n"
        }
        if !more.isEmpty {
            out += "\n" + more.map { group in
                style("… \(group.count) more \(group.severity.rawValue)\(group.count == 1 ? "" : "s")", .bold) + " like the above "
                    + style("[\(group.rule) \(group.name)]", .dim)
            }.joined(separator: "\n") + "\n" + "(--max-per-rule 0 lists every finding; --select RULE lists one rule's)\n"
        }
        guard summary else { return out }
        if !report.diagnostics.isEmpty { out += "\n" }
        out += style(TextReporter.summary(report), .bold) + "\n"
        return out
    }

    /// The findings to print in full (the first `maximumPerRule` of each rule, in report order) and, per rule
    /// in code order, how many more there are. Nothing is held back when only one rule reports.
    func grouped(_ diagnostics: [Diagnostic]) -> (shown: [Diagnostic], more: [(rule: String, name: String, severity: Severity, count: Int)]) {
        guard maximumPerRule > 0, Set(diagnostics.map(\.ruleID)).count > 1 else { return (diagnostics, []) }
        var seen: [String: Int] = [:]
        var shown: [Diagnostic] = []
        var hidden: [String: (name: String, severity: Severity, count: Int)] = [:]
        for diagnostic in diagnostics {
            seen[diagnostic.ruleID, default: 0] += 1
            if seen[diagnostic.ruleID]! <= maximumPerRule {
                shown.append(diagnostic)
            } else {
                let previous = hidden[diagnostic.ruleID]
                hidden[diagnostic.ruleID] = (diagnostic.ruleName, max(previous?.severity ?? diagnostic.severity, diagnostic.severity), (previous?.count ?? 0) + 1)
            }
        }
        let more = hidden.keys.sorted().map { rule in (rule: rule, name: hidden[rule]!.name, severity: hidden[rule]!.severity, count: hidden[rule]!.count) }
        return (shown, more)
    }

    /// The finding's lines: headline, source line and caret (when the source is known), notes.
    func lines(for diagnostic: Diagnostic, in report: LintReport) -> [String] {
        let tag = "[\(diagnostic.ruleID) \(diagnostic.ruleName)]"
        var lines = [
            style("\(diagnostic.location):", .bold) + " "
                + style(TextReporter.label(diagnostic.severity) + ":", severityStyle(diagnostic.severity)) + " "
                + style(diagnostic.message, .bold) + " " + style(tag, .dim),
        ]
        lines += snippet(at: diagnostic.location, in: report)
        for related in diagnostic.related {
            lines.append(style("\(related.location):", .bold) + " " + style("note:", .note) + " " + related.message)
            lines += snippet(at: related.location, in: report)
        }
        return lines
    }

    /// The uncoloured headline, for other reporters that fall back to plain text.
    static func headline(_ diagnostic: Diagnostic) -> String {
        "\(diagnostic.location): \(label(diagnostic.severity)): \(diagnostic.message) "
            + "[\(diagnostic.ruleID) \(diagnostic.ruleName)]"
    }

    /// `N errors, M warnings, K infos in F files (I items)` or the all-clear line.
    static func summary(_ report: LintReport) -> String {
        let scope = "\(plural(report.filesChecked, "file")) (\(plural(report.itemsChecked, "item")))"
        let counts = report.counts
        if report.diagnostics.isEmpty { return "No problems found in \(scope)." }
        return "\(plural(counts.errors, "error")), \(plural(counts.warnings, "warning")), "
            + "\(plural(counts.infos, "info")) in \(scope)"
    }

    static func label(_ severity: Severity) -> String { severity.rawValue }

    private static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }

    /// The longest source line echoed under a finding, in UTF-16 units (the unit of columns).
    static let maximumEchoedUTF16 = 240

    private func snippet(at location: SourceLocation, in report: LintReport) -> [String] {
        guard var line = report.sourceLine(location.file, location.line) else { return [] }
        // A minified or hostile line is cut: the finding is on it, the log need not hold all of it.
        if line.utf16.count > Self.maximumEchoedUTF16 {
            guard location.column <= Self.maximumEchoedUTF16 else { return [] }
            var units = 0
            line = Substring(line.prefix { units += $0.utf16.count; return units <= Self.maximumEchoedUTF16 } + "…")
        }
        let layout = SourceText.caretLayout(line: line, utf16Column: location.column)
        return [layout.text, String(repeating: " ", count: layout.caretOffset) + style("^", .caret)]
    }

    // MARK: Colours

    private enum Style: String {
        case bold = "1", dim = "2", error = "1;31", warning = "1;35", info = "1;36", note = "1;39", caret = "1;32"
    }

    private func severityStyle(_ severity: Severity) -> Style {
        switch severity {
        case .error: .error
        case .warning: .warning
        case .info: .info
        }
    }

    private func style(_ text: String, _ style: Style) -> String {
        colors ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }
}

import QBankCore

/// GitHub Actions workflow commands: one `::error`/`::warning`/`::notice` per finding.
///
/// GitHub shows at most 10 annotations of each level per step (50 per job) and drops
/// the rest silently (actions/toolkit#734). So every finding is still annotated, but
/// findings past the first 10 of their level are also printed as plain text lines,
/// followed by a roll-up pointing at SARIF upload, which has no such cap.
public struct GitHubReporter: Reporter {
    /// Annotations GitHub displays per level per step.
    public static let annotationLimit = 10

    public init() {}

    public func render(_ report: LintReport) -> String {
        var out = ""
        var shown: [Severity: Int] = [:]
        var overflow: [Diagnostic] = []
        for diagnostic in report.diagnostics {
            out += annotation(diagnostic, report) + "\n"
            shown[diagnostic.severity, default: 0] += 1
            if shown[diagnostic.severity]! > GitHubReporter.annotationLimit { overflow.append(diagnostic) }
        }
        if !overflow.isEmpty {
            for diagnostic in overflow {
                out += TextReporter.headline(diagnostic) + "\n"
                for related in diagnostic.related { out += "\(related.location): note: \(related.message)\n" }
            }
            let noun = overflow.count == 1 ? "finding was" : "findings were"
            out += "qbank: \(overflow.count) \(noun) not shown as annotations (GitHub shows at most "
                + "\(GitHubReporter.annotationLimit) errors, \(GitHubReporter.annotationLimit) warnings and "
                + "\(GitHubReporter.annotationLimit) notices per step); they are listed above. For all findings "
                + "in the pull request, upload `qbank lint --format sarif` with github/codeql-action/upload-sarif.\n"
        }
        out += TextReporter.summary(report) + "\n"
        return out
    }

    func annotation(_ diagnostic: Diagnostic, _ report: LintReport) -> String {
        let command: String
        switch diagnostic.severity {
        case .error: command = "error"
        case .warning: command = "warning"
        case .info: command = "notice"
        }
        let properties = [
            ("file", report.artifactPath(diagnostic.location.file).workflowPath),
            ("line", String(diagnostic.location.line)),
            ("col", String(diagnostic.location.column)),
            ("title", "\(diagnostic.ruleID) \(diagnostic.ruleName)"),
        ].map { "\($0)=\(GitHubReporter.escapeProperty($1))" }.joined(separator: ",")
        var message = diagnostic.message
        for related in diagnostic.related {
            let path = report.artifactPath(related.location.file).workflowPath
            message += "\nnote: \(path):\(related.location.line):\(related.location.column): \(related.message)"
        }
        return "::\(command) \(properties)::\(GitHubReporter.escapeData(message))"
    }

    /// Message escaping, as in `@actions/core`'s `escapeData`.
    static func escapeData(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Property escaping, as in `@actions/core`'s `escapeProperty`: also `:` and `,`.
    static func escapeProperty(_ text: String) -> String {
        var out = ""
        for scalar in escapeData(text).unicodeScalars {
            switch scalar {
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

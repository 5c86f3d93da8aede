import QBankCore

/// GitLab Code Quality (a JSON array of CodeClimate issues, as Ruff and SwiftLint write it):
/// `description`, `check_name`, `fingerprint`, `severity` and `location.path`/`lines.begin`,
/// the fields GitLab's merge-request widget reads. Paths are repo-relative; the fingerprint is
/// the SARIF logical key hashed (stable when items move; `:N` keeps equal keys apart).
public struct GitLabReporter: Reporter {
    public init() {}

    public func render(_ report: LintReport) -> String {
        let keys = SARIFReporter.numberedKeys(report.diagnostics, in: report)
        let issues: [JSONValue] = zip(report.diagnostics, keys).map { diagnostic, key in
            [
                "type": "issue",
                "check_name": .string("\(diagnostic.ruleID) \(diagnostic.ruleName)"),
                "description": .string(diagnostic.message),
                "categories": ["Style"],
                "severity": .string(GitLabReporter.severity(diagnostic.severity)),
                "fingerprint": .string(StableHash.hex(key)),
                "location": [
                    "path": .string(report.artifactPath(diagnostic.location.file).workflowPath),
                    "lines": ["begin": .int(diagnostic.location.line), "end": .int(diagnostic.end?.line ?? diagnostic.location.line)],
                ],
            ]
        }
        return JSONValue.array(issues).rendered()
    }

    /// Code Quality severities: info, minor, major, critical, blocker.
    static func severity(_ severity: Severity) -> String {
        switch severity {
        case .error: "major"
        case .warning: "minor"
        case .info: "info"
        }
    }
}

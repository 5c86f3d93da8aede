import QBankCore

/// JUnit XML for CI test-report views (GitLab `artifacts:reports:junit`, Jenkins `junit`).
///
/// Shape, chosen so each problem is its own row in those views and clean files still
/// count as passing tests:
/// - one `<testsuite name="qbank">` inside `<testsuites>`;
/// - one `<testcase>` per finding, `classname` and `file` = the repo-relative path (GitLab
///   links `file`), `name` = `QB101 rule-name (item)`: the item id rather than a line when
///   there is one, so test history survives edits; repeats get ` #2`, ` #3` so names stay unique;
///   errors and warnings carry a `<failure type="error|warning">`, infos pass with the
///   finding in `<system-out>` (they never fail a build);
/// - one passing `<testcase name="lint">` per checked file without findings.
/// `errors` is always 0: in JUnit it means "the test crashed", which lint never does.
/// `time` is 0 and there is no timestamp, so output is deterministic.
public struct JUnitReporter: Reporter {
    public init() {}

    public func render(_ report: LintReport) -> String {
        var byFile: [String: [Diagnostic]] = [:]
        for diagnostic in report.diagnostics { byFile[diagnostic.location.file, default: []].append(diagnostic) }
        var cases: [String] = []
        var failures = 0
        var seen: [String: Int] = [:]
        for file in report.allFiles {
            let path = report.artifactPath(file).workflowPath
            guard let diagnostics = byFile[file] else {
                cases.append("    <testcase \(attributes(file: path, name: "lint")) time=\"0\"/>")
                continue
            }
            for diagnostic in diagnostics {
                if diagnostic.severity != .info { failures += 1 }
                let subject = diagnostic.itemID ?? "line \(diagnostic.location.line)"
                var name = "\(diagnostic.ruleID) \(diagnostic.ruleName) (\(subject))"
                let key = path + "\u{0}" + name
                seen[key, default: 0] += 1
                if seen[key]! > 1 { name += " #\(seen[key]!)" }
                cases.append(testcase(diagnostic, file: path, name: name))
            }
        }
        let counts = "tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"0\""
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"qbank\" \(counts) time=\"0\">\n"
        out += "  <testsuite name=\"qbank\" \(counts) skipped=\"0\" time=\"0\">\n"
        out += "    <properties>\n"
        out += "      <property name=\"qbank.version\" value=\"\(JUnitReporter.escape(report.toolVersion))\"/>\n"
        out += "    </properties>\n"
        out += cases.map { $0 + "\n" }.joined()
        out += "  </testsuite>\n</testsuites>\n"
        return out
    }

    private func testcase(_ diagnostic: Diagnostic, file: String, name: String) -> String {
        var body = TextReporter.headline(diagnostic)
        for related in diagnostic.related { body += "\n\(related.location): note: \(related.message)" }
        let open = "    <testcase \(attributes(file: file, name: name)) time=\"0\">\n"
        let inner: String
        switch diagnostic.severity {
        case .error, .warning:
            inner = "      <failure type=\"\(diagnostic.severity.rawValue)\" "
                + "message=\"\(JUnitReporter.escape(diagnostic.message))\">"
                + JUnitReporter.escape(body, inAttribute: false) + "</failure>\n"
        case .info:
            inner = "      <system-out>" + JUnitReporter.escape(body, inAttribute: false) + "</system-out>\n"
        }
        return open + inner + "    </testcase>"
    }

    private func attributes(file: String, name: String) -> String {
        "classname=\"\(JUnitReporter.escape(file))\" name=\"\(JUnitReporter.escape(name))\" "
            + "file=\"\(JUnitReporter.escape(file))\""
    }

    /// XML 1.0 escaping (`XMLEscaping`): characters XML cannot carry become U+FFFD; attributes
    /// keep line breaks and tabs as character references so attribute-value normalisation
    /// does not turn them into spaces.
    static func escape(_ text: String, inAttribute: Bool = true) -> String {
        inAttribute ? XMLEscaping.attribute(text, replacingForbidden: true) : XMLEscaping.text(text, replacingForbidden: true)
    }
}

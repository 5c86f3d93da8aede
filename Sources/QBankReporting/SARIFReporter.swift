import QBankCore

/// SARIF 2.1.0 shaped for GitHub code scanning (lint/UX.md §7).
///
/// - `rules[]` lists every enabled rule, so GitHub can tell "fixed" from "not checked".
/// - Paths are repo-relative against `%SRCROOT%`; files outside the root get `file://` URIs.
/// - `partialFingerprints["qbank/logical/v2"]` is rule|item|file (no line numbers), so alerts
///   survive items moving within a file; findings without an item add a hash of the trimmed
///   source line. The `:N` suffix counts repeats of the same key in report order, so two
///   identical keys stay two alerts. GitHub's own `primaryLocationLineHash` is left to
///   upload-sarif to compute (supplying a different one makes it warn on every result).
/// - Every region has an end (the flagged span, else the end of the line) and fixable findings
///   carry `fixes` (byte-offset replacements).
/// - At most `maximumResults` results (GitHub keeps 5,000 per run): the most severe first, the
///   rest counted in a notification under `invocations`, which also says whether the run succeeded.
public struct SARIFReporter: Reporter {
    public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
    public static let informationURI = "https://qbank.dev"
    /// GitHub limits `fullDescription.text`.
    static let maxFullDescription = 1024

    /// GitHub code scanning keeps this many results per run.
    public static let gitHubResultLimit = 5_000
    public var maximumResults: Int

    public init(maximumResults: Int = SARIFReporter.gitHubResultLimit) { self.maximumResults = maximumResults }

    public func render(_ report: LintReport) -> String {
        let rules = SARIFReporter.driverRules(report)
        let ruleIndex = Dictionary(rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        // Suppressed findings are listed too, marked, so code scanning shows them as dismissed.
        let everything = (report.diagnostics.map { ($0, nil as SuppressedDiagnostic?) } + report.suppressed.map { ($0.diagnostic, $0) })
            .sorted { Diagnostic.reportOrder($0.0, $1.0) }
        let keys = SARIFReporter.numberedKeys(everything.map(\.0), in: report)
        let kept = SARIFReporter.mostSevere(everything.indices, of: everything.map { ($0.0.severity, $0.1 != nil) }, limit: maximumResults)
        let results: [JSONValue] = kept.map { index in
            let (diagnostic, suppression) = everything[index]
            var result = SARIFReporter.result(
                diagnostic, ruleIndex: ruleIndex[diagnostic.ruleID] ?? 0, report: report,
                fingerprints: ["qbank/logical/v2": .string(keys[index])])
            if let suppression, case .object(var fields) = result {
                var entry: [String: JSONValue] = ["kind": .string(suppression.kind.rawValue), "status": "accepted"]
                if let why = suppression.justification { entry["justification"] = .string(why) }
                fields["suppressions"] = [.object(entry)]
                result = .object(fields)
            }
            return result
        }
        var run: [String: JSONValue] = [
            "tool": ["driver": [
                "name": "qbank",
                "semanticVersion": .string(report.toolVersion),
                "informationUri": .string(SARIFReporter.informationURI),
                "rules": .array(rules.map(SARIFReporter.descriptor)),
            ]],
            "automationDetails": ["id": "qbank/"],
            "invocations": [SARIFReporter.invocation(report, omitted: everything.count - kept.count)],
            "columnKind": "utf16CodeUnits",
            "results": .array(results),
        ]
        if let root = ArtifactPath.rootURI(report.rootDirectory) {
            run["originalUriBaseIds"] = ["%SRCROOT%": ["uri": .string(root)]]
        }
        let document: JSONValue = [
            "$schema": .string(SARIFReporter.schemaURI),
            "version": "2.1.0",
            "runs": [.object(run)],
        ]
        return document.rendered()
    }

    /// Enabled rules plus any rule that reported without being listed (so every
    /// `ruleIndex` resolves), in id order.
    static func driverRules(_ report: LintReport) -> [RuleDescription] {
        var byID: [String: RuleDescription] = [:]
        for rule in report.rules where byID[rule.id] == nil { byID[rule.id] = rule }
        for diagnostic in report.diagnostics + report.suppressed.map(\.diagnostic) where byID[diagnostic.ruleID] == nil {
            byID[diagnostic.ruleID] = RuleDescription(
                id: diagnostic.ruleID, name: diagnostic.ruleName, category: .syntax,
                summary: "Findings of rule \(diagnostic.ruleID) (\(diagnostic.ruleName)).",
                rationale: "See the rule's documentation.", severity: diagnostic.severity)
        }
        return byID.values.sorted { $0.id < $1.id }
    }

    /// `rule|item|file`, or `rule||file|<hash of the trimmed source line>` without an item.
    static func logicalKey(_ diagnostic: Diagnostic, in report: LintReport) -> String {
        let path = report.artifactPath(diagnostic.location.file)
        let file = path.relative ?? path.absolute ?? path.original
        var key = "\(diagnostic.ruleID)|\(diagnostic.itemID ?? "")|\(file)"
        if diagnostic.itemID == nil,
           let line = report.sourceLine(diagnostic.location.file, diagnostic.location.line) {
            key += "|" + StableHash.hex(line.split(whereSeparator: \.isWhitespace).joined(separator: " "))
        }
        return key
    }

    /// Each finding's logical key with `:N`, its occurrence among equal keys in report order.
    static func numberedKeys(_ diagnostics: [Diagnostic], in report: LintReport) -> [String] {
        var occurrences: [String: Int] = [:]
        return diagnostics.map { diagnostic in
            let key = logicalKey(diagnostic, in: report)
            occurrences[key, default: 0] += 1
            return "\(key):\(occurrences[key]!)"
        }
    }

    /// The indices to keep under `limit`: active findings before suppressed ones, errors before
    /// warnings before infos, then report order; returned in report order.
    static func mostSevere(_ indices: Range<Int>, of traits: [(Severity, suppressed: Bool)], limit: Int) -> [Int] {
        guard indices.count > limit else { return Array(indices) }
        func rank(_ index: Int) -> Int {
            let (severity, suppressed) = traits[index]
            let base = switch severity { case .error: 0; case .warning: 1; case .info: 2 }
            return base + (suppressed ? 3 : 0)
        }
        return indices.sorted { (rank($0), $0) < (rank($1), $1) }.prefix(max(0, limit)).sorted()
    }

    /// Whether the run read everything it was given, and what the report leaves out.
    static func invocation(_ report: LintReport, omitted: Int) -> JSONValue {
        var notifications: [JSONValue] = []
        if omitted > 0 {
            notifications.append([
                "level": "warning",
                "message": ["text": .string("\(omitted) more results are not in this report: GitHub code scanning keeps \(gitHubResultLimit) per run, so the most severe are kept. Run `qbank lint --format json` for every finding, or fix or baseline some.")],
            ])
        }
        if !report.executionSuccessful {
            notifications.append(["level": "error", "message": ["text": "some input could not be read (QB001); qbank exited 2"]])
        }
        var invocation: [String: JSONValue] = ["executionSuccessful": .bool(report.executionSuccessful)]
        if !notifications.isEmpty { invocation["toolExecutionNotifications"] = .array(notifications) }
        return .object(invocation)
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    /// GitHub's `problem.severity` for non-security alerts.
    static func problemSeverity(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "recommendation"
        }
    }

    static func descriptor(_ rule: RuleDescription) -> JSONValue {
        let examples = rule.triggeringExamples.prefix(1).map { example in
            let source = example.source.filter { $0 != RuleExample.marker }
            return "\n\nExample that triggers the rule:\n\n```\(example.syntax.rawValue)\n\(source)\n```"
        }.joined()
        return [
            "id": .string(rule.id),
            "name": .string(rule.name),
            "shortDescription": ["text": .string(rule.summary)],
            "fullDescription": ["text": .string(truncate(rule.rationale, to: maxFullDescription))],
            "help": [
                "text": .string("\(rule.summary)\n\n\(rule.rationale)\n\nSee \(rule.helpURI)"),
                "markdown": .string("**\(rule.summary)**\n\n\(rule.rationale)\(examples)\n\n"
                                    + "[\(rule.id) \(rule.name)](\(rule.helpURI))"),
            ],
            "helpUri": .string(rule.helpURI),
            "defaultConfiguration": ["level": .string(level(rule.severity))],
            "properties": [
                "tags": [.string(rule.category.rawValue)],
                "problem.severity": .string(problemSeverity(rule.severity)),
            ],
        ]
    }

    static func result(
        _ diagnostic: Diagnostic, ruleIndex: Int, report: LintReport, fingerprints: [String: JSONValue]
    ) -> JSONValue {
        var primary: [String: JSONValue] = ["physicalLocation": physicalLocation(diagnostic.location, end: diagnostic.end, report)]
        if let item = diagnostic.itemID {
            primary["logicalLocations"] = [["name": .string(item), "kind": "element"]]
        }
        var result: [String: JSONValue] = [
            "ruleId": .string(diagnostic.ruleID),
            "ruleIndex": .int(ruleIndex),
            "level": .string(level(diagnostic.severity)),
            "message": ["text": .string(messageText(diagnostic))],
            "locations": [.object(primary)],
            "partialFingerprints": .object(fingerprints),
        ]
        if let fix = diagnostic.fix { result["fixes"] = [fixObject(fix, report)] }
        if !diagnostic.related.isEmpty {
            result["relatedLocations"] = .array(diagnostic.related.enumerated().map { index, related in
                [
                    "id": .int(index + 1),
                    "message": ["text": .string(related.message)],
                    "physicalLocation": physicalLocation(related.location, report),
                ]
            })
        }
        return .object(result)
    }

    /// The message, plus embedded links `[text](id)` to the related locations: GitHub
    /// only shows related locations that the message links to. With links present,
    /// literal `\`, `[` and `]` are backslash-escaped (SARIF §3.11.6).
    static func messageText(_ diagnostic: Diagnostic) -> String {
        guard !diagnostic.related.isEmpty else { return diagnostic.message }
        func escaped(_ text: String) -> String {
            var out = ""
            for character in text {
                if character == "\\" || character == "[" || character == "]" { out.append("\\") }
                out.append(character)
            }
            return out
        }
        let links = diagnostic.related.enumerated().map { "[\(escaped($1.message))](\($0 + 1))" }
        return escaped(diagnostic.message) + " Related: " + links.joined(separator: "; ") + "."
    }

    /// The region runs to `end` when known, else to the end of the start line (GitHub expects an end).
    static func physicalLocation(_ location: SourceLocation, end: SourceLocation? = nil, _ report: LintReport) -> JSONValue {
        let stop = end.flatMap { $0 > location ? $0 : nil } ?? SourceLocation(
            file: location.file, line: location.line,
            column: max(location.column, (report.sourceLine(location.file, location.line)?.utf16.count ?? 0) + 1))
        return [
            "artifactLocation": report.artifactPath(location.file).sarifArtifactLocation,
            "region": [
                "startLine": .int(location.line), "startColumn": .int(location.column),
                "endLine": .int(stop.line), "endColumn": .int(stop.column),
            ],
        ]
    }

    /// A fix as SARIF replacements: byte ranges of the file as read, and the new text.
    static func fixObject(_ fix: Fix, _ report: LintReport) -> JSONValue {
        let files = fix.edits.map(\.file).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        return [
            "description": ["text": .string(fix.applicability == .safe ? fix.title : "\(fix.title) (unsafe: review it)")],
            "artifactChanges": .array(files.map { file in
                [
                    "artifactLocation": report.artifactPath(file).sarifArtifactLocation,
                    "replacements": .array(fix.edits.filter { $0.file == file }.map { edit in
                        [
                            "deletedRegion": ["byteOffset": .int(edit.start), "byteLength": .int(edit.end - edit.start)],
                            "insertedContent": ["text": .string(edit.replacement)],
                        ]
                    }),
                ]
            }),
        ]
    }

    /// Cuts at a character boundary and marks the cut, keeping within `limit` characters.
    static func truncate(_ text: String, to limit: Int) -> String {
        guard text.count > limit else { return text }
        return String(text.prefix(limit - 1)) + "…"
    }
}

extension LintReport {
    func artifactPath(_ file: String) -> ArtifactPath {
        ArtifactPath(file, root: rootDirectory, workingDirectory: workingDirectory)
    }
}

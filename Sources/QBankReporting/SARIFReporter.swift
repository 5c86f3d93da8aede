import QBankCore

/// SARIF 2.1.0 shaped for GitHub code scanning (lint/UX.md §7).
///
/// - `rules[]` lists every enabled rule, so GitHub can tell "fixed" from "not checked".
/// - Paths are repo-relative against `%SRCROOT%`; files outside the root get `file://` URIs.
/// - `partialFingerprints.primaryLocationLineHash` hashes rule|item|file (no line numbers),
///   so alerts survive items moving within a file; findings without an item hash the
///   trimmed source line instead. The `:N` suffix counts repeats of the same hash in
///   report order, as GitHub's own line hash does, so two identical keys stay two alerts.
public struct SARIFReporter: Reporter {
    public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
    public static let informationURI = "https://qbank.dev"
    /// GitHub limits `fullDescription.text`.
    static let maxFullDescription = 1024

    public init() {}

    public func render(_ report: LintReport) -> String {
        let rules = SARIFReporter.driverRules(report)
        let ruleIndex = Dictionary(rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var occurrences: [String: Int] = [:]
        // Suppressed findings are listed too, marked, so code scanning shows them as dismissed.
        let all = (report.diagnostics.map { ($0, nil as SuppressedDiagnostic?) } + report.suppressed.map { ($0.diagnostic, $0) })
            .sorted { Diagnostic.reportOrder($0.0, $1.0) }
        let results: [JSONValue] = all.map { diagnostic, suppression in
            let key = SARIFReporter.logicalKey(diagnostic, in: report)
            let hash = StableHash.hex(key)
            occurrences[hash, default: 0] += 1
            var result = SARIFReporter.result(
                diagnostic, ruleIndex: ruleIndex[diagnostic.ruleID] ?? 0, report: report,
                fingerprints: ["primaryLocationLineHash": .string("\(hash):\(occurrences[hash]!)"),
                               "qbank/logical/v1": .string(key)])
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
        var primary: [String: JSONValue] = ["physicalLocation": physicalLocation(diagnostic.location, report)]
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

    static func physicalLocation(_ location: SourceLocation, _ report: LintReport) -> JSONValue {
        [
            "artifactLocation": report.artifactPath(location.file).sarifArtifactLocation,
            "region": ["startLine": .int(location.line), "startColumn": .int(location.column)],
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

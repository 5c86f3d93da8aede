import Foundation
import QBankCore
import QBankJSON
import QBankRules

/// The baseline file: accepted findings as JSON, keys sorted, one finding per line,
/// so that it diffs well in review.
///
/// ```json
/// {
///   "findings": [
///     {"count": 1, "fingerprint": "9c1f0b6e2a4d7c35", "item": "mla-1.1-004", "name": "missing-rationale-or-reference", "rule": "QB110"}
///   ],
///   "tool": "qbank",
///   "version": 1
/// }
/// ```
public enum BaselineFile {
    public static let version = 1

    /// How findings are matched to the entries of the baseline at `path`: files without
    /// an item are recorded relative to the baseline's folder.
    public static func keying(forBaselineAt path: String, fingerprints: [FingerprintKey: String],
                              workingDirectory cwd: String = FileManager.default.currentDirectoryPath) -> Baseline.Keying {
        let folder = (Glob.absolutePath(path, workingDirectory: cwd) as NSString).deletingLastPathComponent
        return Baseline.Keying(fingerprints: fingerprints) { file in
            Glob.relativePath(file, base: folder, workingDirectory: cwd)
        }
    }

    public static func render(_ baseline: Baseline) -> String {
        let lines = baseline.entries.map { entry -> String in
            let item = entry.item.map(quoted) ?? "null"
            let name = BuiltInRules.description(of: entry.rule).map { ", \"name\": \(quoted($0.name))" } ?? ""
            return "    {\"count\": \(entry.count), \"fingerprint\": \(quoted(entry.fingerprint)), \"item\": \(item)\(name), \"rule\": \(quoted(entry.rule))}"
        }
        let findings = lines.isEmpty ? "[]" : "[\n" + lines.joined(separator: ",\n") + "\n  ]"
        return "{\n  \"findings\": \(findings),\n  \"tool\": \"qbank\",\n  \"version\": \(version)\n}\n"
    }

    /// Writes atomically.
    public static func write(_ baseline: Baseline, to path: String) throws(FilesError) {
        try AtomicFile.write(render(baseline), to: path)
    }

    public static func read(_ path: String) throws(ConfigError) -> Baseline {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError("cannot read the baseline; check the path, or create it with --write-baseline", at: SourceLocation(file: path, line: 1, column: 1))
        }
        return try parse([UInt8](data), path: path)
    }

    public static func parse(_ bytes: [UInt8], path: String) throws(ConfigError) -> Baseline {
        let root: JSONValue
        do { root = try JSONParser.parse(bytes) } catch {
            throw ConfigError(error.message, at: SourceLocation(file: path, line: error.position.line, column: error.position.column))
        }
        let reader = ConfigReader(path: path)
        let members = try reader.object(root, "the baseline", known: ["findings", "tool", "version"])
        guard let version = members.first(where: { $0.key == "version" }) else {
            throw reader.fail("the baseline needs \"version\": \(Self.version)", at: root.position)
        }
        guard version.value.integerValue == Self.version else {
            throw reader.fail("unsupported baseline version; this qbank writes and reads version \(Self.version)", at: version.value.position)
        }
        guard let findings = members.first(where: { $0.key == "findings" })?.value else {
            throw reader.fail("the baseline needs \"findings\": [...]", at: root.position)
        }
        guard let array = findings.arrayValue else { throw reader.fail("'findings' must be an array", at: findings.position) }
        var entries: [Baseline.Entry] = []
        for element in array {
            let fields = try reader.object(element, "a baseline finding", known: ["count", "fingerprint", "item", "name", "rule"])
            func field(_ key: String) -> JSONValue? { fields.first { $0.key == key }?.value }
            guard let rule = field("rule")?.stringValue, let fingerprint = field("fingerprint")?.stringValue else {
                throw reader.fail("a baseline finding needs \"rule\" and \"fingerprint\" strings", at: element.position)
            }
            let count = field("count").map { $0.integerValue ?? 0 } ?? 1
            if !(1...Baseline.maximumCount).contains(count) {
                throw reader.fail("'count' must be an integer from 1 to \(Baseline.maximumCount)", at: field("count")!.position)
            }
            var item: String?
            if let value = field("item"), !value.isNull {
                guard let text = value.stringValue else { throw reader.fail("'item' must be a string or null", at: value.position) }
                item = text
            }
            entries.append(Baseline.Entry(item: item, rule: rule, fingerprint: fingerprint, count: count))
        }
        return Baseline(entries: entries)
    }

    private static func quoted(_ text: String) -> String { JSONEscaping.quoted(text) }
}

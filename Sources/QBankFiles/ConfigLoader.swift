import Foundation
import QBankCore
import QBankJSON
import QBankRules

/// Finds and reads `qbank.json`, the project configuration (format in README,
/// schema in `Schemas/qbank-config.schema.json`).
public enum ConfigLoader {
    public static let fileName = "qbank.json"

    /// The config that governs a run: `qbank.json` in the folder of the linted paths
    /// (their common folder when there are several) or the nearest parent; failing
    /// that, in the current folder or its nearest parent. Nil when there is none.
    public static func discover(for paths: [String], workingDirectory: String = FileManager.default.currentDirectoryPath) -> String? {
        var starts: [String] = []
        if let common = commonFolder(of: paths, workingDirectory: workingDirectory) { starts.append(common) }
        starts.append(Glob.normalize(workingDirectory))
        for start in starts {
            var folder = start
            while true {
                let candidate = (folder as NSString).appendingPathComponent(fileName)
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue { return candidate }
                let parent = (folder as NSString).deletingLastPathComponent
                if parent == folder || parent.isEmpty { break }
                folder = parent
            }
        }
        return nil
    }

    /// The deepest folder containing every path (a folder path counts as itself).
    static func commonFolder(of paths: [String], workingDirectory: String) -> String? {
        let folders = paths.map { path -> [Substring] in
            let absolute = Glob.absolutePath(path, workingDirectory: workingDirectory)
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory)
            let folder = exists && isDirectory.boolValue ? absolute : (absolute as NSString).deletingLastPathComponent
            return folder.split(separator: "/")
        }
        guard var common = folders.first else { return nil }
        for folder in folders.dropFirst() {
            common = Array(zip(common, folder).prefix { $0 == $1 }.map(\.0))
        }
        return "/" + common.joined(separator: "/")
    }

    /// Reads a config file into settings whose globs are relative to its folder.
    public static func load(_ path: String, workingDirectory: String = FileManager.default.currentDirectoryPath) throws(ConfigError) -> LintSettings {
        try load(path, workingDirectory: workingDirectory, extending: [])
    }

    private static func load(_ path: String, workingDirectory: String, extending chain: [String],
                             from: SourceLocation? = nil) throws(ConfigError) -> LintSettings {
        let absolute = Glob.absolutePath(path, workingDirectory: workingDirectory)
        if chain.contains(absolute) {
            throw ConfigError("'extend' makes a cycle (\((chain + [absolute]).joined(separator: " → "))); remove one of them",
                              at: from ?? SourceLocation(file: path, line: 1, column: 1))
        }
        guard let data = FileManager.default.contents(atPath: absolute) else {
            let message = from == nil ? "cannot read the config file; check it exists and is readable"
                : "cannot read \(absolute), the config named by 'extend'; check the path (relative to this file)"
            throw ConfigError(message, at: from ?? SourceLocation(file: path, line: 1, column: 1))
        }
        let base = (absolute as NSString).deletingLastPathComponent
        return try parse([UInt8](data), path: path, baseDirectory: base, workingDirectory: workingDirectory, extending: chain + [absolute])
    }

    /// Parses config text. Every problem is reported with its position.
    public static func parse(_ bytes: [UInt8], path: String, baseDirectory: String, workingDirectory: String) throws(ConfigError) -> LintSettings {
        try parse(bytes, path: path, baseDirectory: baseDirectory, workingDirectory: workingDirectory, extending: [])
    }

    /// With `"extend": "FILE"` the named config is read first and this one applies on top:
    /// `select`, `strict` and `baseline` replace its values, `ignore`, `rules` and `overrides`
    /// add to them (among equally specific rule keys the last written, this file's, wins), and
    /// its `overrides` keep matching paths relative to its own folder.
    private static func parse(_ bytes: [UInt8], path: String, baseDirectory: String, workingDirectory: String,
                              extending chain: [String]) throws(ConfigError) -> LintSettings {
        let root: JSONValue
        do { root = try JSONParser.parse(bytes) } catch {
            throw ConfigError(error.message, at: SourceLocation(file: path, line: error.position.line, column: error.position.column))
        }
        let reader = ConfigReader(path: path)
        var settings = LintSettings(baseDirectory: baseDirectory, workingDirectory: workingDirectory)
        let members = try reader.object(root, "the config file",
                                        known: ["$schema", "extend", "select", "ignore", "strict", "baseline", "rules", "overrides",
                                                 "exclude", "extend-exclude"])
        if let extend = members.first(where: { $0.key == "extend" }) {
            let file = try reader.string(extend.value, "'extend'")
            if file.isEmpty { throw ConfigError("'extend' names a config file; it is empty", at: SourceLocation(file: path, line: extend.value.position.line, column: extend.value.position.column)) }
            let parentPath = file.hasPrefix("/") ? file : (baseDirectory as NSString).appendingPathComponent(file)
            let at = SourceLocation(file: path, line: extend.value.position.line, column: extend.value.position.column)
            var parent = try load(parentPath, workingDirectory: workingDirectory, extending: chain, from: at)
            for index in parent.overrides.indices where parent.overrides[index].baseDirectory == nil {
                parent.overrides[index].baseDirectory = parent.baseDirectory
            }
            parent.baseDirectory = baseDirectory
            settings = parent
        }
        for member in members {
            switch member.key {
            case "$schema", "extend": _ = try reader.string(member.value, "'\(member.key)'")
            case "select": settings.select = try reader.selectors(member.value, "'select'")
            case "ignore": settings.ignore += try reader.selectors(member.value, "'ignore'")
            case "strict": settings.strict = try reader.bool(member.value, "'strict'")
            case "baseline":
                let file = try reader.string(member.value, "'baseline'")
                if file.isEmpty { throw ConfigError("'baseline' names a baseline file; it is empty", at: SourceLocation(file: path, line: member.value.position.line, column: member.value.position.column)) }
                settings.baseline = file.hasPrefix("/") ? file : (baseDirectory as NSString).appendingPathComponent(file)
            case "rules": settings.rules += try reader.rules(member.value, allowOptions: true)
            case "overrides": settings.overrides += try reader.overrides(member.value)
            case "exclude": settings.exclude = try reader.excludes(member.value, "'exclude'", baseDirectory: baseDirectory)
            case "extend-exclude": settings.extendExclude += try reader.excludes(member.value, "'extend-exclude'", baseDirectory: baseDirectory)
            default: break
            }
        }
        return settings
    }
}

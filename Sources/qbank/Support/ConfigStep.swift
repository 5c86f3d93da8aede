import Foundation
import QBankCore
import QBankFiles
import QBankRules

/// Project configuration for one run: `qbank.json` (found or named) merged with the
/// command line. The command line wins: `--select` replaces the config's `select`,
/// `--ignore` adds to its `ignore`, `--strict` turns strict on.
enum ConfigStep {
    struct Resolved {
        var path: String?
        var engine: LintEngine
    }

    static func resolve(configPath: String?, paths: [String], select: [String], ignore: [String], strict: Bool) throws -> Resolved {
        let cwd = FileManager.default.currentDirectoryPath
        let path = configPath ?? ConfigLoader.discover(for: paths, workingDirectory: cwd)
        var settings = LintSettings(baseDirectory: Glob.normalize(cwd), workingDirectory: cwd)
        if let path {
            do { settings = try ConfigLoader.load(path, workingDirectory: cwd) } catch { throw CLIError.usage(error.description) }
        }
        if !select.isEmpty { settings.select = select }
        settings.ignore += ignore
        settings.strict = settings.strict || strict
        do {
            return Resolved(path: path, engine: try LintEngine(settings: settings))
        } catch {
            throw CLIError.usage(error.location == nil ? "\(error.description) (in \(path ?? "the rule options"))" : error.description)
        }
    }

    /// `--print-config`: every rule with the severity and options in force, as JSON.
    static func render(_ resolved: Resolved) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: document(resolved), options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// What `render` prints, as plain values (the lint cache's key text reads it too).
    static func document(_ resolved: Resolved) -> [String: Any] {
        let settings = resolved.engine.settings
        var rules: [String: Any] = [:]
        for rule in BuiltInRules.descriptions {
            var entry: [String: Any] = ["name": rule.name]
            let level = settings.level(of: rule)
            entry["severity"] = level?.rawValue ?? rule.severity.rawValue
            if let options = resolved.engine.ruleOptions[rule.id] { entry["options"] = options.mapValues(json) }
            rules[rule.id] = entry
        }
        let overrides: [[String: Any]] = settings.overrides.map { override in
            var rules: [String: Any] = [:]
            for setting in override.rules { if let severity = setting.severity { rules[setting.token] = severity.rawValue } }
            return ["files": override.files, "ignore": override.ignore, "rules": rules]
        }
        return [
            "config": resolved.path.map { Glob.absolutePath($0, workingDirectory: FileManager.default.currentDirectoryPath) } ?? NSNull(),
            "select": settings.select.isEmpty ? ["ALL"] : settings.select,
            "ignore": settings.ignore,
            "strict": settings.strict,
            "baseline": settings.baseline ?? NSNull(),
            "rules": rules,
            "overrides": overrides,
            "exclude": settings.exclude ?? FileDiscovery.defaultExclude,
            "extend-exclude": settings.extendExclude,
        ]
    }

    private static func json(_ value: RuleOptionValue) -> Any {
        switch value {
        case .bool(let flag): flag
        case .number(let number): number == number.rounded() && abs(number) < 1e15 ? Int(number) as Any : number as Any
        case .string(let text): text
        case .strings(let list): list
        }
    }
}

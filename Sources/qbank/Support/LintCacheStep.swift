import Foundation
import QBankCore
import QBankFiles
import QBankRules

/// Where `qbank lint` keeps its results cache and what, besides the bank files, its entries depend on.
enum LintCacheStep {
    /// The cache beside the configuration file in force, or in the current folder when there is none.
    static func cache(for resolved: ConfigStep.Resolved) -> LintCache {
        let cwd = FileManager.default.currentDirectoryPath
        let home = resolved.path.map { (Glob.absolutePath($0, workingDirectory: cwd) as NSString).deletingLastPathComponent } ?? cwd
        return LintCache(folder: (home as NSString).appendingPathComponent(LintCache.folderName),
                         salt: salt(version: Version.text, configuration: keyText(ConfigStep.document(resolved)), workingDirectory: cwd))
    }

    /// The configuration in force as one line of text with sorted keys, the same for the same values:
    /// what `--print-config` shows, without `JSONSerialization`, which took a sixth of a warm run.
    static func keyText(_ value: Any) -> String {
        switch value {
        case let text as String: JSONEscaping.quoted(text)
        case let flag as Bool: flag ? "true" : "false"
        case let number as Int: String(number)
        case let number as Double: String(number)
        case let object as [String: Any]:
            "{" + object.keys.sorted().map { JSONEscaping.quoted($0) + ":" + keyText(object[$0]!) }.joined(separator: ",") + "}"
        case let list as [Any]: "[" + list.map(keyText).joined(separator: ",") + "]"
        case is NSNull: "null"
        default: "?" + String(describing: value)
        }
    }

    /// The version, the configuration in force (every rule's severity and options, overrides, selection)
    /// and the working folder (paths in findings are relative to it). A development build (`dev`) also
    /// adds its executable's size and date, so rebuilding qbank with changed rules never reuses old results.
    static func salt(version: String, configuration: String, workingDirectory: String) -> String {
        var build = ""
        if version.hasSuffix("+dev"), let executable = Bundle.main.executablePath,
           let attributes = try? FileManager.default.attributesOfItem(atPath: executable) {
            let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            build = "\(attributes[.size] as? Int ?? 0)@\(modified)"
        }
        return [version, build, workingDirectory, configuration].joined(separator: "\u{1}")
    }
}

import Foundation
import QBankFiles
import QBankRules

/// `qbank lint --show-files` and `--verbose`: what discovery takes and what it passes over, so a
/// user can see why a file is or is not linted (as `ruff check --show-files`).
enum ShowFiles {
    static func print(paths: [String], settings: LintSettings, excluding: [String]) throws {
        let found: FileDiscovery.Found
        do { found = try FileDiscovery.discover(paths, options: FileDiscovery.Options(settings: settings)) } catch { throw CLIError.files(error) }
        let notBank = Set(excluding.map { Glob.absolutePath($0, workingDirectory: FileManager.default.currentDirectoryPath) })
        var out = ""
        for file in found.files {
            if notBank.contains(Glob.absolutePath(file, workingDirectory: FileManager.default.currentDirectoryPath)) {
                out += "skipped \(file): the baseline or config file of this run\n"
            } else {
                out += "\(file)\n"
            }
        }
        for skipped in found.skipped { out += "skipped \(skipped.path): \(skipped.reason)\n" }
        Console.out(out)
    }

    static func tellSkipped(_ skipped: [FileDiscovery.Skipped]) {
        for entry in skipped { Log.info("qbank: skipped \(entry.path): \(entry.reason)") }
    }
}

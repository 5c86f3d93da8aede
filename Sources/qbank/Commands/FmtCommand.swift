import ArgumentParser
import Foundation
import QBankCore
import QBankFiles

struct FmtCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt",
        abstract: "Rewrite bank files in canonical form (stable order and indentation) without changing their meaning.",
        discussion: """
            Exit status: 0 all files canonical (or rewritten), 1 with --check when some file would change, \
            2 when a file was refused (syntax or schema errors, XML comments) or cannot be written.
            """
    )

    @Argument(help: "Bank files or folders (searched recursively for .xml and .json files).")
    var paths: [String] = []

    @Flag(help: "Change nothing; list the files that would change and exit 1 if there are any.")
    var check = false

    func validate() throws {
        if paths.isEmpty { throw ValidationError("name the bank files or folders to format, e.g. `qbank fmt Banks`") }
    }

    func run() throws {
        let files: [String]
        var skipped: [FileDiscovery.Skipped] = []
        do { files = try FileDiscovery.bankFiles(in: paths, skipped: &skipped) } catch { throw CLIError.files(error) }
        ShowFiles.tellSkipped(skipped)
        var changed: [String] = [], refused = 0
        for path in files {
            switch CanonicalFormatter.format(path) {
            case .unchanged:
                continue
            case .changed(let text):
                changed.append(path)
                if check {
                    Console.out("would reformat \(path)\n")
                } else {
                    do { try AtomicFile.write(text, to: path) } catch { throw CLIError.files(error) }
                    Console.out("formatted \(path)\n")
                }
            case .refused(let reason, let diagnostics):
                refused += 1
                Log.info("qbank: \(path): not formatted: \(reason)")
                for diagnostic in diagnostics.prefix(10) { Log.info("  \(diagnostic.location): \(diagnostic.message) [\(diagnostic.ruleID)]") }
            }
        }
        let verb = check ? "would reformat" : "reformatted"
        Log.info("\(files.count) file\(files.count == 1 ? "" : "s") checked, \(changed.count) \(verb)\(refused > 0 ? ", \(refused) refused" : "")")
        if refused > 0 { throw ExitCode(ExitStatus.usage) }
        if check && !changed.isEmpty { throw ExitCode(ExitStatus.findings) }
    }
}

import ArgumentParser
import Foundation
import QBankCore

/// The `qbank` command. Subcommands are thin: they parse options and call the libraries.
struct QBank: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qbank",
        abstract: "Author, lint, balance and assemble certification-exam question banks.",
        version: Version.text,
        subcommands: [
            LintCommand.self, RulesCommand.self, ExplainCommand.self, BalanceCommand.self, AssembleCommand.self,
            ScoreCommand.self, AnalyzeCommand.self, CalibrateCommand.self, SimulateCommand.self, PromoteCommand.self, AngoffCommand.self,
            ReportCommand.self, PreviewCommand.self, NewCommand.self, FmtCommand.self,
            ImportCommand.self, ConvertCommand.self, ExportCommand.self, LSPCommand.self,
        ]
    )
}

/// Runs the command and maps every outcome to the exit codes users rely on:
/// 0 clean, 1 findings, 2 usage or unreadable input, 3 internal error.
@main
enum Main {
    static func main() {
        if let unknown = unknownSubcommand(CommandLine.arguments.dropFirst().first) {
            let names = QBank.configuration.subcommands.map { $0._commandName } + ["help"]
            let hint = Suggestion.nearest(to: unknown, in: names).map { " (did you mean '\($0)'?)" } ?? ""
            Console.err("qbank: unknown command '\(unknown)'\(hint); run `qbank --help` to list them\n")
            exit(ExitStatus.usage)
        }
        do {
            var command = try QBank.parseAsRoot()
            try command.run()
            Console.finish(ExitStatus.clean)
        } catch let code as ExitCode {
            Console.finish(code.rawValue)
        } catch let error as CLIError {
            Console.err("qbank: \(error)\n")
            Console.finish(error.exitCode)
        } catch {
            let code = QBank.exitCode(for: error)
            if code == .success {
                Console.out(QBank.fullMessage(for: error) + "\n")
                Console.finish(ExitStatus.clean)
            }
            Console.err("\(QBank.fullMessage(for: error))\n")
            Console.finish(code == .validationFailure ? ExitStatus.usage : ExitStatus.internalError)
        }
    }
}

extension Main {
    /// The first argument when it is neither an option nor a subcommand (`qbank lnit`).
    static func unknownSubcommand(_ first: String?) -> String? {
        guard let first, !first.hasPrefix("-") else { return nil }
        let names = QBank.configuration.subcommands.map { $0._commandName } + ["help"]
        return names.contains(first) ? nil : first
    }
}

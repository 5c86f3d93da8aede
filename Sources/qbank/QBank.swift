import ArgumentParser
import Foundation

/// The `qbank` command. Subcommands are thin: they parse options and call the libraries.
struct QBank: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "qbank",
        abstract: "Author, lint, balance and assemble certification-exam question banks.",
        version: version,
        subcommands: [
            LintCommand.self, RulesCommand.self, ExplainCommand.self, BalanceCommand.self, AssembleCommand.self,
            ScoreCommand.self, AnalyzeCommand.self, CalibrateCommand.self, SimulateCommand.self, PromoteCommand.self, ReportCommand.self, PreviewCommand.self, NewCommand.self, FmtCommand.self,
            ImportCommand.self, ConvertCommand.self, ExportCommand.self,
        ]
    )
}

/// Runs the command and maps every outcome to the exit codes users rely on:
/// 0 clean, 1 findings, 2 usage or unreadable input, 3 internal error.
@main
enum Main {
    static func main() {
        do {
            var command = try QBank.parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            exit(code.rawValue)
        } catch let error as CLIError {
            FileHandle.standardError.write(Data("qbank: \(error)\n".utf8))
            exit(error.exitCode)
        } catch {
            let code = QBank.exitCode(for: error)
            if code == .success {
                print(QBank.fullMessage(for: error))
                exit(0)
            }
            FileHandle.standardError.write(Data("\(QBank.fullMessage(for: error))\n".utf8))
            exit(code == .validationFailure ? ExitStatus.usage : ExitStatus.internalError)
        }
    }
}

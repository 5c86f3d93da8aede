import ArgumentParser
import Foundation
import QBankCore
import QBankFiles
import QBankJSON
import QBankReports
import QBankRules

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a bank report: index.html (charts, no script, no network) and README.md with the same numbers.",
        discussion: """
            With --forms, the report adds the composition, overlap and parallelism of forms written by `qbank assemble` \
            (read from their FORM.key.json files, statistics from the bank). Exit status: 0 report written, 2 unreadable \
            input, a forms folder that does not match the bank, or bad usage. Findings do not change the exit status: the report shows them.
            """
    )

    @Argument(help: "The bank folder (its files share one blueprint.json).")
    var bank: String

    @ArgumentParser.Option(help: "Folder to write index.html and README.md into (created if missing).")
    var out: String

    @ArgumentParser.Option(help: "A folder written by `qbank assemble` (form-N.key.json, form-N.form.json): report on those forms too.")
    var forms: String?

    @OptionGroup var progress: ProgressOptions

    func run() throws {
        let run = try LintRun.perform(paths: [bank], engine: LintEngine(), progress: progress.bar(label: "report"))
        guard run.banks.count == 1, let loaded = run.banks.first else {
            throw CLIError.usage("\(bank) holds \(run.banks.count) banks (one per blueprint.json); name one bank folder")
        }
        if loaded.hasUnreadableInput {
            throw CLIError.usage("\(bank) has files that cannot be read; run `qbank lint \(bank)` to see them")
        }
        guard let blueprint = loaded.bank.blueprint else {
            throw CLIError.usage("\(bank) has no readable blueprint.json; the report compares the bank with its blueprint")
        }
        let facts = BankFacts(bank: loaded.bank, blueprint: blueprint, findings: run.diagnostics, rules: BuiltInRules.descriptions)
        var assembled: FormsFacts?
        var command = "qbank report \(bank)"
        if let forms {
            do {
                assembled = try FormsFacts(keys: FormsFolder.keys(in: forms), bank: loaded.bank, blueprint: blueprint)
            } catch let mismatch as FormsMismatch {
                throw CLIError.usage(mismatch.description)
            }
            command += " --forms \(forms)"
        }
        let report = BankReport(facts: facts, forms: assembled, command: command)
        do {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        } catch {
            throw CLIError.usage("cannot create \(out): \((error as NSError).localizedDescription)")
        }
        let folder = URL(fileURLWithPath: out)
        do {
            try AtomicFile.write(report.html, to: folder.appendingPathComponent("index.html").path)
            try AtomicFile.write(report.markdown, to: folder.appendingPathComponent("README.md").path)
        } catch { throw CLIError.files(error) }
        Log.info("wrote \(folder.appendingPathComponent("index.html").relativePath) and README.md")
    }
}

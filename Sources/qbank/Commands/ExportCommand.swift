import ArgumentParser
import Foundation
import QBankCore
import QBankFiles
import QBankInterchange

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a bank (folder or file), or an assembled form, as a QTI 3.0 or 2.1 package or as Moodle XML.",
        discussion: """
            Candidate-facing: only the key QTI/Moodle need for scoring; no rationales, statistics or status. \
            An assembled form is exported from its FORM.key.json with --bank (the bank it was assembled from): \
            its items in delivery order, each case study whole as its own test section; the key file stays \
            the record of which items are scored. \
            Refuses to overwrite --out unless --force. Exit 2 for unreadable or invalid input.
            """
    )

    @Argument(help: "The bank folder or bank file to export, or a form's FORM.key.json (from qbank assemble) with --bank.")
    var source: String

    @ArgumentParser.Option(help: "With a FORM.key.json: the bank folder the form was assembled from.")
    var bank: String?

    @ArgumentParser.Option(help: "qti3, qti21 or moodle.")
    var to: ExportFormat

    @ArgumentParser.Option(help: "The file to write: .zip for QTI, .xml for Moodle.")
    var out: String

    @Flag(help: "Overwrite --out if it exists.")
    var force = false

    func validate() throws {
        let lower = out.lowercased()
        if ExportRunner.isPackage(to) && !lower.hasSuffix(".zip") { throw ValidationError("--to \(to.rawValue) writes a content package: --out must end in .zip") }
        if !ExportRunner.isPackage(to) && !lower.hasSuffix(".xml") { throw ValidationError("--to moodle writes Moodle XML: --out must end in .xml") }
    }

    func run() throws {
        let isForm = source.hasSuffix(".key.json")
        if isForm && bank == nil { throw CLIError.usage("exporting the form \(source) needs --bank BANK, the bank it was assembled from") }
        if !isForm, let bank { throw CLIError.usage("--bank \(bank) goes with a form's FORM.key.json; \(source) is exported as a bank itself") }
        let key = isForm ? try FormsFolder.key(at: source) : nil
        let bankPath = bank ?? source
        let banks: [BankLoader.LoadedBank]
        do { banks = try BankLoader().load([bankPath]) } catch { throw CLIError.files(error) }
        let diagnostics = banks.flatMap(\.readDiagnostics)
        if let problem = diagnostics.first(where: { $0.severity == .error }) {
            throw CLIError.usage("\(problem.location): \(problem.message); run `qbank lint \(bankPath)` and fix the bank before exporting")
        }
        if FileManager.default.fileExists(atPath: out) && !force { throw CLIError.usage("\(out) exists; pass --force to overwrite it") }
        let files = banks.flatMap(\.bank.files)
        let name = banks.first?.bank.blueprint?.exam ?? ((bankPath as NSString).lastPathComponent as NSString).deletingPathExtension
        let content: ExportContent
        if let key {
            do {
                content = try FormContent.content(key, bank: Bank(files: files, blueprint: nil), title: "\(name) \(key.form)")
            } catch { throw CLIError.usage(error.message) }
        } else {
            content = ExportContent(title: name, identifier: Identifiers.itemID(name) ?? "bank",
                                    items: files.flatMap(\.items), cases: files.flatMap(\.cases))
        }
        let exported: [ExportedFile]
        do { exported = try ExportRunner.exporter(for: to).export(content) } catch { throw CLIError.usage(error.message) }
        let bytes: [UInt8]
        if ExportRunner.isPackage(to) {
            do { bytes = try ZipPackage.write(exported.map { ($0.path, $0.bytes) }) } catch { throw CLIError.internalError(error.message) }
        } else {
            bytes = exported[0].bytes
        }
        do { try AtomicFile.write(bytes: bytes, to: out) } catch { throw CLIError.files(error) }
        Log.info("wrote \(out): \(content.allItems.count) items (\(to.rawValue))")
    }
}

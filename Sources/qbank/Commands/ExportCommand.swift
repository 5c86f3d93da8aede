import ArgumentParser
import Foundation
import QBankCore
import QBankFiles
import QBankInterchange
import QBankReports

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a bank (folder or file), or an assembled form, as a QTI 3.0 or 2.1 package or as Moodle XML; a form also as HTML.",
        discussion: """
            Candidate-facing: only the key QTI/Moodle need for scoring; no rationales, statistics or status. \
            An assembled form is exported from its FORM.key.json with --bank (the bank it was assembled from): \
            its items in delivery order, each case study whole as its own test section; the key file stays \
            the record of which items are scored. --to html prints a form as candidates meet it (from the \
            FORM.form.json beside the key: delivered order of items and options, no key), one self-contained page. \
            Refuses to overwrite --out unless --force. Exit 2 for unreadable or invalid input.
            """
    )

    @Argument(help: "The bank folder or bank file to export, or an assembled form's FORM.key.json (or FORM.form.json).")
    var source: String

    @ArgumentParser.Option(help: "With a form and --to qti3, qti21 or moodle: the bank folder the form was assembled from.")
    var bank: String?

    @ArgumentParser.Option(help: "qti3, qti21, moodle, or html (a form only).")
    var to: Target

    @ArgumentParser.Option(help: "The file to write: .zip for QTI, .xml for Moodle, .html for HTML.")
    var out: String

    @Flag(help: "Overwrite --out if it exists.")
    var force = false

    enum Target: String, ExpressibleByArgument, CaseIterable {
        case qti3, qti21, moodle, html
        var format: ExportFormat? { ExportFormat(rawValue: rawValue) }
    }

    func validate() throws {
        let lower = out.lowercased()
        switch to.format {
        case .some(let format) where ExportRunner.isPackage(format):
            if !lower.hasSuffix(".zip") { throw ValidationError("--to \(to.rawValue) writes a content package: --out must end in .zip") }
        case .some:
            if !lower.hasSuffix(".xml") { throw ValidationError("--to moodle writes Moodle XML: --out must end in .xml") }
        case nil:
            if !lower.hasSuffix(".html") { throw ValidationError("--to html writes one page: --out must end in .html") }
        }
    }

    func run() throws {
        let stem = [".key.json", ".form.json"].first { source.hasSuffix($0) }.map { String(source.dropLast($0.count)) }
        if FileManager.default.fileExists(atPath: out) && !force { throw CLIError.usage("\(out) exists; pass --force to overwrite it") }
        guard let format = to.format else {
            guard let stem else { throw CLIError.usage("--to html prints an assembled form: pass its FORM.key.json or FORM.form.json, not \(source)") }
            if let bank { throw CLIError.usage("--to html prints the form file itself; --bank \(bank) is not needed") }
            // With its key beside it, the form must be the key's (same items, same order).
            if source.hasSuffix(".key.json") || FileManager.default.fileExists(atPath: stem + ".key.json") {
                _ = try FormsFolder.key(at: stem + ".key.json")
            }
            let path = stem + ".form.json", bytes = try FormsFolder.read(path)
            let booklet: FormBooklet
            do { booklet = try FormBooklet.read(bytes, path: path) } catch { throw CLIError.usage(error.description) }
            do { try AtomicFile.write(booklet.html(), to: out) } catch { throw CLIError.files(error) }
            Log.info("wrote \(out): \(booklet.questions.count) questions (html)")
            return
        }
        let isForm = stem != nil
        if isForm && bank == nil { throw CLIError.usage("exporting the form \(source) needs --bank BANK, the bank it was assembled from") }
        if !isForm, let bank { throw CLIError.usage("--bank \(bank) goes with a form's FORM.key.json; \(source) is exported as a bank itself") }
        let key = try stem.map { try FormsFolder.key(at: $0 + ".key.json") }
        let bankPath = bank ?? source
        let banks: [BankLoader.LoadedBank]
        do { banks = try BankLoader().load([bankPath]) } catch { throw CLIError.files(error) }
        let diagnostics = banks.flatMap(\.readDiagnostics)
        if let problem = diagnostics.first(where: { $0.severity == .error }) {
            throw CLIError.usage("\(problem.location): \(problem.message); run `qbank lint \(bankPath)` and fix the bank before exporting")
        }
        let files = banks.flatMap(\.bank.files)
        let name = banks.first?.bank.blueprint?.exam ?? ((bankPath as NSString).lastPathComponent as NSString).deletingPathExtension
        var content: ExportContent
        if let key {
            do {
                content = try FormContent.content(key, bank: Bank(files: files), blueprint: banks.first?.bank.blueprint, title: "\(name) \(key.form)")
            } catch { throw CLIError.usage(error.message) }
        } else {
            content = ExportContent(title: name, identifier: Identifiers.itemID(name) ?? "bank",
                                    items: files.flatMap(\.items), cases: files.flatMap(\.cases))
        }
        content.media = Bank(files: files).media
        let exported: [ExportedFile]
        do { exported = try ExportRunner.exporter(for: format).export(content) } catch { throw CLIError.usage(error.message) }
        let bytes: [UInt8]
        if ExportRunner.isPackage(format) {
            do { bytes = try ZipPackage.write(exported.map { ($0.path, $0.bytes) }) } catch { throw CLIError.internalError(error.message) }
        } else {
            bytes = exported[0].bytes
        }
        do { try AtomicFile.write(bytes: bytes, to: out) } catch { throw CLIError.files(error) }
        Log.info("wrote \(out): \(content.allItems.count) items (\(format.rawValue))")
    }
}

import ArgumentParser
import Foundation
import QBankCore
import QBankFiles
import QBankInterchange

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a bank (folder or file) as a QTI 3.0 or 2.1 package or as Moodle XML.",
        discussion: """
            Candidate-facing: only the key QTI/Moodle need for scoring; no rationales, statistics or status. \
            Refuses to overwrite --out unless --force. Exit 2 for unreadable or invalid input.
            """
    )

    @Argument(help: "The bank folder or bank file to export.")
    var bank: String

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
        let banks: [BankLoader.LoadedBank]
        do { banks = try BankLoader().load([bank]) } catch { throw CLIError.files(error) }
        let diagnostics = banks.flatMap(\.readDiagnostics)
        if let problem = diagnostics.first(where: { $0.severity == .error }) {
            throw CLIError.usage("\(problem.location): \(problem.message); run `qbank lint \(bank)` and fix the bank before exporting")
        }
        if FileManager.default.fileExists(atPath: out) && !force { throw CLIError.usage("\(out) exists; pass --force to overwrite it") }
        let files = banks.flatMap(\.bank.files)
        let name = banks.first?.bank.blueprint?.exam ?? ((bank as NSString).lastPathComponent as NSString).deletingPathExtension
        let content = ExportContent(title: name, identifier: Identifiers.itemID(name) ?? "bank",
                                    items: files.flatMap(\.items), cases: files.flatMap(\.cases))
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

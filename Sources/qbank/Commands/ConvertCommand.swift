import ArgumentParser
import Foundation
import QBankCore
import QBankFiles
import QBankJSON
import QBankXML

struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a bank file between XML and JSON, without loss.",
        discussion: "Writes FILE with the other extension (or --output). Refuses to overwrite an existing file unless --force. Exit 2 for unreadable or invalid input."
    )

    @Argument(help: "The bank file to convert (.xml or .json).")
    var file: String

    @ArgumentParser.Option(help: "Target syntax: xml or json.")
    var to: BankSyntax

    @ArgumentParser.Option(help: "Where to write (default: FILE with the new extension).")
    var output: String?

    @Flag(help: "Overwrite the output file if it exists.")
    var force = false

    func run() throws {
        guard FileManager.default.fileExists(atPath: file) else { throw CLIError.files(.notFound(file)) }
        let result = BankLoader.read(file)
        if let problem = result.diagnostics.first(where: { $0.severity == .error }) {
            throw CLIError.usage("\(problem.location): \(problem.message)\(result.diagnostics.count > 1 ? " (and \(result.diagnostics.count - 1) more; run `qbank lint \(file)`)" : ""); convert only valid files")
        }
        guard let bank = result.file else { throw CLIError.usage("\(file): cannot be read") }
        let target = output ?? ((file as NSString).deletingPathExtension + "." + to.rawValue)
        if FileManager.default.fileExists(atPath: target) && !force {
            throw CLIError.usage("\(target) exists; pass --force to overwrite it or --output to write elsewhere")
        }
        let text = to == .json ? JSONBankWriter(schema: SchemaLinks.bankJSONSchema).write(bank) : XMLBankWriter(schemaLocation: SchemaLinks.bankXSD).write(bank)
        do { try AtomicFile.write(text, to: target) } catch { throw CLIError.files(error) }
        Log.info("wrote \(target) (\(bank.allItems.count) items)")
    }
}

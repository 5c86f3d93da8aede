import ArgumentParser
import Foundation
import QBankCore
import QBankMarkdown
import QBankFiles
import QBankReports

struct PreviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Render items as a candidate sees them (shuffled, no key) beside a reviewer view (key, rationales, references).",
        discussion: "Exit status: 0 preview written, 2 unknown item, unreadable input or bad usage."
    )

    @Argument(help: "An item or case-study id (with --bank), or a bank file: every item in it.")
    var target: String

    @ArgumentParser.Option(help: "The bank to find an item id in.")
    var bank: String?

    @ArgumentParser.Option(help: "The HTML file to write (atomically).")
    var out: String

    @ArgumentParser.Option(help: "Delivery seed: the same seed gives the same option order.")
    var seed: UInt64 = 1

    func run() throws {
        var isDirectory: ObjCBool = false
        let isFile = FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory) && !isDirectory.boolValue
        guard isFile || bank != nil else {
            throw CLIError.usage("\(target) is not a file; to preview an item by id, name its bank with --bank")
        }
        let loaded = try load(isFile ? target : bank!)
        let units: [PreviewUnit]
        if isFile {
            units = loaded.bank.files.flatMap { file in file.items.map(PreviewUnit.item) + file.cases.map(PreviewUnit.caseStudy) }
            if units.isEmpty { throw CLIError.usage("\(target) holds no items") }
        } else if let study = loaded.bank.allCases.first(where: { $0.id == target }) {
            units = [.caseStudy(study)]
        } else if let item = loaded.bank.files.flatMap(\.items).first(where: { $0.id == target }) {
            units = [.item(item)]
        } else if let study = loaded.bank.allCases.first(where: { $0.items.contains { $0.id == target } }) {
            // An item of a case study is shown with its scenario, as candidates see it.
            units = [.caseStudy(CaseStudy(id: study.id, title: study.title, scenario: study.scenario,
                                          items: study.items.filter { $0.id == target }, origin: study.origin))]
        } else {
            throw CLIError.usage("no item or case study with id '\(target)' in \(bank!); `qbank lint \(bank!) --format json` lists item ids")
        }
        let title = isFile ? "Preview: \((target as NSString).lastPathComponent)" : "Preview: \(target)"
        let html = ItemPreview(seed: seed, blueprint: loaded.bank.blueprint, html: .embedding(loaded.bank.media)).render(units, title: title)
        do { try AtomicFile.write(html, to: out) } catch { throw CLIError.files(error) }
        Log.info("wrote \(out)")
    }

    private func load(_ path: String) throws -> BankLoader.LoadedBank {
        let banks: [BankLoader.LoadedBank]
        do { banks = try BankLoader().load([path]) } catch { throw CLIError.files(error) }
        guard let loaded = banks.first else { throw CLIError.usage("\(path) holds no bank files") }
        let unreadable = banks.flatMap(\.readDiagnostics).filter { $0.ruleID == "QB001" || $0.ruleID == "QB002" }
        if !unreadable.isEmpty {
            let shown = unreadable.prefix(5).map { "\($0.location): \($0.message)" }.joined(separator: "\n")
            throw CLIError.usage("cannot preview input with syntax or schema errors; fix these first:\n\(shown)")
        }
        var merged = loaded
        merged.bank = Bank(files: banks.flatMap(\.bank.files), blueprint: loaded.bank.blueprint)
        return merged
    }
}

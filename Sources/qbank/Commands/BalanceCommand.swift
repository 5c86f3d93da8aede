import ArgumentParser
import Foundation
import QBankAssembly
import QBankReporting

struct BalanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "balance",
        abstract: "Compare a bank's supply with what its blueprint's forms need.",
        discussion: "Checks the domain pools and the blueprint's optional minimums (scored items per task and per format, case studies per form). Exit status: 0 when --forms N disjoint forms are supported, 1 when not (naming the binding shortfall), 2 for unreadable input."
    )

    @Argument(help: "The bank folder (its files share one blueprint.json).")
    var bank: String

    @ArgumentParser.Option(help: "How many disjoint forms to check for.")
    var forms = 1

    @ArgumentParser.Option(help: "Output format: text, json or markdown.")
    var format: BalanceFormat = .text

    func validate() throws {
        if !(1...AssembleCommand.maximumForms).contains(forms) { throw ValidationError("--forms takes a number from 1 to \(AssembleCommand.maximumForms)") }
    }

    func run() throws {
        let (loaded, blueprint) = try SingleBank.load(bank, purpose: "balance compares the bank with its blueprint")
        let supply = BankSupply(bank: loaded, blueprint: blueprint)
        Console.out(BalanceReporter(format: format.reporterFormat).render(supply, forms: forms))
        throw ExitCode(supply.allShortfalls(forms: forms).isEmpty ? ExitStatus.clean : ExitStatus.findings)
    }
}

enum BalanceFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, markdown

    var reporterFormat: BalanceReporter.Format {
        switch self {
        case .text: .text
        case .json: .json
        case .markdown: .markdown
        }
    }
}

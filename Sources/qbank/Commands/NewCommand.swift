import ArgumentParser
import Foundation
import QBankAuthoring
import QBankCore
import QBankFiles
import QBankJSON
import QBankXML

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Print a skeleton item (a whole bank file) with a fresh id; replace every TODO before review.",
        discussion: "Exit status: 0 printed, 2 bad usage (unknown domain or task, unreadable bank)."
    )

    @ArgumentParser.Option(help: "Item type: single, multiple, ordering or matching.")
    var type: ItemType

    @ArgumentParser.Option(help: "Blueprint domain, e.g. 2.")
    var domain: Int

    @ArgumentParser.Option(help: "Task statement of that domain, e.g. 2.3.")
    var task: String

    @ArgumentParser.Option(name: .customLong("as"), help: "Syntax: xml or json.")
    var syntax: Syntax = .xml

    @ArgumentParser.Option(help: "The bank the item is for: its ids are avoided and its blueprint checks --domain and --task.")
    var bank: String?

    enum Syntax: String, ExpressibleByArgument, CaseIterable { case xml, json }

    func validate() throws {
        guard task.range(of: #"^[1-9][0-9]?\.[1-9][0-9]?$"#, options: .regularExpression) != nil else {
            throw ValidationError("--task takes a task statement like 2.3")
        }
        guard task.hasPrefix("\(domain).") else {
            throw ValidationError("task \(task) is not in domain \(domain): a task's number starts with its domain's")
        }
    }

    func run() throws {
        var loaded: Bank?
        if let bank {
            let banks: [BankLoader.LoadedBank]
            do { banks = try BankLoader().load([bank]) } catch { throw CLIError.files(error) }
            loaded = Bank(files: banks.flatMap(\.bank.files), blueprint: banks.first?.bank.blueprint)
            if let blueprint = loaded?.blueprint {
                guard let known = blueprint.domain(domain) else {
                    throw CLIError.usage("domain \(domain) is not in the blueprint; it has \(blueprint.domains.map { String($0.id) }.joined(separator: ", "))")
                }
                guard known.tasks.contains(where: { $0.id == task }) else {
                    throw CLIError.usage("task \(task) is not in domain \(domain); it has \(known.tasks.map(\.id).joined(separator: ", "))")
                }
            }
        }
        let item = ItemSkeleton.item(type: type, id: FreshID.next(task: task, in: loaded), domain: domain, task: task)
        let file = BankFile(path: "new.\(syntax.rawValue)", items: [item])
        let text = syntax == .xml ? XMLBankWriter(schemaLocation: SchemaLinks.bankXSD).write(file) : JSONBankWriter(schema: SchemaLinks.bankJSONSchema).write(file)
        Console.out(text)
    }
}

extension ItemType: ExpressibleByArgument {}

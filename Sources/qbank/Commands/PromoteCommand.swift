import ArgumentParser
import Foundation
import QBankCore
import QBankFiles

struct PromoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "promote",
        abstract: "List the pretest items whose statistics meet the blueprint's promotion criteria; --apply makes them operational.",
        discussion: """
            Criteria come from the blueprint's "promotion" object (defaults: at least 200 responses, point-biserial \
            at least 0.2, p-value from 0.3 to 0.9) and are read from each item's stored statistics (qbank analyze \
            --update-bank). Every pretest item is listed with what it lacks. --apply sets status="operational" on \
            the eligible ones, editing only that attribute/value in their files (atomically). \
            Exit status: 0 done, 2 unreadable bank.
            """
    )

    @Argument(help: "The bank folder (with its blueprint.json).")
    var bank: String

    @Flag(help: "Set the eligible items' status to operational.")
    var apply = false

    func run() throws {
        let (bank, blueprint) = try SingleBank.load(self.bank, purpose: "promotion criteria are read from the blueprint")
        let criteria = blueprint.promotion
        var eligible: [String: [String: StatsWriteBack.Change]] = [:]
        var promoted: [String] = []
        var held = 0
        for file in bank.files {
            for item in file.allItems where item.status == .pretest {
                let shortfalls = criteria.shortfalls(item.stats)
                if shortfalls.isEmpty {
                    eligible[file.path, default: [:]][item.id] = StatsWriteBack.Change(status: .operational)
                    promoted.append(item.id)
                    print("\(item.id): eligible (p \(item.stats?.pValue.map { String($0) } ?? "–"), r \(item.stats?.pointBiserial.map { String($0) } ?? "–"), n \(item.stats?.responses ?? 0))")
                } else {
                    held += 1
                    print("\(item.id): stays in pretest: " + shortfalls.joined(separator: "; "))
                }
            }
        }
        print("\n\(promoted.count) eligible, \(held) stay in pretest (criteria: n ≥ \(criteria.minimumResponses), r ≥ \(criteria.minimumPointBiserial), "
              + "p \(criteria.minimumP)–\(criteria.maximumP))")
        guard apply else {
            if !promoted.isEmpty { print("run again with --apply to make them operational") }
            return
        }
        for (file, changes) in eligible.sorted(by: { $0.key < $1.key }) {
            do { try StatsWriteBack.apply(changes, toFileAt: file) } catch { throw CLIError.files(error) }
        }
        print("\(promoted.count) item\(promoted.count == 1 ? "" : "s") now operational")
    }
}

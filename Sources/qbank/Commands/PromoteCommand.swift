import ArgumentParser
import Foundation
import QBankCore
import QBankFiles

struct PromoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "promote",
        abstract: "List pretest items that meet the blueprint's promotion criteria and operational items whose statistics call for review; --apply sets their status.",
        discussion: """
            Criteria come from the blueprint's "promotion" object (defaults: at least 200 responses, point-biserial \
            at least 0.2, p-value from 0.3 to 0.9) and are read from each item's stored statistics (qbank analyze \
            --update-bank). Every pretest item is listed with what it lacks. Operational items whose statistics trip \
            QB601-QB603 (point-biserial below 0.15, p-value outside 0.20-0.95) are listed for review. --apply sets \
            status="operational" on the eligible pretest items and "review" on those operational ones, editing only \
            that attribute/value in their files (atomically). \
            Exit status: 0 done, 2 unreadable bank.
            """
    )

    @Argument(help: "The bank folder (with its blueprint.json).")
    var bank: String

    @Flag(help: "Set the statuses listed (pretest → operational, operational/approved → review).")
    var apply = false

    @Flag(help: "With --apply, set only the reviews and keep every pretest item in pretest (the unscored slots need them).")
    var reviewOnly = false

    func run() throws {
        let (bank, blueprint) = try SingleBank.load(self.bank, purpose: "promotion criteria are read from the blueprint")
        let criteria = blueprint.promotion
        var eligible: [String: [String: StatsWriteBack.Change]] = [:]
        var promoted: [String] = []
        var held = 0
        var reviewed: [String] = []
        for file in bank.files {
            for item in file.allItems where item.status == .operational || item.status == .approved {
                let reasons = PromotionCriteria.reviewReasons(item.stats)
                guard !reasons.isEmpty else { continue }
                eligible[file.path, default: [:]][item.id] = StatsWriteBack.Change(status: .review)
                reviewed.append(item.id)
                Console.out(("\(item.id): \(item.status.rawValue), to review: " + reasons.joined(separator: "; ")) + "\n")
            }
            for item in file.allItems where item.status == .pretest {
                let shortfalls = criteria.shortfalls(item.stats)
                if shortfalls.isEmpty {
                    if !reviewOnly { eligible[file.path, default: [:]][item.id] = StatsWriteBack.Change(status: .operational) }
                    promoted.append(item.id)
                    Console.out(("\(item.id): eligible (p \(item.stats?.pValue.map { String($0) } ?? "–"), r \(item.stats?.pointBiserial.map { String($0) } ?? "–"), n \(item.stats?.responses ?? 0))") + "\n")
                } else {
                    held += 1
                    Console.out(("\(item.id): stays in pretest: " + shortfalls.joined(separator: "; ")) + "\n")
                }
            }
        }
        Console.out(("\n\(promoted.count) eligible, \(held) stay in pretest (criteria: n ≥ \(criteria.minimumResponses), r ≥ \(criteria.minimumPointBiserial), "
              + "p \(criteria.minimumP)–\(criteria.maximumP))") + "\n")
        if !reviewed.isEmpty { Console.out(("\(reviewed.count) operational or approved item\(reviewed.count == 1 ? "" : "s") to review") + "\n") }
        guard apply else {
            if !promoted.isEmpty || !reviewed.isEmpty { Console.out(("run again with --apply to set these statuses") + "\n") }
            return
        }
        for (file, changes) in eligible.sorted(by: { $0.key < $1.key }) {
            do { try StatsWriteBack.apply(changes, toFileAt: file) } catch { throw CLIError.files(error) }
        }
        Console.out(("\(reviewOnly ? 0 : promoted.count) item\(promoted.count == 1 && !reviewOnly ? "" : "s") now operational" + (reviewed.isEmpty ? "" : ", \(reviewed.count) in review")) + "\n")
    }
}

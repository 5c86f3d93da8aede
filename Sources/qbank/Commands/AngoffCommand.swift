import ArgumentParser
import Foundation
import QBankCore
import QBankInterchange
import QBankPsychometrics
import QBankReporting

/// How an exam team's modified-Angoff ratings get into the bank: the panel's sheet in, each item's
/// mean rating out and, with --update-bank, stored as `angoff` in its statistics.
struct AngoffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "angoff",
        abstract: "Average a standard-setting panel's modified-Angoff ratings per item and write them into the bank.",
        discussion: """
            Each CSV has a header naming the columns item, rater and rating (any order), then one row per rater \
            and item; a rating is the probability, 0-1, that a minimally competent candidate answers the item \
            correctly, and an empty rating means the rater did not rate that item. An item's rating is the mean \
            over its raters. --update-bank stores it as the item's stats angoff (only those bytes change, \
            atomically; other statistics stay); qbank assemble then derives the cut theta from the ratings when \
            the blueprint has no scoring.cutTheta. \
            Exit status: 0 done, 2 unreadable or invalid ratings (file:line:col) or bank.
            """
    )

    @Argument(help: "Ratings CSV files (item,rater,rating); a rater may rate an item once across them.")
    var ratings: [String]

    @ArgumentParser.Option(help: "Output format: text or json.")
    var format: ScoreFormat = .text

    @ArgumentParser.Option(help: "Write each item's mean rating as its stats angoff into this bank folder.")
    var updateBank: String?

    func run() throws {
        var rows: [(item: String, rater: String, rating: Double)] = []
        for path in ratings {
            guard let data = FileManager.default.contents(atPath: path) else { throw CLIError.usage("cannot read \(path)") }
            do { rows += try RatingTable.read([UInt8](data), path: path) } catch { throw CLIError.usage(error.description) }
        }
        if let twice = Self.ratedTwice(rows) {
            throw CLIError.usage("rater '\(twice.rater)' rated '\(twice.item)' in more than one of the files; keep one rating per rater and item")
        }
        guard !rows.isEmpty else { throw CLIError.usage("no ratings in \(ratings.joined(separator: ", ")); expected rows item,rater,rating after the header") }
        let panel = AngoffPanel(rows)
        Console.out(format == .json ? AngoffReport.json(panel) : AngoffReport.text(panel))
        if let updateBank {
            let means = Dictionary(uniqueKeysWithValues: panel.items.map { ($0.id, $0.mean) })
            try BankUpdate.write(bank: updateBank, ids: panel.items.map(\.id)) { id, stats in
                var stats = stats
                stats.angoff = means[id]
                return stats
            }
        }
    }

    /// The first (item, rater) pair that appears twice (each file already refuses its own repeats).
    static func ratedTwice(_ rows: [(item: String, rater: String, rating: Double)]) -> (item: String, rater: String)? {
        var seen = Set<[String]>()
        return rows.first { !seen.insert([$0.item, $0.rater]).inserted }.map { ($0.item, $0.rater) }
    }
}

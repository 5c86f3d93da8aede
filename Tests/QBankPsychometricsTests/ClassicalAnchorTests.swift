import Foundation
import QBankCore
import Testing
@testable import QBankPsychometrics

/// Anchor: every figure of the analysis of iqitems (1,525 real respondents, 16 items)
/// agrees to 3 decimals with R psych 2.2.9's `score.multiple.choice` and `alpha`
/// (reference files in the corpus), under psych's missing-response convention.
@Suite(.enabled(if: Corpus.folder != nil, "../shared/corpus/psychometrics not present"))
struct ClassicalAnchorTests {
    let analysis: ItemAnalysis

    init() throws {
        analysis = ItemAnalysis([try Corpus.iqitems()], convention: .missing)
    }

    private func close(_ ours: Double?, _ theirs: String, _ what: String, item: String) {
        let reference = Double(theirs)!
        #expect(ours != nil && abs(ours! - reference) < 0.0005, "\(item) \(what): ours \(ours.map { Format.fixed($0, 6) } ?? "nil"), psych \(theirs)")
    }

    @Test func itemStatisticsMatchScoreMultipleChoice() throws {
        let table = try Corpus.table("reference-psych-score.multiple.choice.csv")
        let header = table[0]
        for row in table.dropFirst() {
            let item = try #require(analysis.items.first { $0.id == row[0] })
            func column(_ name: String) -> String { row[header.firstIndex(of: name)!] }
            #expect(item.n == Int(column("n")))
            close(item.pValue, column("mean"), "mean", item: item.id)
            close(item.sd, column("sd"), "sd", item: item.id)
            close(item.itemTotal, column("r"), "r", item: item.id)
            close(item.omitRate, column("miss"), "miss", item: item.id)
            for option in (0...8).map(String.init) {
                let share = item.options.first { $0.option == option }?.share ?? 0
                close(share, column(option), "share of \(option)", item: item.id)
            }
            #expect(item.options.first { $0.isKey }?.option == column("key"))
        }
    }

    @Test func reliabilityAndCorrectedCorrelationsMatchAlpha() throws {
        let total = try Corpus.table("reference-psych-alpha-total.csv")
        let form = try #require(analysis.forms.first)
        close(form.alpha, total[1][0], "raw_alpha", item: "form")
        close(form.standardizedAlpha, total[1][1], "std_alpha", item: "form")
        close(form.meanProportion, total[1][2], "mean", item: "form")
        close(form.sdProportion, total[1][3], "sd", item: "form")
        let table = try Corpus.table("reference-psych-alpha-item-stats.csv")
        let header = table[0]
        for row in table.dropFirst() {
            let item = try #require(analysis.items.first { $0.id == row[0] })
            close(item.pointBiserial, row[header.firstIndex(of: "r.drop")!], "r.drop", item: item.id)
            #expect(item.n == Int(row[header.firstIndex(of: "n")!]))
        }
    }
}

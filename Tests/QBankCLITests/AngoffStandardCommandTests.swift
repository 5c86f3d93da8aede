import Foundation
import Testing
import TestSupport

/// Without `scoring.cutTheta`, `assemble` takes the cut θ from the scored items' Angoff ratings, and
/// `score` says which standard its conversion table rests on.
@Suite(.serialized) struct AngoffStandardCommandTests {
    /// A copy of the sample bank with every item rated `rating` (none when nil), except under `unrated`, and no cutTheta.
    func ratedBank(rating: String?, unrated: String? = nil) throws -> URL {
        let folder = try CLI.temporaryFolder().appendingPathComponent("bank")
        try FileManager.default.copyItem(at: Fixtures.repositoryRoot.appendingPathComponent("Banks/mla-c01"), to: folder)
        let files = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.allObjects as? [URL])
        for file in files where ["xml", "json"].contains(file.pathExtension) && !(unrated.map { file.path.contains($0) } ?? false) {
            var text = try String(contentsOf: file, encoding: .utf8)
            if file.lastPathComponent == "blueprint.json" {
                text = text.replacingOccurrences(of: #", "cutTheta": -0.03"#, with: "")
            } else if rating == nil {
                continue
            } else if file.pathExtension == "xml" {
                text = text.replacingOccurrences(of: "<stats ", with: "<stats angoff=\"\(rating!)\" ")
            } else {
                text = text.replacingOccurrences(of: #""stats": {"#, with: #""stats": { "angoff": \#(rating!),"#)
            }
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
        return folder
    }

    /// One form (seed 42) assembled from `bank` into `out` (a fresh folder by default).
    func assembleOneForm(_ bank: URL, into out: URL? = nil) throws -> (run: CLI.Result, out: URL) {
        let out = try out ?? CLI.temporaryFolder()
        return (try CLI.run(["assemble", bank.path, "--forms", "1", "--seed", "42", "--out", out.path]), out)
    }

    /// The cut θ makes the form's TCC equal the sum of its ratings: 0.6 × 50 scored items = raw cut 30
    /// (the 15 unscored items are rated too and left out of the sum).
    @Test func ratingsSetTheCutAndScoreNamesTheStandard() throws {
        let bank = try ratedBank(rating: "0.6")
        let (run, out) = try assembleOneForm(bank)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("(standard: modified Angoff over 50 rated scored items, expected raw score 30.000): raw cuts form-1 30/50"), "\(run.stderr)")
        let table = try String(contentsOf: out.appendingPathComponent("form-1.conversion.json"), encoding: .utf8)
        #expect(table.contains(#""rawCut": 30"#) && table.contains(#""standard": "standard: modified Angoff"#))
        let key = out.appendingPathComponent("form-1.key.json")
        let answers = out.appendingPathComponent("r.json")
        try Data(#"{"form": "form-1", "responses": {}}"#.utf8).write(to: answers)
        let score = try CLI.run(["score", "--key", key.path, answers.path])
        #expect(score.stdout.contains("pass mark 30") && score.stdout.contains("standard: modified Angoff"), "\(score.stdout)\(score.stderr)")
    }

    /// How ratings get into the bank: the panel's sheet (two raters, 0.5 and 0.7) through `qbank angoff
    /// --update-bank`; the next `assemble` of the same form sets its cut from the stored means (0.6 × 50).
    @Test func aPanelSheetWrittenIntoTheBankSetsTheStandard() throws {
        let bank = try ratedBank(rating: nil)
        let (first, out) = try assembleOneForm(bank)
        #expect(first.status == 0 && first.stderr.contains("no scored item has an Angoff rating"), "\(first.stderr)")
        let key = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("form-1.key.json"))) as? [String: Any]
        let ids = try #require((key?["items"] as? [[String: Any]])?.compactMap { $0["id"] as? String })
        let sheet = out.appendingPathComponent("ratings.csv")
        try Data(("item,rater,rating\n" + ids.map { "\($0),ann,0.5\n\($0),bo,0.7\n" }.joined()).utf8).write(to: sheet)
        let rated = try CLI.run(["angoff", sheet.path, "--update-bank", bank.path])
        #expect(rated.status == 0 && rated.stdout.contains("2 raters, \(2 * ids.count) ratings of \(ids.count) items"), "\(rated.stdout)\(rated.stderr)")
        #expect(rated.stderr.contains("statistics of \(ids.count) items written into"), "\(rated.stderr)")
        let lint = try CLI.run(["lint", bank.path])
        #expect(lint.status == 0, "\(lint.stdout)")
        let again = try assembleOneForm(bank, into: out).run
        #expect(again.stderr.contains("(standard: modified Angoff over 50 rated scored items, expected raw score 30.000): raw cuts form-1 30/50"), "\(again.stderr)")
    }

    /// A scored item without a rating: no partial standard, today's rule, and the items named.
    @Test func aMissingRatingFallsBackToTheDefaultRuleAndSaysWhy() throws {
        let bank = try ratedBank(rating: "0.6", unrated: "d1-data-preparation")
        let (run, out) = try assembleOneForm(bank)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("no conversion tables: the blueprint sets no scoring.cutTheta and ") && run.stderr.contains("have no Angoff rating (e.g. "), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("form-1.conversion.json").path))
    }

    /// Every item rated 1: the minimally competent candidate would answer all, which no finite θ does.
    @Test func ratingsNoAbilityReachesFallBackAndSayWhy() throws {
        let bank = try ratedBank(rating: "1")
        let (run, out) = try assembleOneForm(bank)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("no conversion tables: the Angoff ratings of the 50 scored items sum to 50.000, outside the expected raw scores"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("form-1.conversion.json").path))
    }

    @Test func aRatingOutOfRangeIsQB002AtItsPosition() throws {
        let bank = try ratedBank(rating: "1.5")
        let lint = try CLI.run(["lint", bank.path, "--select", "QB002"])
        #expect(lint.status == 1 && lint.stdout.contains("QB002"), "\(lint.stdout)\(lint.stderr)")
    }
}

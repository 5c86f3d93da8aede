import Foundation
import Testing
import TestSupport

/// `qbank lint`'s results cache: a warm run reports exactly what a cold one does, and every
/// change that could alter the findings (a file, the blueprint, the configuration, a media
/// file) makes the next cached run equal a cold run again.
@Suite(.serialized)
struct LintCacheCommandTests {
    /// An item whose stem shows an image, `media/layout.svg` (missing until a test writes it).
    static let exhibit = CLI.itemsFile([(id: "x1", comments: "")]).replacingOccurrences(
        of: "for team x1?</stem>", with: "for team x1?\n\n![Bucket layout](media/layout.svg)</stem>")

    func bank() throws -> URL {
        try CLI.bank([
            "flawed.xml": LintCommandTests.badItem,
            "plain.xml": CLI.itemsFile([(id: "p1", comments: ""), (id: "p2", comments: "")]),
            "exhibit.xml": Self.exhibit,
        ])
    }

    /// The JSON report of a run with the cache (the default) or without.
    func lint(_ folder: URL, cached: Bool = true, _ extra: [String] = []) throws -> CLI.Result {
        try CLI.run(["lint", "--format", "json", "--quiet"] + extra + (cached ? [] : ["--no-cache"]) + ["."], in: folder)
    }

    func expectSameAsCold(_ folder: URL, _ extra: [String] = [], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let cold = try lint(folder, cached: false, extra)
        let warm = try lint(folder, extra)
        #expect(warm.stdout == cold.stdout, sourceLocation: sourceLocation)
        #expect(warm.status == cold.status, sourceLocation: sourceLocation)
    }

    @Test func aWarmRunReportsWhatAColdRunDoesAndTheCacheIgnoresItself() throws {
        let folder = try bank()
        let cold = try lint(folder, cached: false)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(".qbank-cache").path), "--no-cache writes nothing")
        let first = try lint(folder), second = try lint(folder)
        #expect(cold.status == 1 && cold.stdout.contains("QB101"), "\(cold.stdout)")
        #expect(first.stdout == cold.stdout && second.stdout == cold.stdout)
        #expect(first.status == cold.status && second.status == cold.status)
        let cache = folder.appendingPathComponent(".qbank-cache")
        #expect(try String(contentsOf: cache.appendingPathComponent(".gitignore"), encoding: .utf8).contains("*\n"))
        // One entry for the bank, one per file for its item findings, and the bank rules' record.
        #expect(try entries(in: cache).count == 5)
        #expect(try bankEntries(in: cache).count == 1)
        // The cache folder is never linted, even when named.
        let named = try CLI.run(["lint", "--show-files", ".qbank-cache"], in: folder)
        #expect(named.stdout.isEmpty, "\(named.stdout)")
    }

    @Test func aWarmRunReadsTheEntryAndACorruptOrForeignEntryIsIgnored() throws {
        let folder = try bank()
        let cold = try lint(folder, cached: false)
        _ = try lint(folder)
        let cache = folder.appendingPathComponent(".qbank-cache")
        let entry = try #require(try bankEntries(in: cache).first)
        // An entry edited behind qbank's back shows: the warm run did not read the bank.
        let bytes = try Data(contentsOf: entry)
        try Self.replacing("QB101", with: "QB999", in: bytes).write(to: entry)
        #expect(try lint(folder).stdout.contains("QB999"))
        for garbage in ["", "{", "[1, 2]", #"{"format": "qbank-lint-cache-0"}"#] {
            try garbage.write(to: entry, atomically: true, encoding: .utf8)
            #expect(try lint(folder).stdout == cold.stdout, "entry \(garbage)")
        }
        // Another bank's entry under this name (its recorded key differs) is foreign.
        let key = entry.deletingPathExtension().lastPathComponent
        #expect(bytes.range(of: Data(key.utf8)) != nil)
        try Self.replacing(key, with: String(key.reversed()), in: Self.replacing("QB101", with: "QB999", in: bytes)).write(to: entry)
        #expect(try lint(folder).stdout == cold.stdout)
        // Cut short anywhere, an entry is refused, never half read.
        for length in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 12)) {
            try bytes.prefix(length).write(to: entry)
            #expect(try lint(folder).stdout == cold.stdout, "entry cut at \(length) of \(bytes.count) bytes")
        }
    }

    @Test func afterOneFileChangesTheOthersItemFindingsAreReused() throws {
        let folder = try bank()
        _ = try lint(folder)
        let cache = folder.appendingPathComponent(".qbank-cache")
        // The entry of flawed.xml's item findings (QB101 is an item rule), edited behind qbank's back.
        let fileEntry = try #require(try entries(in: cache).first { url in
            let bytes = try Data(contentsOf: url)
            return Self.kind(of: bytes) == "F" && bytes.range(of: Data("QB101".utf8)) != nil
        })
        let bytes = try Data(contentsOf: fileEntry)
        try Self.replacing("QB101", with: "QB999", in: bytes).write(to: fileEntry)
        // Another file changes: the bank is read again, but flawed.xml's item findings come from its entry.
        try (CLI.itemsFile([(id: "p1", comments: "")])).write(to: folder.appendingPathComponent("plain.xml"), atomically: true, encoding: .utf8)
        #expect(try lint(folder).stdout.contains("QB999"))
        // Restored, the cached run equals a cold one again.
        try bytes.write(to: fileEntry)
        try (CLI.itemsFile([(id: "p1", comments: ""), (id: "p3", comments: "")])).write(to: folder.appendingPathComponent("plain.xml"), atomically: true, encoding: .utf8)
        try expectSameAsCold(folder)
    }

    @Test func changingAFileTheBlueprintTheConfigurationOrAMediaFileIsNeverStale() throws {
        let folder = try bank()
        try expectSameAsCold(folder)
        // A bank file.
        try LintCommandTests.badItem.replacingOccurrences(of: #"<option id="b" correct="true">"#, with: #"<option id="b">"#)
            .write(to: folder.appendingPathComponent("flawed.xml"), atomically: true, encoding: .utf8)
        try expectSameAsCold(folder)
        // The blueprint: task 1.1 no longer exists.
        let blueprint = folder.appendingPathComponent("blueprint.json")
        try String(contentsOf: blueprint, encoding: .utf8).replacingOccurrences(of: #""1.1""#, with: #""1.9""#)
            .write(to: blueprint, atomically: true, encoding: .utf8)
        try expectSameAsCold(folder)
        // The configuration: a new qbank.json, then the command line.
        try #"{"ignore": ["QB110"]}"#.write(to: folder.appendingPathComponent("qbank.json"), atomically: true, encoding: .utf8)
        try expectSameAsCold(folder)
        try expectSameAsCold(folder, ["--select", "QB2"])
        try expectSameAsCold(folder, ["--strict"])
        // A rule's option, and an override, each change the key too.
        for config in [#"{"ignore": ["QB110"], "rules": {"QB304": {"options": {"ratio": 1.01}}}}"#,
                       #"{"ignore": ["QB110"], "rules": {"QB304": {"options": {"ratio": 3}}}}"#,
                       #"{"ignore": ["QB110"], "overrides": [{"files": ["plain.xml"], "rules": {"QB101": "info"}}]}"#,
                       #"{"ignore": ["QB110"], "overrides": [{"files": ["flawed.xml"], "rules": {"QB101": "info"}}]}"#] {
            try config.write(to: folder.appendingPathComponent("qbank.json"), atomically: true, encoding: .utf8)
            try expectSameAsCold(folder)
        }
        // A media file the exhibit names: missing, then there, then changed.
        let media = folder.appendingPathComponent("media")
        try FileManager.default.createDirectory(at: media, withIntermediateDirectories: true)
        try #"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>"#
            .write(to: media.appendingPathComponent("layout.svg"), atomically: true, encoding: .utf8)
        try expectSameAsCold(folder)
        try #"<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>"#
            .write(to: media.appendingPathComponent("layout.svg"), atomically: true, encoding: .utf8)
        try expectSameAsCold(folder)
        #expect(try lint(folder).stdout.contains("script"))
    }

    /// After one file changes, the others are neither read nor item-checked (their signatures and
    /// findings come from the cache), yet the bank rules still see them: each of three files of
    /// the sample bank, changed in turn without a new finding, with an id another file uses, and
    /// unreadable, gives the cold run's report.
    @Test func changingOneFileInTurnGivesTheColdRunsReport() throws {
        let folder = try CLI.sampleBankCopy()
        _ = try lint(folder)
        let files = ["d1-data-preparation/1.1-ingest-and-store.xml", "d2-model-development/2.1-modeling-approach.json",
                     "d4-monitoring-security/cases.xml"]
        for name in files {
            let url = folder.appendingPathComponent(name)
            let original = try String(contentsOf: url, encoding: .utf8)
            let borrowed = name.hasPrefix("d1") ? "mla-2.2-001" : "mla-1.1-001"
            let match = try #require(original.firstMatch(of: /id="(mla-[0-9.-]+)"|"id": "(mla-[0-9.-]+)"/)?.output)
            let firstID = try #require(match.1 ?? match.2)
            for changed in [original + "\n", original.replacingOccurrences(of: "\"\(firstID)\"", with: "\"\(borrowed)\""),
                            String(original.prefix(original.count / 2))] {
                try changed.write(to: url, atomically: true, encoding: .utf8)
                try expectSameAsCold(folder)
            }
            try original.write(to: url, atomically: true, encoding: .utf8)
        }
        try expectSameAsCold(folder)
        // A spoiled signature is ignored: the file is read again.
        let cache = folder.appendingPathComponent(".qbank-cache")
        for signature in try FileManager.default.contentsOfDirectory(at: cache, includingPropertiesForKeys: nil) where signature.pathExtension == "sig" {
            try Data([1, 2, 3]).write(to: signature)
        }
        try "\n".write(to: folder.appendingPathComponent("d3-deployment-orchestration/3.1-endpoints-cli.xml"), atomically: false, encoding: .utf8)
        try expectSameAsCold(folder)
    }

    /// The bank rules' per-item analyses kept with the unchanged files' signatures meet fresh ones of
    /// the changed file: a copy, then a reworded copy, of another file's item, which only the
    /// cross-item rules (duplicates, same fact) see, give the cold run's report.
    @Test func aCopyOfAnotherFilesItemIsFoundFromStoredAnalyses() throws {
        let folder = try CLI.sampleBankCopy()
        _ = try lint(folder)
        let source = try String(contentsOf: folder.appendingPathComponent("d3-deployment-orchestration/3.1-endpoints-cli.xml"), encoding: .utf8)
        let start = try #require(source.range(of: "<item "))
        let end = try #require(source.range(of: "</item>", range: start.upperBound..<source.endIndex))
        let item = String(source[start.lowerBound..<end.upperBound]).replacing(/id="mla-[0-9.-]+"/, maxReplacements: 1) { _ in #"id="mla-1.1-901""# }
        let url = folder.appendingPathComponent("d1-data-preparation/1.1-ingest-and-store.xml")
        let original = try String(contentsOf: url, encoding: .utf8)
        let reworded = item.replacing(/<\/stem>/, maxReplacements: 1) { _ in " today</stem>" }
        for copy in [item, reworded] {
            try original.replacingOccurrences(of: "</bank>", with: copy + "\n</bank>").write(to: url, atomically: true, encoding: .utf8)
            try expectSameAsCold(folder)
            #expect(try lint(folder).stdout.contains("QB503"), "the copy is found")
        }
    }

    /// A change the bank rules cannot see (a comment, a rationale) takes every finding located in the
    /// other files from the bank-rule record, its places moved where the change moved them, and a
    /// record made when a file held other contents than it holds now is never taken.
    @Test func aChangeTheBankRulesCannotSeeReusesTheirRecordMovedButNeverAStaleOne() throws {
        let folder = try CLI.sampleBankCopy()
        let copied = folder.appendingPathComponent("d1-data-preparation/1.1-ingest-and-store.xml")
        let source = folder.appendingPathComponent("d3-deployment-orchestration/3.1-endpoints-cli.xml")
        // A copy of a d3 item in d1: a QB503 finding whose places lie in both files.
        let text = try String(contentsOf: source, encoding: .utf8)
        let start = try #require(text.range(of: "<item "))
        let end = try #require(text.range(of: "</item>", range: start.upperBound..<text.endIndex))
        let item = String(text[start.lowerBound..<end.upperBound]).replacing(/id="mla-[0-9.-]+"/, maxReplacements: 1) { _ in #"id="mla-1.1-901""# }
        let original = try String(contentsOf: copied, encoding: .utf8).replacingOccurrences(of: "</bank>", with: item + "\n</bank>")
        try original.write(to: copied, atomically: true, encoding: .utf8)
        try expectSameAsCold(folder)
        #expect(try lint(folder).stdout.contains(#""QB503""#), "the copy is found")
        let cache = folder.appendingPathComponent(".qbank-cache")
        /// Edits the bank-rule record behind qbank's back, makes `change`, and expects the edit to show: the record was taken.
        func expectRecordTaken(_ change: () throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) throws {
            let record = try #require(try entries(in: cache).first { try Self.kind(of: Data(contentsOf: $0)) == "R" })
            let bytes = try Data(contentsOf: record)
            try Self.replacing("QB503", with: "QB999", in: bytes).write(to: record)
            try change()
            #expect(try lint(folder).stdout.contains(#""QB999""#), sourceLocation: sourceLocation)
            try bytes.write(to: record)
        }
        func append(_ text: String, to url: URL) throws {
            try (String(contentsOf: url, encoding: .utf8) + text).write(to: url, atomically: true, encoding: .utf8)
        }
        // A comment after the root.
        try expectRecordTaken { try append("<!-- one -->\n", to: copied) }
        try append("<!-- two -->\n", to: copied)
        try expectSameAsCold(folder)
        // A placeholder in a rationale, as long as the words it replaces: nothing moves, the findings change.
        let commented = try String(contentsOf: copied, encoding: .utf8)
        try commented.replacing(/<rationale>Incorrect/, maxReplacements: 1) { _ in "<rationale>TODO #####" }.write(to: copied, atomically: true, encoding: .utf8)
        let placeholder = try lint(folder)
        #expect(placeholder.stdout.contains(#""QB116""#), "\(placeholder.stdout)")
        try expectSameAsCold(folder)
        // d1 back as it was (its entry is known) while d3 gets a comment: the record was last made with the
        // placeholder, so it is not taken.
        try commented.write(to: copied, atomically: true, encoding: .utf8)
        try append("<!-- three -->\n", to: source)
        try expectSameAsCold(folder)
        // Lines added above d3's items move every place in it, in the record's findings located in d1 too; the record still serves.
        func addLines(_ lines: String) throws {
            try String(contentsOf: source, encoding: .utf8).replacing(/<bank [^>]*>/, maxReplacements: 1) { $0.output + "\n" + lines }
                .write(to: source, atomically: true, encoding: .utf8)
        }
        try expectRecordTaken { try addLines("<!-- four -->") }
        try addLines("<!-- five\n and six -->")
        try expectSameAsCold(folder)
        // A rationale rewritten longer moves the places after it, within its line and below.
        try String(contentsOf: copied, encoding: .utf8).replacing(/<rationale>Incorrect/, maxReplacements: 1) { _ in "<rationale>Wrong,\nand incorrect" }
            .write(to: copied, atomically: true, encoding: .utf8)
        try expectSameAsCold(folder)
    }

    /// A finding whose words name a place in the changed file (QB107's "already used at FILE:LINE:COL")
    /// cannot be moved like its locations: the record is refused and the report equals a cold run's
    /// (the reviewer's reproducer: the cached run said the old line).
    @Test func aFindingWhoseMessageNamesAMovedPlaceIsNotTakenFromTheRecord() throws {
        let folder = try CLI.bank([
            "a.xml": CLI.itemsFile([(id: "t1", comments: ""), (id: "t2", comments: ""), (id: "t1", comments: "")]),
            "b.xml": CLI.itemsFile([(id: "t9", comments: "")]),
        ])
        let first = try lint(folder)
        #expect(first.stdout.contains(#""QB107""#), "\(first.stdout)")
        let file = folder.appendingPathComponent("a.xml")
        try String(contentsOf: file, encoding: .utf8).replacing(/<bank [^>]*>/, maxReplacements: 1) { $0.output + "\n\n" }
            .write(to: file, atomically: true, encoding: .utf8)
        try expectSameAsCold(folder)
    }

    /// Each change of a file leaves its old entry and the bank's behind; pruning keeps the folder
    /// from growing with them while the entries every run uses stay.
    @Test func entriesTheLastRunsDidNotUseArePruned() throws {
        let folder = try bank()
        let cache = folder.appendingPathComponent(".qbank-cache")
        _ = try lint(folder)
        let first = try Set(entries(in: cache).map(\.lastPathComponent))
        let runs = 2 * 10 + 1
        for run in 0..<runs {
            let items = (0...run % 3).map { (id: "p\(run)-\($0)", comments: "") }
            try CLI.itemsFile(items).write(to: folder.appendingPathComponent("plain.xml"), atomically: true, encoding: .utf8)
            _ = try lint(folder)
        }
        let now = try Set(entries(in: cache).map(\.lastPathComponent))
        // Without pruning: the first run's 5 entries and 3 more per run (plain.xml's, the bank's and its bank-rule record).
        #expect(now.count < 5 + 3 * runs, "\(now.count) entries")
        // Pruned once the log held 20 runs, keeping the last 10 runs' entries; 2 runs since.
        #expect(now.count <= 2 + 3 * 12, "the two unchanged files' entries and at most 12 runs' new ones: \(now.count)")
        #expect(first.intersection(now).count == 2, "the unchanged files' entries stay")
        try expectSameAsCold(folder)
    }

    @Test func concurrentRunsAgreeWithAColdRun() async throws {
        let folder = try bank()
        let cold = try lint(folder, cached: false)
        let results = try await withThrowingTaskGroup(of: CLI.Result.self) { group in
            for _ in 0..<4 { group.addTask { try self.lint(folder) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        for result in results { #expect(result.stdout == cold.stdout) }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(".qbank-cache").path)
        #expect(leftovers.filter { $0.hasSuffix(".tmp") }.isEmpty, "\(leftovers)")
    }

    /// The entries of whole banks (the others hold one file's item findings).
    func bankEntries(in cache: URL) throws -> [URL] {
        try entries(in: cache).filter { try Self.kind(of: Data(contentsOf: $0)) == "B" }
    }

    /// An entry's kind, the letter after its header's `qbank-lint-cache-<layout>`: B for a bank, F for a file, R for a bank-rule record.
    static func kind(of entry: Data) -> Character? {
        guard entry.starts(with: Data("qbank-lint-cache-".utf8)) else { return nil }
        return entry.dropFirst(17).first { !(0x30...0x39).contains($0) }.map { Character(UnicodeScalar($0)) }
    }

    /// `entry` with every `text` replaced by `replacement`, which is as long, so the entry's counts stay right.
    static func replacing(_ text: String, with replacement: String, in entry: Data) -> Data {
        var entry = entry
        while let range = entry.range(of: Data(text.utf8)) { entry.replaceSubrange(range, with: Data(replacement.utf8)) }
        return entry
    }

    func entries(in cache: URL) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: cache, includingPropertiesForKeys: nil).filter { $0.pathExtension == "lint" }
    }
}

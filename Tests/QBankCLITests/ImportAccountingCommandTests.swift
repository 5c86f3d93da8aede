import Foundation
import Testing
import TestSupport

/// Issue 14: every source and item of an import run is accounted for, and the exit status says so.
@Suite struct ImportAccountingCommandTests {
    static let csv = "question,A,B,C,D,answer\nWhat is 1?,a,b,c,d,E\nOrder?,a,b,c,d,\"2,4,3,1\"\nOk?,a,b,c,d,B\n"

    @Test func aJSONFileThatIsNoBankStopsTheWholeRun() throws {
        let folder = try CLI.temporaryFolder()
        try #"[{"question": "What?", "options": ["a", "b"], "answer": "a"}]"#.write(to: folder.appendingPathComponent("bespoke.json"), atomically: true, encoding: .utf8)
        try "question,A,B,answer\nOk?,a,b,B\n".write(to: folder.appendingPathComponent("good.csv"), atomically: true, encoding: .utf8)
        let bank = folder.appendingPathComponent("bank").path
        let run = try CLI.run(["import", "bespoke.json", "good.csv", "--into", bank], in: folder)
        #expect(run.status == 2)
        #expect(run.stdout.contains("bespoke.json:1:1: unreadable: read 0 items from a non-empty source"))
        #expect(run.stdout.contains("pass --map with \"json\""))
        #expect(!FileManager.default.fileExists(atPath: bank), "nothing is written when a source cannot be read")
        let kept = try CLI.run(["import", "bespoke.json", "good.csv", "--into", bank, "--keep-going"], in: folder)
        #expect(kept.status == 2)
        #expect(kept.stderr.contains("wrote \(bank)/good.xml (1 item)"))
    }

    @Test func aCSVAnswerThatMatchesNoOptionIsSkipped() throws {
        let folder = try CLI.temporaryFolder()
        try Self.csv.write(to: folder.appendingPathComponent("q.csv"), atomically: true, encoding: .utf8)
        let run = try CLI.run(["import", "q.csv", "--into", "bank", "--dry-run"], in: folder)
        #expect(run.status == 1)
        #expect(run.stdout.contains("q.csv:2:1: skipped [What is 1?]: the answer 'E' matches none of the 4 options"))
        #expect(run.stdout.contains("q.csv:3:1: skipped [Order?]: the answer '2,4,3,1' matches none of the 4 options"))
        #expect(run.stdout.contains("total: read 3, imported 1, skipped 2"))
    }

    @Test func idClashesWithinARunNameTheOtherSourceAndUnreadableWins() throws {
        let folder = try CLI.temporaryFolder()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
        for name in ["q.csv", "sub/q.csv"] { try Self.csv.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        let clash = try CLI.run(["import", "q.csv", "sub/q.csv", "--into", "bank", "--dry-run"], in: folder)
        #expect(clash.status == 1)
        #expect(clash.stderr.contains("sub/q.csv:4:1: id 'q-3' is also imported at q.csv:4:1 in this run (both would go to bank/q.xml)"))
        try "not a bank".write(to: folder.appendingPathComponent("x.json"), atomically: true, encoding: .utf8)
        let both = try CLI.run(["import", "q.csv", "sub/q.csv", "x.json", "--into", "bank", "--dry-run"], in: folder)
        #expect(both.status == 2, "an unreadable source is a usage error even when ids also clash")
    }

    @Test func aSkipMessageIsOneLine() throws {
        let folder = try CLI.temporaryFolder()
        try "question,A,B,answer\n\"Two\nlines?\",a,b,Z\n".write(to: folder.appendingPathComponent("q.csv"), atomically: true, encoding: .utf8)
        let run = try CLI.run(["import", "q.csv", "--into", "bank", "--dry-run"], in: folder)
        #expect(run.stdout.contains("skipped [Two lines?]: the answer 'Z' matches none of the 2 options"))
    }

    /// An unzipped package (a folder with imsmanifest.xml) imports like the .zip; item resources typed loosely are
    /// read with a note; a package that gives no item is not a clean run.
    @Test func anUnzippedPackageWithLooseResourceTypesImports() throws {
        let folder = try CLI.temporaryFolder()
        let zip = folder.appendingPathComponent("p.zip").path
        #expect(try CLI.run(["export", "Banks/mla-c01", "--to", "qti21", "--out", zip]).status == 0)
        let package = folder.appendingPathComponent("package")
        let unzip = try CLI.run(program: URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-m", "zipfile", "-e", zip, package.path], in: folder)
        try #require(unzip.status == 0, "\(unzip.stderr)")
        let manifest = package.appendingPathComponent("imsmanifest.xml")
        let loose = try String(contentsOf: manifest, encoding: .utf8).replacingOccurrences(of: "imsqti_item_xmlv2p1", with: "imsqti_v2p1")
        try loose.write(to: manifest, atomically: true, encoding: .utf8)
        let fromZip = try CLI.run(["import", zip, "--into", "bank", "--dry-run"], in: folder)
        let fromFolder = try CLI.run(["import", "package", "--into", "bank", "--dry-run"], in: folder)
        #expect(fromFolder.status == fromZip.status && fromFolder.status != 2, "\(fromFolder.stdout.prefix(600))")
        let total = { (run: CLI.Result) in run.stdout.split(separator: "\n").last.map(String.init) ?? "" }
        #expect(total(fromFolder) == total(fromZip) && !total(fromZip).contains("imported 0"))
        #expect(fromFolder.stdout.contains("note [item-") && fromFolder.stdout.contains("resource type 'imsqti_v2p1' is not a QTI item type"))

        try loose.replacingOccurrences(of: "imsqti_v2p1", with: "webcontent").write(to: manifest, atomically: true, encoding: .utf8)
        let none = try CLI.run(["import", "package", "--into", "bank", "--dry-run"], in: folder)
        #expect(none.status == 2)
        #expect(none.stdout.contains("read 0 items from a non-empty source"))
    }

    @Test func theJSONReportAccountsForEverySourceItem() throws {
        let folder = try CLI.temporaryFolder()
        try Self.csv.write(to: folder.appendingPathComponent("q.csv"), atomically: true, encoding: .utf8)
        try "### Pick one\n\n- [x] Yes\n- [ ] No\n\nStray text.\n".write(to: folder.appendingPathComponent("a.md"), atomically: true, encoding: .utf8)
        let run = try CLI.run(["import", "a.md", "q.csv", "--into", "bank", "--format", "json"], in: folder)
        #expect(run.status == 1)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(document["exitStatus"] as? Int == 1 && document["written"] as? Bool == true)
        let sources = try #require(document["sources"] as? [[String: Any]])
        let items = sources.flatMap { $0["items"] as? [[String: Any]] ?? [] }
        #expect(items.map { $0["status"] as? String } == ["changed", "skipped", "skipped", "imported"])
        let skipped = try #require(items[1]["reasons"] as? [[String: Any]]).first
        #expect((skipped?["location"] as? [String: Any])?["line"] as? Int == 2)
        #expect((skipped?["reason"] as? String)?.hasPrefix("the answer 'E' matches none") == true)
        for source in sources { #expect(source["read"] as? Int == (source["items"] as? [Any])?.count) }
    }

    /// Class 10: a bespoke JSON bank comes in with `--map` field paths; an answer naming no option skips that question.
    @Test func aBespokeJSONBankImportsWithAFieldMap() throws {
        let folder = try CLI.temporaryFolder()
        try """
            {"data": {"questions": [
              {"q": "Which service stores objects?", "choices": {"A": "Amazon S3", "B": "Amazon EC2", "C": "AWS IAM"}, "answer": "A", "why": "S3 is object storage."},
              {"q": "Which TWO are compute?", "choices": {"A": "EC2", "B": "Lambda", "C": "S3"}, "answer": ["A", "B"]},
              {"q": "Broken key", "choices": {"A": "x", "B": "y"}, "answer": "E"}
            ]}}
            """.write(to: folder.appendingPathComponent("bespoke.json"), atomically: true, encoding: .utf8)
        try #"{"json": {"items": "data.questions", "stem": "q", "options": "choices", "key": "answer", "explanation": "why"}}"#
            .write(to: folder.appendingPathComponent("map.json"), atomically: true, encoding: .utf8)
        let run = try CLI.run(["import", "bespoke.json", "--map", "map.json", "--into", "bank"], in: folder)
        #expect(run.status == 1, "\(run.stdout)")
        #expect(run.stdout.contains("read 3, imported 2, skipped 1"))
        #expect(run.stdout.contains("skipped [Broken key]: the answer 'E' matches none of the 2 options"))
        let written = try String(contentsOfFile: folder.appendingPathComponent("bank/bespoke.xml").path, encoding: .utf8)
        #expect(written.contains(#"<item id="bespoke-2" type="multiple" select="2" status="draft">"#))
        #expect(written.contains("S3 is object storage."))

        guard let shared = Fixtures.sharedFolder else { return }
        let opentdb = shared.appendingPathComponent("corpus/banks/opentdb/api_3q_typeboolean.json").path
        try #"{"json": {"items": "results", "stem": "question", "correct": "correct_answer", "distractors": "incorrect_answers", "tags": "category"}}"#
            .write(to: folder.appendingPathComponent("opentdb.json"), atomically: true, encoding: .utf8)
        let trivia = try CLI.run(["import", opentdb, "--map", "opentdb.json", "--into", "bank", "--dry-run"], in: folder)
        #expect(trivia.status == 0 && trivia.stdout.contains("read 3, imported 3, skipped 0"), "\(trivia.stdout)")
    }
}

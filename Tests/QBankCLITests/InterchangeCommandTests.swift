import Foundation
import Testing
import TestSupport

/// `qbank import`, `convert` and `export` end to end, as a user runs them.
@Suite struct InterchangeCommandTests {
    static let gift = """
        // two questions, one the bank cannot hold
        ::q-storage:: Which service stores objects? {=Amazon S3 ~Amazon EC2 ~AWS IAM ~Amazon VPC}

        ::q-essay:: Explain durability. {}
        """

    @Test func importWritesCanonicalDraftsAndReportsSkips() throws {
        let folder = try CLI.temporaryFolder()
        let source = folder.appendingPathComponent("quiz.gift")
        try Self.gift.write(to: source, atomically: true, encoding: .utf8)
        let bank = folder.appendingPathComponent("bank").path
        let run = try CLI.run(["import", source.path, "--into", bank])
        #expect(run.status == 1)  // one item skipped
        #expect(run.stdout.contains("read 2, imported 1, skipped 1"))
        #expect(run.stdout.contains("quiz.gift:4:1: skipped [q-essay]: essay question"))
        let written = try String(contentsOfFile: bank + "/quiz.xml", encoding: .utf8)
        #expect(written.contains(#"<item id="quiz-q-storage" type="single" status="draft">"#))
        let lint = try CLI.run(["lint", bank])
        #expect(lint.status == 0 || lint.stdout.contains("QB"))

        // Importing again collides: refused, nothing written, the ids listed.
        let again = try CLI.run(["import", source.path, "--into", bank])
        #expect(again.status == 1)
        #expect(again.stderr.contains("id 'quiz-q-storage' is already in"))
        #expect(try String(contentsOfFile: bank + "/quiz.xml", encoding: .utf8) == written)
        let renamed = try CLI.run(["import", source.path, "--into", bank, "--on-conflict", "rename", "--as", "json", "--domain", "1", "--task", "1.1"])
        #expect(renamed.stdout.contains("imported as 'quiz-q-storage-2'"))
    }

    @Test func dryRunWritesNothing() throws {
        let folder = try CLI.temporaryFolder()
        let source = folder.appendingPathComponent("quiz.gift")
        try Self.gift.write(to: source, atomically: true, encoding: .utf8)
        let run = try CLI.run(["import", source.path, "--into", folder.appendingPathComponent("bank").path, "--dry-run"])
        #expect(run.stdout.contains("total: read 2, imported 1, skipped 1"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("bank").path))
    }

    @Test func unknownFormatIsAUsageError() throws {
        let folder = try CLI.temporaryFolder()
        let source = folder.appendingPathComponent("notes.dat")
        try "hello".write(to: source, atomically: true, encoding: .utf8)
        let run = try CLI.run(["import", source.path, "--into", folder.path])
        #expect(run.status == 2)
        #expect(run.stdout.contains("pass --from"))
    }

    @Test func convertIsLosslessAndRefusesToOverwrite() throws {
        let folder = try CLI.temporaryFolder()
        let original = Fixtures.repositoryRoot.appendingPathComponent("Banks/mla-c01/d1-data-preparation/1.1-ingest-and-store.xml")
        let copy = folder.appendingPathComponent("bank.xml")
        try FileManager.default.copyItem(at: original, to: copy)
        #expect(try CLI.run(["convert", copy.path, "--to", "json"]).status == 0)
        #expect(try CLI.run(["convert", copy.path, "--to", "json"]).status == 2)
        let back = folder.appendingPathComponent("back.xml").path
        #expect(try CLI.run(["convert", folder.appendingPathComponent("bank.json").path, "--to", "xml", "--output", back]).status == 0)
        // The sample file is hand-formatted; its canonical JSON must come back byte for byte.
        let again = folder.appendingPathComponent("again.json").path
        #expect(try CLI.run(["convert", back, "--to", "json", "--output", again]).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: again)) == Data(contentsOf: folder.appendingPathComponent("bank.json")))
        #expect(try String(contentsOfFile: back, encoding: .utf8).components(separatedBy: "<item ").count
                == String(contentsOf: original, encoding: .utf8).components(separatedBy: "<item ").count)
    }

    @Test func exportWritesAPackageAndRefusesToOverwrite() throws {
        let folder = try CLI.temporaryFolder()
        let out = folder.appendingPathComponent("mla.zip").path
        let run = try CLI.run(["export", "Banks/mla-c01", "--to", "qti3", "--out", out])
        #expect(run.status == 0)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: out))
        #expect(bytes.starts(with: [0x50, 0x4B]))
        #expect(try CLI.run(["export", "Banks/mla-c01", "--to", "qti3", "--out", out]).status == 2)
        #expect(try CLI.run(["export", "Banks/mla-c01", "--to", "moodle", "--out", folder.appendingPathComponent("m.zip").path]).status == 2)
        let back = try CLI.run(["import", out, "--into", folder.appendingPathComponent("bank").path, "--dry-run"])
        let items = try CLI.sampleBankSize().items
        #expect(back.stdout.contains("total: read \(items), imported \(items), skipped 0"), "\(back.stdout)")
    }

    @Test func exportWritesAnAssembledFormFromItsKey() throws {
        let folder = try CLI.temporaryFolder()
        let out = folder.appendingPathComponent("form-1.zip").path, key = "Reports/mla-c01/forms/form-1.key.json"
        #expect(try CLI.run(["export", key, "--to", "qti3", "--out", out]).status == 2, "a form needs --bank")
        let run = try CLI.run(["export", key, "--bank", "Banks/mla-c01", "--to", "qti3", "--out", out])
        #expect(run.status == 0 && run.stderr.contains("65 items"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)).starts(with: [0x50, 0x4B]))
        #expect(try CLI.run(["export", "Banks/mla-c01", "--bank", "Banks/mla-c01", "--to", "qti3", "--out", out, "--force"]).status == 2)
        let page = folder.appendingPathComponent("form-1.html").path
        let html = try CLI.run(["export", key, "--to", "html", "--out", page])
        #expect(html.status == 0 && html.stderr.contains("65 questions"))
        #expect(try String(contentsOfFile: page, encoding: .utf8).contains("<h3>Question 65</h3>"))
        #expect(try CLI.run(["export", "Banks/mla-c01", "--to", "html", "--out", page, "--force"]).status == 2, "html prints forms, not banks")
    }
}

import Foundation
import Testing
import TestSupport

struct PreviewCommandTests {
    @Test func previewsAnItemByIdDeterministically() throws {
        let folder = try CLI.temporaryFolder()
        let first = folder.appendingPathComponent("a.html"), second = folder.appendingPathComponent("b.html")
        #expect(try CLI.run(["preview", "mla-1.1-001", "--bank", "Banks/mla-c01", "--out", first.path, "--seed", "5"]).status == 0)
        #expect(try CLI.run(["preview", "mla-1.1-001", "--bank", "Banks/mla-c01", "--out", second.path, "--seed", "5"]).status == 0)
        let html = try String(contentsOf: first, encoding: .utf8)
        #expect(try Data(contentsOf: first) == Data(contentsOf: second))
        _ = try ReportChecks.charts(inHTML: html)
        #expect(html.contains("Amazon Data Firehose"))
        #expect(html.contains("✓ key"))
    }

    @Test func previewsAWholeFileAndCaseStudies() throws {
        let out = try CLI.temporaryFolder().appendingPathComponent("cases.html")
        let result = try CLI.run(["preview", "Banks/mla-c01/d2-model-development/cases.xml", "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let html = try String(contentsOf: out, encoding: .utf8)
        #expect(html.contains("Case study case-2-01"))
        #expect(html.components(separatedBy: "<article class=\"item\"").count == 7)
    }

    @Test func unknownIdsAndMissingBankAreUsageErrors() throws {
        let out = try CLI.temporaryFolder().appendingPathComponent("x.html")
        let unknown = try CLI.run(["preview", "no-such-item", "--bank", "Banks/mla-c01", "--out", out.path])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no item or case study with id 'no-such-item'"))
        #expect(try CLI.run(["preview", "mla-1.1-001", "--out", out.path]).status == 2)
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}

import Foundation
import Testing
import TestSupport

struct ReportCommandTests {
    static let committed = Fixtures.repositoryRoot.appendingPathComponent("Reports/mla-c01")

    @Test func sampleReportIsUpToDate() throws {
        let folder = try CLI.temporaryFolder()
        let result = try CLI.run(["report", "Banks/mla-c01", "--out", folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        for name in ["index.html", "README.md"] {
            let generated = try Data(contentsOf: folder.appendingPathComponent(name))
            let committed = try Data(contentsOf: Self.committed.appendingPathComponent(name))
            #expect(generated == committed, "Reports/mla-c01/\(name) is stale: run Scripts/update-reports.sh")
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func committedReportIsWellFormedAndChartsMatchTheMarkdown() throws {
        let html = try String(contentsOf: Self.committed.appendingPathComponent("index.html"), encoding: .utf8)
        let markdown = try String(contentsOf: Self.committed.appendingPathComponent("README.md"), encoding: .utf8)
        let charts = try ReportChecks.charts(inHTML: html)
        let tables = ReportChecks.chartTables(inMarkdown: markdown)
        #expect(charts.count >= 10)
        #expect(Set(charts.map(\.id)) == Set(tables.keys))
        for chart in charts {
            let table = try #require(tables[chart.id])
            #expect(chart.bars.map(\.label) == table.map(\.label), "\(chart.id)")
            #expect(chart.bars.map(\.value) == table.map { Double($0.value) ?? .nan }, "\(chart.id)")
        }
        let domains = try #require(charts.first { $0.id == "domain-share" })
        #expect(domains.bars.map(\.label).first == "1. Data Preparation for Machine Learning (ML)")
        #expect(markdown.contains("| 1. Data Preparation for Machine Learning (ML) | 84 | 27.6 | 28.0 |"))
    }

    @Test func badInputIsAUsageError() throws {
        let folder = try CLI.temporaryFolder()
        try "{\"format\": \"urn:qbank:bank:1\"}".write(to: folder.appendingPathComponent("a.json"), atomically: true, encoding: .utf8)
        let noBlueprint = try CLI.run(["report", ".", "--out", "out"], in: folder)
        #expect(noBlueprint.status == 2)
        #expect(noBlueprint.stderr.contains("blueprint"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/index.html").path))
        #expect(try CLI.run(["report", "no/such/bank", "--out", folder.path]).status == 2)
        #expect(try CLI.run(["report", "Banks/mla-c01"]).status == 2, "--out is required")
    }

    @Test func progressGoesToStderrOnlyWhenAsked() throws {
        let folder = try CLI.temporaryFolder()
        let quiet = try CLI.run(["report", "Banks/mla-c01", "--out", folder.path])
        #expect(!quiet.stderr.contains("reading files"), "stderr is not a terminal: no progress unless --progress")
        let loud = try CLI.run(["report", "Banks/mla-c01", "--out", folder.path, "--progress"])
        #expect(loud.stderr.contains("report: reading files ["))
        #expect(loud.stderr.contains("16/16"))
        #expect(loud.stderr.contains("report: running rules ["))
        #expect(!loud.stderr.contains("\u{1B}"), "no terminal escapes in logs")
        let lint = try CLI.run(["lint", "Banks/mla-c01", "--progress", "--format", "json"])
        #expect(lint.stderr.contains("lint: reading files ["))
        #expect((try? JSONSerialization.jsonObject(with: Data(lint.stdout.utf8))) != nil, "stdout stays a clean report")
    }
}

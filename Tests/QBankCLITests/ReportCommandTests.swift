import Foundation
import Testing
import TestSupport

struct ReportCommandTests {
    static let committed = Fixtures.repositoryRoot.appendingPathComponent("Reports/mla-c01")

    /// Covers everything Scripts/update-reports.sh writes: the forms (re-assembled with the same seed)
    /// and the report made from the committed forms.
    @Test func sampleReportIsUpToDate() throws {
        let folder = try CLI.temporaryFolder()
        let forms = folder.appendingPathComponent("forms")
        let assembled = try CLI.run(["assemble", "Banks/mla-c01", "--forms", "3", "--seed", "42", "--out", forms.path])
        #expect(assembled.status == 0, "\(assembled.stderr)")
        let committedForms = Self.committed.appendingPathComponent("forms")
        let names = try FileManager.default.contentsOfDirectory(atPath: forms.path).sorted()
        #expect(try FileManager.default.contentsOfDirectory(atPath: committedForms.path).sorted() == names)
        #expect(names.contains("form-3.key.json"))
        for name in names {
            let generated = try Data(contentsOf: forms.appendingPathComponent(name))
            #expect(generated == (try? Data(contentsOf: committedForms.appendingPathComponent(name))), "Reports/mla-c01/forms/\(name) is stale: run Scripts/update-reports.sh")
        }
        let result = try CLI.run(["report", "Banks/mla-c01", "--forms", "Reports/mla-c01/forms", "--out", folder.path])
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
        let domain1 = try CLI.sampleBankSize().domain1
        #expect(markdown.contains("| 1. Data Preparation for Machine Learning (ML) | \(domain1) | "), "domain 1 has \(domain1) items")
        for id in ["form-slots", "form-domains", "form-formats", "form-overlap", "form-p-values"] {
            #expect(charts.contains { $0.id == id }, "the committed report shows the assembled forms: \(id)")
        }
        #expect(markdown.contains("| 1. Data Preparation for Machine Learning (ML) | 14 | 14 | 14 | 14 |"), "14 scored items of domain 1 on each form")
    }

    @Test func formSectionsAppearOnlyWithForms() throws {
        let folder = try CLI.temporaryFolder()
        let plain = try CLI.run(["report", "Banks/mla-c01", "--out", folder.path])
        #expect(plain.status == 0, "\(plain.stderr)")
        let markdown = try String(contentsOf: folder.appendingPathComponent("README.md"), encoding: .utf8)
        let html = try String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(!markdown.contains("Assembled forms"))
        #expect(!html.contains("form-composition") && !html.contains("data-chart=\"form-"))
        let committed = try String(contentsOf: Self.committed.appendingPathComponent("README.md"), encoding: .utf8)
        for title in ["## Assembled forms: composition", "## Assembled forms: overlap", "## Assembled forms: parallelism"] {
            #expect(committed.contains(title))
        }
        #expect(committed.contains("`qbank report Banks/mla-c01 --forms Reports/mla-c01/forms`"))
    }

    /// Copies the committed forms into a temporary folder, lets `change` spoil them, and runs the report.
    private func reportWithSpoiledForms(_ change: (URL) throws -> Void) throws -> (result: CLI.Result, out: URL) {
        let folder = try CLI.temporaryFolder()
        let forms = folder.appendingPathComponent("forms")
        try FileManager.default.copyItem(at: Self.committed.appendingPathComponent("forms"), to: forms)
        try change(forms)
        let out = folder.appendingPathComponent("out")
        return (try CLI.run(["report", "Banks/mla-c01", "--forms", forms.path, "--out", out.path]), out)
    }

    private func replace(_ old: String, with new: String, in file: URL) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains(old))
        try text.replacingOccurrences(of: old, with: new).write(to: file, atomically: true, encoding: .utf8)
    }

    @Test func badOrMismatchedFormsAreUsageErrorsNamingTheFile() throws {
        let unknown = try reportWithSpoiledForms { forms in
            let key = forms.appendingPathComponent("form-1.key.json")
            let firstID = try #require(String(contentsOf: key, encoding: .utf8).firstMatch(of: /"id": "(mla-[^"]+)"/)?.1)
            try replace("\"\(firstID)\"", with: "\"mla-9.9-999\"", in: key)
            try FileManager.default.removeItem(at: forms.appendingPathComponent("form-1.form.json"))
        }
        #expect(unknown.result.status == 2)
        #expect(unknown.result.stderr.contains("form-1.key.json:"))
        #expect(unknown.result.stderr.contains("'mla-9.9-999' is not in the bank"))
        #expect(!FileManager.default.fileExists(atPath: unknown.out.appendingPathComponent("index.html").path), "no partial report")

        let swapped = try reportWithSpoiledForms { forms in
            try FileManager.default.removeItem(at: forms.appendingPathComponent("form-2.form.json"))
            try FileManager.default.copyItem(at: forms.appendingPathComponent("form-3.form.json"), to: forms.appendingPathComponent("form-2.form.json"))
        }
        #expect(swapped.result.status == 2)
        #expect(swapped.result.stderr.contains("form-2.form.json:1:1: this is form 'form-3'"))

        let otherExam = try reportWithSpoiledForms { forms in
            try replace("\"blueprint\": \"MLA-C01\"", with: "\"blueprint\": \"SAA-C03\"", in: forms.appendingPathComponent("form-2.key.json"))
        }
        #expect(otherExam.result.status == 2)
        #expect(otherExam.result.stderr.contains("form-2.key.json:1:1: this key is for exam SAA-C03"))

        let broken = try reportWithSpoiledForms { forms in
            try "{\"form\": \"form-1\", \"items\": [{\"id\": 3}]}".write(to: forms.appendingPathComponent("form-1.key.json"), atomically: true, encoding: .utf8)
        }
        #expect(broken.result.status == 2)
        #expect(broken.result.stderr.contains("form-1.key.json:1:"))
        #expect(broken.result.stderr.contains("key item #1 needs"))

        let empty = try CLI.temporaryFolder()
        let none = try CLI.run(["report", "Banks/mla-c01", "--forms", empty.path, "--out", empty.appendingPathComponent("out").path])
        #expect(none.status == 2)
        #expect(none.stderr.contains("has no form keys"))
        let missing = try CLI.run(["report", "Banks/mla-c01", "--forms", "no/such/forms", "--out", empty.path])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no/such/forms: no such folder"))
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
        let files = try CLI.sampleBankSize().files
        #expect(loud.stderr.contains("\(files)/\(files)"), "\(loud.stderr)")
        #expect(loud.stderr.contains("report: running rules ["))
        #expect(!loud.stderr.contains("\u{1B}"), "no terminal escapes in logs")
        // Without the cache: a bank the cache answers is not read, so there is no reading to show.
        let lint = try CLI.run(["lint", "Banks/mla-c01", "--progress", "--format", "json", "--no-cache"])
        #expect(lint.stderr.contains("lint: reading files ["))
        #expect((try? JSONSerialization.jsonObject(with: Data(lint.stdout.utf8))) != nil, "stdout stays a clean report")
    }
}

import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import QBankReports
import Testing
import TestSupport

/// `qbank export FORM --to html`: the committed sample form as candidates meet it.
@Suite struct FormBookletTests {
    static let formPath = Fixtures.repositoryRoot.appendingPathComponent("Reports/mla-c01/forms/form-1.form.json").path

    static func booklet() throws -> FormBooklet {
        try FormBooklet.read([UInt8](try Data(contentsOf: URL(fileURLWithPath: formPath))), path: formPath)
    }

    @Test func questionsAreNumberedInDeliveryOrderAndTheKeyStaysOut() throws {
        let page = try Self.booklet().html()
        let numbers = page.components(separatedBy: "<h3>Question ").dropFirst().compactMap { Int($0.prefix { $0.isNumber }) }
        #expect(numbers == Array(1...65))
        // No item id, no key or rationale markup, no reviewer view.
        let form = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Self.formPath))) as? [String: Any]
        let ids = try #require(form?["items"] as? [[String: Any]]).compactMap { $0["id"] as? String }
        #expect(ids.count == 65 && !ids.contains { page.contains($0) })
        for secret in ["class=\"key\"", "class=\"rationale", "class=\"view reviewer\""] { #expect(!page.contains(secret), "the page shows '\(secret)'") }
        #expect(XMLParser(data: Data(page.utf8)).parse(), "the page is well-formed XHTML")
    }

    /// A form holding code, a table and an SVG exhibit (as `qbank assemble` writes one: the exhibit travels in the
    /// form file as a data URI), built here so the test does not depend on which items the sample's forms drew.
    static var richForm: [String: Any] {
        let svg = "data:image/svg+xml;base64," + Data(#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>"#.utf8).base64EncodedString()
        func item(_ id: String, _ position: Int, _ stem: String) -> [String: Any] {
            ["id": id, "position": position, "type": "single", "stem": stem,
             "options": ["a", "b", "c", "d"].map { ["id": $0, "text": "Option text \($0)"] }]
        }
        return [
            "form": "form-r", "title": "Rich form", "exam": "MLA-C01", "length": 3, "cases": [[String: Any]](),
            "media": ["media/architecture.svg": svg],
            "items": [
                item("q1", 1, "The policy contains this statement:\n\n```json\n{\n  \"Effect\": \"Deny\"\n}\n```\n\nWhich setting is required?"),
                item("q2", 2, "Costs:\n\n| Instance type | Price |\n|---|---|\n| ml.g5.xlarge | 1.41 |\n\nWhich instance is cheapest?"),
                item("q3", 3, "The exhibit shows the design:\n\n![Clients call an API](media/architecture.svg)\n\nWhich change removes the function?"),
            ],
        ]
    }

    @Test func richContentAndTheFormsOwnImagesAreShown() throws {
        let bytes = [UInt8](try JSONSerialization.data(withJSONObject: Self.richForm, options: [.sortedKeys]))
        let booklet = try FormBooklet.read(bytes, path: "rich.form.json")
        let page = booklet.html()
        #expect(!booklet.media.isEmpty)
        for element in ["<pre><code class=\"language-json\">", "<table>", "<th>Instance type</th>", "<img src=\"data:image/svg+xml;base64,"] {
            #expect(page.contains(element), "\(element)")
        }
        #expect(!page.contains("](media/"), "no Markdown image left as text")
        #expect(XMLParser(data: Data(page.utf8)).parse(), "the page is well-formed XHTML")
    }

    @Test func eachScenarioIsPrintedOnceBeforeItsQuestions() throws {
        let form = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Self.formPath))) as? [String: Any]
        let cases = try #require(form?["cases"] as? [[String: Any]])
        let page = try Self.booklet().html()
        #expect(!cases.isEmpty)
        for study in cases {
            let opening = try #require((study["scenario"] as? String)?.components(separatedBy: "\n").first?.prefix(60)).description
            #expect(page.components(separatedBy: opening).count == 2, "the scenario of \(study["id"] ?? "?") appears once")
        }
    }

    @Test func aFormWithoutStemsIsRefusedWithItsPlace() {
        let text = #"{"form": "form-1", "items": [{"id": "q1", "type": "single"}]}"#
        #expect {
            try FormBooklet.read(Array(text.utf8), path: "f.form.json")
        } throws: { error in
            String(describing: error).hasPrefix("f.form.json:1:30: form item #1 needs \"stem\" and \"type\"")
        }
    }

    @Test func aSplitCaseIsRefused() {
        let text = #"""
            {"form": "form-1", "cases": [{"id": "c1", "scenario": "S"}], "items": [
              {"position": 1, "type": "single", "stem": "A", "case": "c1", "options": []},
              {"position": 2, "type": "single", "stem": "B", "options": []},
              {"position": 3, "type": "single", "stem": "C", "case": "c1", "options": []}]}
            """#
        #expect {
            try FormBooklet.read(Array(text.utf8), path: "f.form.json")
        } throws: { error in
            String(describing: error).hasPrefix("f.form.json:4:3: question 3 belongs to case 'c1', which other questions split")
        }
    }
}

import Foundation
import QBankCore
import QBankJSON
import Testing

@Suite struct JSONBankReaderTests {
    let reader = JSONBankReader()

    func read(_ url: URL) -> ReadResult { reader.read(JSONFixtures.bytes(url), path: url.lastPathComponent) }

    @Test func fullBankBuildsTheModel() throws {
        let result = read(JSONFixtures.directory.appendingPathComponent("valid/full-bank.json"))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let file = try #require(result.file)
        #expect(file.items.map(\.type) == [.single, .multiple, .ordering, .matching])
        let first = file.items[0]
        #expect(first.id == "mla-1.1-001" && first.domain == 1 && first.task == "1.1" && first.status == .operational)
        #expect(first.stem.value == "A company streams clickstream data.\n\nWhich service is **most** suitable?")
        #expect(first.origin.location == SourceLocation(file: "full-bank.json", line: 5, column: 5))
        #expect(first.stem.origin.location?.line == 7 && first.stem.origin.location?.column == 15)
        guard case .choice(let choice) = first.body else { Issue.record("not a choice"); return }
        #expect(choice.select == nil && choice.keys.map(\.id) == ["a"])
        #expect(choice.options[3].text.value == "Amazon Athena – serverless é 😀")
        #expect(choice.options[0].origin.location?.line == 9 && choice.options[0].origin.location?.column == 9)
        #expect(first.references == [Reference(title: "What is Amazon Data Firehose?",
                                                url: "https://docs.aws.amazon.com/firehose/latest/dev/what-is-this-service.html")])
        #expect(first.tags == ["kinesis", "ingestion"] && first.enemies.map(\.id) == ["mla-1.1-014"])
        #expect(first.stats == ItemStats(pValue: 0.64, pointBiserial: 0.31, responses: 812, irtA: 1.2, irtB: -0.5, irtC: 0.2))
        let multiple = file.items[1]
        #expect(multiple.shuffle == false)
        guard case .choice(let m) = multiple.body else { Issue.record("not a choice"); return }
        #expect(m.select == 2 && m.keys.map(\.id) == ["a", "c"])
        guard case .ordering(let steps) = file.items[2].body else { Issue.record("not ordering"); return }
        #expect(steps.map(\.id) == ["s1", "s2", "s3"] && steps[0].rationale == "A model comes first.")
        guard case .matching(let matching) = file.items[3].body else { Issue.record("not matching"); return }
        #expect(matching.prompts.map(\.responseID) == ["r2", "r1", "r3"] && matching.responses.count == 3)
        let c = try #require(file.cases.first)
        #expect(c.id == "case-retail-01" && c.title == "Retail demand forecasting" && c.items.count == 2)
        #expect(c.scenario.value == "A retail company sells online.\n\nIt wants forecasts.")
        #expect(file.allItems.count == 6)
    }

    @Test func integersWrittenAsDoublesAreIntegers() throws {
        let result = read(JSONFixtures.directory.appendingPathComponent("valid/integers-written-as-doubles.json"))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let item = try #require(result.file?.items.first)
        #expect(item.domain == 1 && item.stats?.responses == 812 && item.stats?.angoff == 0.55 && item.type == .multiple)
    }

    @Test(arguments: JSONFixtures.files("valid"))
    func validFixturesHaveNoFindings(url: URL) {
        let result = read(url)
        #expect(result.file != nil && result.diagnostics.isEmpty, "\(url.lastPathComponent): \(result.diagnostics)")
    }

    @Test(arguments: JSONFixtures.files("invalid"))
    func invalidFixtureGivesOneSchemaViolationAtItsPosition(url: URL) throws {
        let (line, column) = try #require(JSONFixtures.expectedPosition(url), "name \(url.lastPathComponent) lacks .LINE-COL")
        let result = read(url)
        #expect(result.file != nil)
        #expect(result.diagnostics.count == 1, "\(url.lastPathComponent): \(result.diagnostics.map(\.message))")
        let d = try #require(result.diagnostics.first)
        #expect(d.ruleID == "QB002")
        #expect(d.location.line == line && d.location.column == column,
                "\(url.lastPathComponent): got \(d.location) \(d.message)")
    }

    @Test func messagesSayWhatToDo() throws {
        let status = read(JSONFixtures.files("invalid").first { $0.lastPathComponent.hasPrefix("status-enum") }!)
        #expect(status.diagnostics.first?.message
                == "item 'q1': 'status' must be one of draft, review, approved, pretest, operational, retired")
        #expect(status.diagnostics.first?.itemID == "q1")
        let unknown = read(JSONFixtures.files("invalid").first { $0.lastPathComponent.hasPrefix("item-unknown-field") }!)
        #expect(unknown.diagnostics.first?.message == "item 'q1': unknown field 'stemm' (did you mean 'stem'?)")
        // The item with an unknown field is still built; one with a bad status is not.
        #expect(unknown.file?.items.count == 1 && status.file?.items.isEmpty == true)
    }

    @Test func unreadableFilesAreQB001() throws {
        let empty = reader.read([], path: "e.json")
        #expect(empty.file == nil && empty.diagnostics.first?.ruleID == "QB001")
        #expect(empty.diagnostics.first?.message.hasPrefix("file is empty") == true)
        let dup = reader.read(Array("{\"format\": \"urn:qbank:bank:1\",\n\"format\": \"x\"}".utf8), path: "d.json")
        #expect(dup.file == nil && dup.diagnostics.first?.ruleID == "QB001")
        #expect(dup.diagnostics.first?.location == SourceLocation(file: "d.json", line: 2, column: 1))
        #expect(dup.diagnostics.first?.related.first?.location == SourceLocation(file: "d.json", line: 1, column: 2))
    }
}

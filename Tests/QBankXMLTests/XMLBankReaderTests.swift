import QBankCore
import QBankXML
import Testing

@Suite struct XMLBankReaderTests {
    @Test func validBankBuildsTheModel() throws {
        let result = try Fixtures.read("valid-bank.xml")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let file = try #require(result.file)
        #expect(file.path == "valid-bank.xml")
        #expect(file.items.map(\.id) == ["mla-1.1-001", "mla-3.3-004", "mla-3.1-010", "mla-2.1-020"])
        #expect(file.items.map(\.type) == [.single, .multiple, .ordering, .matching])

        let single = file.items[0]
        #expect(single.domain == 1 && single.task == "1.1" && single.status == .operational && single.shuffle)
        #expect(single.stem.value == "A company ingests streaming data. Which solution meets these requirements?\n\nSelect the **best** option.")
        guard case .choice(let choice) = single.body else { Issue.record("not a choice body"); return }
        #expect(choice.select == nil)
        #expect(choice.options.map(\.id) == ["a", "b", "c", "d"])
        #expect(choice.keys.map(\.id) == ["a"])
        #expect(choice.options[0].rationale == "Correct. Firehose delivers & transforms.")
        #expect(choice.options[1].text.value == "Use `cron` <daily>")
        #expect(choice.options[2].rationale == nil)
        #expect(single.references == [Reference(title: "What is Amazon Data Firehose?",
                                                url: "https://docs.aws.amazon.com/firehose/latest/dev/what-is-this-service.html")])
        #expect(single.tags == ["kinesis", "ingestion"])
        #expect(single.enemies.map(\.id) == ["mla-1.1-014"])
        #expect(single.stats == ItemStats(pValue: 0.64, pointBiserial: 0.31, responses: 812))

        let multiple = file.items[1]
        #expect(!multiple.shuffle && multiple.status == .pretest && multiple.tags.isEmpty)
        guard case .choice(let multi) = multiple.body else { Issue.record("not a choice body"); return }
        #expect(multi.select == 2 && multi.options.count == 5 && multi.keys.count == 2)
        #expect(multiple.stats == ItemStats(irtA: 1.2, irtB: -0.5, irtC: 0.2))

        guard case .ordering(let steps) = file.items[2].body else { Issue.record("not ordering"); return }
        #expect(steps.map(\.text.value) == ["Collect data", "Train the model", "Deploy the endpoint"])
        #expect(steps[0].rationale == "First." && steps[1].rationale == nil)

        guard case .matching(let matching) = file.items[3].body else { Issue.record("not matching"); return }
        #expect(matching.prompts.map(\.responseID) == ["r2", "r1", "r3"])
        #expect(matching.prompts[1].rationale == "DeepAR forecasts.")
        #expect(matching.responses.map(\.text.value) == ["DeepAR", "Random Cut Forest", "Image classification"])

        let study = try #require(file.cases.first)
        #expect(file.cases.count == 1)
        #expect(study.id == "case-retail-01" && study.title == "Retail demand forecasting")
        #expect(study.scenario.value == "A retail company sells goods.\n\nIt wants forecasts.")
        #expect(study.items.map(\.id) == ["case-retail-01-q1", "case-retail-01-q2"])
        #expect(study.items.map(\.status) == [.review, .retired])
    }

    @Test func positionsPointAtStartTags() throws {
        let file = try #require(try Fixtures.read("valid-bank.xml").file)
        func at(_ origin: Origin) -> String {
            guard let location = origin.location else { return "none" }
            return "\(location.file):\(location.line):\(location.column)"
        }
        #expect(at(file.items[0].origin) == "valid-bank.xml:4:3")
        #expect(at(file.items[0].stem.origin) == "valid-bank.xml:5:5")
        guard case .choice(let choice) = file.items[0].body else { return }
        #expect(choice.options.map { at($0.origin) } == (10...16).filter { $0 == 10 || $0 >= 14 }.map { "valid-bank.xml:\($0):7" })
        #expect(at(file.items[0].enemies[0].origin) == "valid-bank.xml:22:14")
        guard case .ordering(let steps) = file.items[2].body else { return }
        #expect(steps.map { at($0.origin) } == ["valid-bank.xml:40:7", "valid-bank.xml:41:7", "valid-bank.xml:42:7"])
        // A comment with multibyte text (and an astral emoji, two UTF-16 units) precedes
        // this item on its line: 57 code points, 58 UTF-16 code units.
        #expect(at(file.items[3].origin) == "valid-bank.xml:45:58")
        guard case .matching(let matching) = file.items[3].body else { return }
        #expect(at(matching.prompts[2].origin) == "valid-bank.xml:50:7")
        #expect(at(matching.responses[0].origin) == "valid-bank.xml:53:7")
        #expect(at(file.cases[0].origin) == "valid-bank.xml:58:3")
        #expect(at(file.cases[0].scenario.origin) == "valid-bank.xml:60:5")
        #expect(at(file.cases[0].items[1].origin) == "valid-bank.xml:72:5")
        #expect(at(file.cases[0].items[1].stem.origin) == "valid-bank.xml:73:7")
    }

    @Test func bomIsAccepted() throws {
        let bytes = [0xEF, 0xBB, 0xBF] + (try Fixtures.bytes("valid-bank.xml"))
        let result = XMLBankReader().read(bytes, path: "bom.xml")
        #expect(result.diagnostics.isEmpty)
        let file = try #require(result.file)
        #expect(file.items.count == 4)
        #expect(file.items[0].origin.location?.column == 3)
    }

    @Test func positionsBeyondLine65535() throws {
        var source = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<bank xmlns=\"urn:qbank:bank:1\">\n"
        source += String(repeating: "<!-- filler -->\n", count: 70_000)
        source += "  <item id=\"q1\" type=\"single\" domain=\"1\" task=\"1.1\" status=\"draft\" shuffle=\"maybe\">"
        source += "<stem>S</stem><options/></item>\n</bank>\n"
        let result = readXML(source)
        #expect(result.diagnostics.map(\.short) == ["QB002 70003:3"])
        #expect(result.file?.items.first?.origin.location?.line == 70_003)
    }

    @Test func readerIsSafeToUseConcurrently() async throws {
        let bytes = try Fixtures.bytes("valid-bank.xml")
        let invalid = try Fixtures.bytes("invalid-status.xml")
        let counts = await withTaskGroup(of: Int.self) { group in
            for index in 0..<32 {
                group.addTask {
                    let result = XMLBankReader().read(index.isMultiple(of: 2) ? bytes : invalid, path: "f\(index).xml")
                    return (result.file?.allItems.count ?? -1) * 10 + result.diagnostics.count
                }
            }
            return await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(counts.count == 32)
        #expect(Set(counts) == [60, 11])
    }
}

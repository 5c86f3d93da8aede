import QBankCore
import QBankXML
import Testing

/// `<!-- qbank-disable … -->` comments right before an item or case become the model's suppressions.
struct SuppressionCommentTests {
    @Test func commentsBeforeItemsAndCasesAreRead() throws {
        let result = try Fixtures.read("valid-suppressions.xml")
        #expect(result.diagnostics.isEmpty)
        let file = try #require(result.file)
        let first = file.items[0].suppressions
        #expect(first == [Suppression(rules: ["QB110", "missing-rationale-or-reference"], reason: "rationales are written in review")])
        #expect(first[0].origin.location?.description == "valid-suppressions.xml:4:3")
        #expect(file.items[1].suppressions == [
            Suppression(rules: ["QB110", "QB111"], reason: "legacy item - kept as is"),
            Suppression(rules: []),
            Suppression(rules: [], reason: "blanket, with a reason"),
        ])
        #expect(file.cases[0].suppressions == [Suppression(rules: ["QB106"], reason: "the second question is being written")])
        #expect(file.cases[0].items[0].suppressions == [Suppression(rules: ["QB104"])])
        #expect(file.cases[0].items[0].suppressions[0].origin.location?.description == "valid-suppressions.xml:31:5")
    }

    @Test func writerPutsCommentsBeforeTheElementAndReadsBackTheSame() throws {
        let file = try #require(try Fixtures.read("valid-suppressions.xml").file)
        let written = XMLBankWriter().write(file)
        #expect(written.contains("  <!-- qbank-disable QB110,QB111 - legacy item - kept as is -->") == false)
        #expect(written.contains("  <!-- qbank-disable QB110 QB111 - legacy item - kept as is -->\n  <!-- qbank-disable -->\n"))
        let again = try #require(XMLBankReader().read(Array(written.utf8), path: file.path).file)
        #expect(again == file)
    }

    @Test(arguments: [
        ("qbank-disable", Suppression(rules: [])),
        (" qbank-disable QB304 ", Suppression(rules: ["QB304"])),
        ("qbank-disable QB304, key-is-longest - a - b", Suppression(rules: ["QB304", "key-is-longest"], reason: "a - b")),
        ("qbank-disable - why", Suppression(rules: [], reason: "why")),
        ("qbank-disable QB304 -", Suppression(rules: ["QB304"])),
    ])
    func grammar(_ text: String, _ expected: Suppression) {
        #expect(Suppression.parseComment(text) == expected)
    }

    @Test(arguments: ["qbank-disabled QB304", "note: qbank-disable QB304", "qbank-disable-next QB304", ""])
    func notASuppression(_ text: String) {
        #expect(Suppression.parseComment(text) == nil)
    }

    @Test func writerNeverWritesAnInvalidComment() {
        let text = Suppression(rules: ["QB1"], reason: "a -- b -").commentText
        #expect(!text.contains("--"))
        let item = Item(id: "q1", domain: 1, task: "1.1", stem: "Arrange.", body: .ordering([
            Step(id: "s1", text: "a"), Step(id: "s2", text: "b"), Step(id: "s3", text: "c"),
        ]), suppressions: [Suppression(rules: ["QB1"], reason: "ends with -")])
        let written = XMLBankWriter().write(BankFile(path: "x", items: [item]))
        #expect(readXML(written).diagnostics.isEmpty, "\(written)")
    }
}

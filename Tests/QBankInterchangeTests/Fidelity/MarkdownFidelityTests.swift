import QBankCore
import QBankInterchange
import Testing

/// Issue 14: Markdown options keep their links and their lazily continued lines.
@Suite struct MarkdownFidelityTests {
    static let bank = """
        ### Where are the docs? See [the guide](https://example.com/guide).

        - [ ] <http://127.0.0.1/latest/>.
        - [x] AWS Glue as the data catalog; Amazon Kinesis Data Firehose
        for delivery to Amazon ES.
        - [ ] Plain **bold** and `code`

        Stray text here.
        """

    @Test func autolinksAndLazyContinuationLinesAreKept() throws {
        let result = MarkdownImporter().importItems(from: Interchange.source(Self.bank, path: "a.md"))
        let item = try #require(result.file.items.first)
        guard case .choice(let body) = item.body else { Issue.record("not a choice"); return }
        #expect(item.stem.value.contains("[the guide](https://example.com/guide)"))
        #expect(body.options.map(\.text.value) == [
            "<http://127.0.0.1/latest/>.",
            "AWS Glue as the data catalog; Amazon Kinesis Data Firehose for delivery to Amazon ES.",
            "Plain **bold** and `code`",
        ])
        #expect(result.problems.contains { $0.kind == .lost && $0.location.line == 8 && $0.reason.contains("Stray text here.") })
    }
}

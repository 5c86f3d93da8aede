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

    /// Class 10: answers apart from the questions, as `**Answer: B** — why` lines or an answer-key section.
    @Test func answerLinesWithAWhyAndAnswerKeySectionsAreRead() throws {
        let bank = """
            1. Which service stores objects?
               - A. Amazon S3
               - B. Amazon EC2

            **Answer: A** — S3 is the object store.

            2. Which TWO are compute?
               - A. EC2
               - B. Lambda
               - C. S3

            3. Which is a database?
               - A. CloudFront
               - B. DynamoDB

            4. Which has no key?
               - A. One
               - B. Two

            ## Answers

            2. A, C  3. B
            """
        let result = MarkdownImporter().importItems(from: Interchange.source(bank, path: "k.md"))
        #expect(result.imported == 3 && result.skipped == 1)
        let keys = result.file.items.map { item -> [String] in
            guard case .choice(let body) = item.body else { return [] }
            return body.keys.map(\.text.value)
        }
        #expect(keys == [["Amazon S3"], ["EC2", "S3"], ["DynamoDB"]])
        guard case .choice(let first)? = result.file.items.first?.body else { return }
        #expect(first.keys.first?.rationale == "S3 is the object store.")
        #expect(result.problems.contains { $0.kind == .skipped && $0.location.line == 16 && $0.reason.contains("no answer-key entry (\"4. B\")") })
    }
}

import QBankCore
import QBankInterchange
import Testing

/// GIFT `[markdown]` text is the bank's Markdown already; `[html]` is converted like QTI and Moodle HTML.
@Suite struct GIFTRichImportTests {
    @Test func markdownAndHTMLQuestionsKeepTheirBlocks() throws {
        let source = """
            ::Q1::[markdown]Which command lists the bucket?
            ```bash
            aws s3 ls s3\\://ml-data/
            ```
            {
            =`aws s3 ls`
            ~`aws s3 cp`
            ~`aws s3 mb`
            ~`aws s3 rm`
            }

            ::Q2::[html]<p>Which value is printed?</p><ul><li>one</li><li>two</li></ul><pre>x = 1
              print(x)</pre>{
            =1
            ~2
            ~3
            ~4
            }
            """
        let result = GIFTImporter().importItems(from: ImportSource(path: "q.gift", bytes: Array(source.utf8)))
        #expect(result.imported == 2)
        #expect(result.file.items.map(\.stem.value) == [
            "Which command lists the bucket?\n\n```bash\naws s3 ls s3://ml-data/\n```",
            "Which value is printed?\n\n- one\n- two\n\n```\nx = 1\n  print(x)\n```",
        ])
    }
}

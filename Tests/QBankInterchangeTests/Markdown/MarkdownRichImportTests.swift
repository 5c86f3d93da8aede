import QBankCore
import QBankInterchange
import Testing

/// Markdown banks keep fenced code (lines that look like questions or options inside it
/// included), tables, images and autolinks in their stems.
@Suite struct MarkdownRichImportTests {
    @Test func codeTablesAndImagesStayInTheStem() throws {
        let source = """
            ### Which argument makes this call return at once?

            ```python
            # 1. start the job
            - not an option
            estimator.fit(inputs, wait=False)
            ```

            | Setting | Value |
            |---|---|
            | wait | False |

            ![Job states](images/states.png) See https://docs.aws.amazon.com/sagemaker/ for details.

            - [x] `wait=False`
            - [ ] `logs=False`
            - [ ] `job_name=None`
            - [ ] `inputs=None`
            """
        let result = MarkdownImporter().importItems(from: ImportSource(path: "bank.md", bytes: Array(source.utf8)))
        let item = try #require(result.file.items.first)
        #expect(result.imported == 1)
        #expect(item.stem.value == """
            Which argument makes this call return at once?

            ```python
            # 1. start the job
            - not an option
            estimator.fit(inputs, wait=False)
            ```

            | Setting | Value |
            |---|---|
            | wait | False |

            ![Job states](images/states.png) See https://docs.aws.amazon.com/sagemaker/ for details.
            """)
        if case .choice(let body) = item.body { #expect(body.options.count == 4) }
    }
}

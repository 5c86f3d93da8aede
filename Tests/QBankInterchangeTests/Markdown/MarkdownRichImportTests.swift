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

/// Local images of a Markdown bank come into the bank's media folder; a missing one is reported.
@Suite struct LocalImageImportTests {
    @Test func imagesNextToTheSourceAreCopiedAndMissingOnesReported() throws {
        let source = "### Which chart shows the drift?\n\n![Drift chart](images/chart.png)\n\n![Missing](images/none.png)\n\n"
            + "- [x] The first\n- [ ] The second\n- [ ] The third\n- [ ] The fourth\n"
        var result = MarkdownImporter().importItems(from: ImportSource(path: "q.md", bytes: Array(source.utf8)))
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0]
        result.placeLocalImages { $0 == "images/chart.png" ? png : nil }
        let name = "media/" + MediaFile.contentName(png, .png)
        #expect(result.media == [name: png])
        let stem = try #require(result.file.items.first?.stem.value)
        #expect(stem.contains("![Drift chart](\(name))") && stem.contains("![Missing](images/none.png)"))
        #expect(result.problems.contains { $0.kind == .lost && $0.reason.hasPrefix("image 'images/none.png'") })
    }
}

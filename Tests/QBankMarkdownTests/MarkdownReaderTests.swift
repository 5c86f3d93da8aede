import QBankCore
import QBankMarkdown
import Testing

/// The supported subset, read through cmark-gfm.
@Suite struct MarkdownReaderTests {
    @Test func everyBlockKind() {
        let source = """
            Read **this** and *that*, see [the guide](https://docs.aws.amazon.com/) or `fit()`.

            ```python
            if x:
                y()
            ```

            1. one
            2. two

            - bullet

            | Metric | Value |
            |---|---|
            | AUC | 0.91 |

            ![Pipeline diagram](media/pipeline.svg)
            """
        let rich = MarkdownReader.read(source)
        #expect(rich.blocks == [
            .paragraph([.text("Read "), .strong([.text("this")]), .text(" and "), .emphasis([.text("that")]), .text(", see "),
                        .link(destination: "https://docs.aws.amazon.com/", [.text("the guide")]), .text(" or "), .code("fit()"), .text(".")]),
            .code(language: "python", text: "if x:\n    y()"),
            .list(start: 1, items: [[.paragraph([.text("one")])], [.paragraph([.text("two")])]]),
            .list(start: nil, items: [[.paragraph([.text("bullet")])]]),
            .table(header: [[.text("Metric")], [.text("Value")]], rows: [[[.text("AUC")], [.text("0.91")]]]),
            .image(RichImage(source: "media/pipeline.svg", alt: "Pipeline diagram")),
        ])
        #expect(rich.hasCode && rich.hasTable)
        #expect(rich.images.map(\.lineOffset) == [16])
    }

    @Test func rawHTMLAndHeadingsKeepTheirWords() {
        #expect(MarkdownReader.read("# Title\n\n<div>x</div>").blocks == [.paragraph([.text("Title")]), .paragraph([.text("<div>x</div>")])])
    }
}

/// What prose rules read.
@Suite struct ProseProjectionTests {
    @Test func codeTablesAndExhibitsAreLeftOut() {
        let source = "Which statement is true?\n\n```json\n{\"Effect\": \"Deny\", \"not\": true}\n```\n\n| a | b |\n|---|---|\n| not | x |\n\n![Diagram](media/d.svg)\n\n- **Always** use `x`\n- see [docs](https://example.com)"
        #expect(ProseProjection.prose(source) == "Which statement is true?\n\n**Always** use `x`\n\nsee docs")
    }

    @Test func aTextThatIsOnlyCodeKeepsItsWords() {
        #expect(ProseProjection.prose("```bash\naws s3 ls\n```") == "aws s3 ls")
        #expect(ProseProjection.prose("![Pipeline](media/p.svg)") == "Pipeline")
    }

    @Test func plainProseIsReturnedAsWritten() {
        for text in ["Which is **NOT** a `valid` option?", "First paragraph.\n\nSecond: a_b_c & <tag>?"] {
            #expect(ProseProjection.prose(text) == text)
        }
    }

    /// The pre-check that lets media rules skip the parser: every inline image passes it.
    @Test func mayNameImageOnlyWhereAnImageCanBe() {
        for text in ["![Diagram](media/a.svg)", "See ](x", "é](", "x\n![a](b.png)"] { #expect(MarkdownReader.mayNameImage(text)) }
        for text in ["", "]", "(", "] (", "Plain words [not a link] (aside)", "![ref][img]"] { #expect(!MarkdownReader.mayNameImage(text)) }
        #expect(MarkdownReader.read("Plain words [not a link] (aside)").images.isEmpty)
    }
}

import QBankCore
import QBankInterchange
import Testing

/// HTML from QTI, Moodle and GIFT `[html]` becomes the bank's Markdown: code, lists,
/// tables and placed images survive; what cannot be held is named.
@Suite struct HTMLMarkdownTests {
    @Test func blocksBecomeMarkdown() {
        let html = """
            <p>Given <strong>this</strong> <em>script</em>, see <a href="https://docs.aws.amazon.com/">the docs</a>:</p>
            <pre><code class="language-python">if not ready:
                job.wait()  # &lt;4 spaces&gt;
            </code></pre>
            <ul><li>one<ul><li>nested</li></ul></li><li>two</li></ul>
            <ol><li>first</li><li>second</li></ol>
            <table><tr><th>Metric</th><th>Value</th></tr><tr><td>AUC</td><td>0.9 | 1.0</td></tr></table>
            <p><img src="images/arch.png" alt="Architecture"></p>
            <p><img src="missing.png" alt="x"><audio src="a.mp3"></audio></p>
            """
        let converted = HTMLText.plain(html) { $0 == "images/arch.png" ? "media/0123.png" : nil }
        #expect(converted.text == """
            Given **this** *script*, see [the docs](https://docs.aws.amazon.com/):

            ```python
            if not ready:
                job.wait()  # <4 spaces>
            ```

            - one
               - nested
            - two

            1. first
            2. second

            | Metric | Value |
            |---|---|
            | AUC | 0.9 \\| 1.0 |

            ![Architecture](media/0123.png)
            """)
        #expect(converted.lost == ["audio element", "image 'missing.png'"])
    }
}

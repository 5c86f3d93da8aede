import Testing
@testable import QBankReports

struct MarkupTests {
    @Test func escapesMarkupCharacters() {
        #expect(Markup.escape(#"a < b & "c" > d"#) == "a &lt; b &amp; &quot;c&quot; &gt; d")
    }

    @Test func rendersBoldAndCode() {
        #expect(Markup.inlineHTML("Which is the **MOST** cost-effective?") == "Which is the <strong>MOST</strong> cost-effective?")
        #expect(Markup.inlineHTML("Set `max_depth` to <5>") == "Set <code>max_depth</code> to &lt;5&gt;")
        #expect(Markup.inlineHTML("`**not bold**` and **bold**") == "<code>**not bold**</code> and <strong>bold</strong>")
    }

    @Test func leavesUnmatchedMarkersAsTyped() {
        #expect(Markup.inlineHTML("2 ** 3 is 8") == "2 ** 3 is 8")
        #expect(Markup.inlineHTML("a ` b") == "a ` b")
        #expect(Markup.inlineHTML("**a** and ** b") == "<strong>a</strong> and ** b")
    }

    @Test func markdownCellsEscapePipes() {
        #expect(Markup.markdownCell("a | b\nc") == #"a \| b c"#)
    }
}

import QBankCore
import Testing
@testable import QBankReporting

@Suite struct TextReporterTests {
    @Test func textFormat() {
        assertSnapshot(TextReporter().render(Fixtures.report()), as: "txt")
    }

    @Test func textFormatColors() {
        assertSnapshot(TextReporter(colors: true).render(Fixtures.report()), as: "txt")
    }

    @Test func textFormatClean() {
        let output = TextReporter().render(Fixtures.cleanReport)
        #expect(output == "No problems found in 4 files (7 items).\n")
    }

    @Test func noColorsUnlessAsked() {
        #expect(!TextReporter().render(Fixtures.report()).contains("\u{1B}"))
    }

    /// One rule firing on every item is summed up after its first findings, so other rules stay on the first screen.
    @Test func repeatsAreGroupedPerRuleWhenSeveralRulesReport() {
        let many = (1...5).map { Diagnostic(ReaderRules.syntaxError, "Bad \($0).", at: SourceLocation(file: "a.xml", line: $0, column: 1)) }
        let other = Diagnostic(ReaderRules.schemaViolation, "Shape.", at: SourceLocation(file: "a.xml", line: 9, column: 1))
        let report = LintReport(diagnostics: many + [other], rules: ReaderRules.all, checkedFiles: ["a.xml"], itemsChecked: 6, toolVersion: "0.1.0")
        let grouped = TextReporter(maximumPerRule: 2).render(report)
        #expect(grouped.contains("Bad 2.") && !grouped.contains("Bad 3.") && grouped.contains("Shape."))
        #expect(grouped.contains("… 3 more errors like the above [QB001 syntax-error]"))
        #expect(grouped.hasSuffix("6 errors, 0 warnings, 0 infos in 1 file (6 items)\n"))
        #expect(TextReporter(maximumPerRule: 0).render(report).contains("Bad 5."))
        // One rule alone is listed in full: the user asked for it (--select) or it is all there is.
        let single = LintReport(diagnostics: many, rules: ReaderRules.all, checkedFiles: ["a.xml"], itemsChecked: 5, toolVersion: "0.1.0")
        #expect(TextReporter(maximumPerRule: 2).render(single).contains("Bad 5."))
    }

    @Test func summaryPluralizes() {
        let one = Diagnostic(ReaderRules.syntaxError, "Bad.", at: SourceLocation(file: "a.xml", line: 1, column: 1))
        let report = LintReport(diagnostics: [one], rules: ReaderRules.all, checkedFiles: ["a.xml"],
                                itemsChecked: 1, toolVersion: "0.1.0")
        #expect(TextReporter.summary(report) == "1 error, 0 warnings, 0 infos in 1 file (1 item)")
    }

    @Test(arguments: [
        // (line, UTF-16 column, expected caret offset in display cells)
        ("abc", 2, 1),
        ("\tx", 2, 4),             // tab expands to the next stop of 4
        ("ab\tx", 4, 4),
        ("é x", 3, 2),             // precomposed é: 1 unit, 1 cell
        ("e\u{301} x", 4, 2),      // e + combining acute: 2 units, 1 cell
        ("🚀 x", 4, 3),            // surrogate pair: 2 units, 2 cells
        ("🚀 x", 2, 0),            // column inside the pair points at the rocket
        ("東京 x", 4, 5),           // wide CJK: 1 unit, 2 cells each
        ("\u{FEFF}ab", 2, 0),      // BOM takes a unit but no cell
        ("ab", 9, 2),              // past the end: just after the last character
    ])
    func caretUnderUTF16Column(line: String, column: Int, caret: Int) {
        #expect(SourceText.caretLayout(line: Substring(line), utf16Column: column).caretOffset == caret)
    }

    @Test func tabsExpandInEchoedLine() {
        #expect(SourceText.caretLayout(line: "a\tb", utf16Column: 1).text == "a   b")
    }

    @Test func linesSplitOnEveryLineBreak() {
        #expect(SourceText.lines(of: "a\r\nb\rc\nd") == ["a", "b", "c", "d"])
        #expect(SourceText.lines(of: "a\n") == ["a", ""])
    }
}

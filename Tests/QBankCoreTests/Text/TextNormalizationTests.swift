import QBankCore
import Testing

struct TextNormalizationTests {
    @Test(arguments: [
        ("Plain text", "Plain text"),
        ("  padded\tand   spaced  ", "padded and spaced"),
        ("\n      Indented XML\n      text over lines\n    ", "Indented XML text over lines"),
        ("First paragraph.\n\n   \nSecond\r\nparagraph.", "First paragraph.\n\nSecond paragraph."),
        ("", ""),
    ])
    func normalizes(_ input: String, _ expected: String) {
        #expect(TextNormalization.normalize(input) == expected)
    }

    @Test func isIdempotent() {
        let once = TextNormalization.normalize("a  b\n\n\n c ")
        #expect(TextNormalization.normalize(once) == once)
    }
}

/// Markdown blocks keep the white space that carries their meaning; prose around them does not.
@Suite struct RichTextNormalizationTests {
    @Test func fencedCodeKeepsItsLinesLessTheFenceIndentation() {
        let xml = """
            Which call starts the job?
              ```python
              estimator = Estimator(
                  image_uri=image,   # two spaces kept
              )

              estimator.fit()
              ```
            """
        #expect(TextNormalization.normalize(xml) == """
            Which call starts the job?

            ```python
            estimator = Estimator(
                image_uri=image,   # two spaces kept
            )

            estimator.fit()
            ```
            """)
    }

    @Test func listsAndTablesKeepTheirLinesAndNesting() {
        let raw = "  Pick one:\n    - first   item\n      - nested\n    - second\n\n   | a | b |\n   |---|---|\n   | 1 |  2 |\n"
        #expect(TextNormalization.normalize(raw) == "Pick one:\n\n- first item\n  - nested\n- second\n\n| a | b |\n|---|---|\n| 1 | 2 |")
    }

    @Test func proseReadsAsBefore() {
        #expect(TextNormalization.normalize("  A  wrapped\n   paragraph\n\n\n second  ") == "A wrapped paragraph\n\nsecond")
        // Only an ordered list starting at 1 interrupts a paragraph, as in CommonMark.
        #expect(TextNormalization.normalize("released in\n2023. Since then") == "released in 2023. Since then")
    }

    @Test func normalisingTwiceChangesNothing() {
        for raw in ["Q\n```json\n{\n  \"a\": 1\n}\n```", "- a\n  - b\n1. c", "```\nunclosed\n  code"] {
            let once = TextNormalization.normalize(raw)
            #expect(TextNormalization.normalize(once) == once)
        }
        #expect(TextNormalization.normalize("```\nunclosed\n  code") == "```\nunclosed\n  code\n```")
    }

    /// The already-normal check reads eight bytes at a time: white space at every position, across
    /// the words' edges too, must still be found.
    @Test(arguments: ["  ", " \t", "\t", "\n", "\r\n", "\u{0B}", "\u{0C}", " ", " \u{01}"])
    func findsWhiteSpaceAtEveryOffset(_ inserted: String) {
        let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
        for length in [9, 16, 17, 33] {
            for offset in 1..<length {
                let text = String(letters[0..<offset]) + inserted + String(letters[offset..<length])
                let expected = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                #expect(TextNormalization.normalize(text) == expected, "\(text.debugDescription)")
            }
        }
        #expect(TextNormalization.normalize("abcdefg  ab c d e f g h é  x") == "abcdefg ab c d e f g h é x")
    }
}

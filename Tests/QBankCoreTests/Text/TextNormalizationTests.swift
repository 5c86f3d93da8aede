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

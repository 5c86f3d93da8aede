import QBankCore
import Testing

/// `Text.isBlank` decides ASCII texts on bytes; it must agree with the Character definition.
struct TextBlankTests {
    @Test(arguments: [
        "", " ", "\t\n\u{0B}\u{0C}\r", "\r\n", " \r\n ", "a", "  a", " \n-", "\u{A0}", " \u{2003}\u{3000}", "\u{85}",
        " \u{301}", "\u{301}", " é", "\u{2003}x", "x\u{A0}", "\u{2028}\u{2029}", "\u{200B}", "**", "\n\n\u{FEFF}",
    ])
    func agreesWithCharacters(_ value: String) {
        #expect(Text(value).isBlank == value.allSatisfy(\.isWhitespace), "\(Array(value.unicodeScalars))")
    }

    @Test func blankAndNot() {
        #expect(Text(" \t\r\n").isBlank)
        #expect(Text("\u{A0}\u{2003}").isBlank)
        #expect(!Text(" x ").isBlank)
        #expect(!Text(" \u{301}x").isBlank)
    }
}

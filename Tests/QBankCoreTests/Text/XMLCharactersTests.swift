import Testing
@testable import QBankCore

/// The byte pre-check agrees with the scalar rule on the characters at its edges.
struct XMLCharactersTests {
    @Test func bytePreCheckFindsWhatTheScalarRuleForbids() {
        for text in ["plain", "tab\tLF\nCR\r", "\u{1}", "a\u{1F}b", "x\u{FFFE}", "\u{FFFF}y", "\u{FFFD}", "\u{EFFF}", "é€😀", ""] {
            let forbidden = text.unicodeScalars.contains { !XMLCharacters.isAllowed($0) }
            #expect(XMLCharacters.mayHoldForbidden(text) == forbidden, "\(text.unicodeScalars.map(\.value))")
            #expect((XMLCharacters.firstForbidden(in: text) != nil) == forbidden)
        }
        #expect(XMLCharacters.firstForbidden(in: "ab\ncd\u{2}")?.column == 3)
    }
}

import QBankInterchange
import Testing

/// Issue 14 (class 11): HTML in imported text is read by libxml2's HTML parser, so every HTML entity
/// it knows becomes its character, and one it does not know is reported rather than kept silently.
@Suite struct HTMLFidelityTests {
    @Test func entitiesBeyondTheCommonOnesAreDecoded() {
        let converted = HTMLText.plain("<p>Variance &sigma;&sup2; &asymp; &lambda; &plusmn; 2 &minus; 1 &Omega; &rarr; &hearts;</p>")
        #expect(converted.text == "Variance σ² ≈ λ ± 2 − 1 Ω → ♥")
        #expect(converted.lost.isEmpty)
        #expect(HTMLText.decodeEntities("&sigma;&sup2; &amp; &apos;x&apos; &#x3bb;") == "σ² & 'x' λ")
    }

    @Test func anUnknownEntityIsReported() {
        let converted = HTMLText.plain("Done &check; here")
        #expect(converted.text == "Done &check; here")
        #expect(converted.lost == ["HTML entity '&check;' (unknown; kept as written)"])
    }

    @Test func unclosedTagsAndStrayMarkupAreReadAsABrowserWould() {
        #expect(HTMLText.plain("<p>One<p>Two <b>bold</b> after").text == "One\n\nTwo **bold** after")
        #expect(HTMLText.plain("a < b and c > d").text == "a < b and c > d")
    }
}

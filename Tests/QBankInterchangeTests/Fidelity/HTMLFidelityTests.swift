import QBankInterchange
import Testing

/// Issue 14 (class 11): HTML in imported text is read by libxml2's HTML parser with the whole HTML5 entity
/// set, so every named entity becomes its character, and a name HTML5 does not define is reported rather
/// than kept silently.
@Suite struct HTMLFidelityTests {
    @Test func entitiesBeyondTheCommonOnesAreDecoded() {
        let converted = HTMLText.plain("<p>Variance &sigma;&sup2; &asymp; &lambda; &plusmn; 2 &minus; 1 &Omega; &rarr; &hearts;</p>")
        #expect(converted.text == "Variance σ² ≈ λ ± 2 − 1 Ω → ♥")
        #expect(converted.lost.isEmpty)
        #expect(HTMLText.decodeEntities("&sigma;&sup2; &amp; &apos;x&apos; &#x3bb;") == "σ² & 'x' λ")
    }

    /// Names only HTML5 defines (libxml2 2.9 knows HTML 4's), multi-scalar ones included; an escaped one stays text.
    @Test func html5OnlyEntitiesAreDecoded() {
        let converted = HTMLText.plain("<p>Done &check; &NotEqualTilde; &bigstar; but &amp;check; is text</p>")
        #expect(converted.text == "Done \u{2713} \u{2242}\u{338} \u{2605} but &check; is text")
        #expect(converted.lost.isEmpty)
        #expect(HTMLText.decodeEntities("&check; &amp;check;") == "\u{2713} &check;")
    }

    @Test func anUnknownEntityIsReported() {
        let converted = HTMLText.plain("Done &nosuchentity; here")
        #expect(converted.text == "Done &nosuchentity; here")
        #expect(converted.lost == ["HTML entity '&nosuchentity;' (unknown; kept as written)"])
    }

    @Test func unclosedTagsAndStrayMarkupAreReadAsABrowserWould() {
        #expect(HTMLText.plain("<p>One<p>Two <b>bold</b> after").text == "One\n\nTwo **bold** after")
        #expect(HTMLText.plain("a < b and c > d").text == "a < b and c > d")
    }
}

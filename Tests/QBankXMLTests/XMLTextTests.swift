import QBankCore
import QBankXML
import Testing

/// Every text field goes through `TextNormalization`, whatever XML spells it with.
@Suite struct XMLTextTests {
    private func stem(_ xml: String) -> String? {
        let source = """
            <bank xmlns="urn:qbank:bank:1"><item id="q" type="ordering" domain="1" task="1.1" status="draft">\
            <stem>\(xml)</stem><steps/><tags><tag> s3 </tag></tags></item></bank>
            """
        let result = readXML(source)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        return result.file?.items.first?.stem.value
    }

    @Test(arguments: [
        ("plain", "plain"),
        ("  two   spaces\tand tab  ", "two spaces and tab"),
        ("a <!-- note --> b", "a b"),
        ("<![CDATA[x < y & z]]>", "x < y & z"),
        ("caf&#233; &#x1F600; &amp;&lt;&gt;&quot;&apos;", "café 😀 &<>\"'"),
        ("one\n\n\n  two\r\n  three", "one\n\ntwo three"),
        ("   ", ""),
        ("\u{00A0}nbsp\u{00A0}", "nbsp"),
    ])
    func normalisation(raw: String, expected: String) {
        #expect(stem(raw) == expected)
        #expect(stem(raw) == TextNormalization.normalize(expected))
    }

    @Test func tagsAreNormalised() {
        let result = readXML("""
            <bank xmlns="urn:qbank:bank:1"><item id="q" type="ordering" domain="1" task="1.1" status="draft">\
            <stem>S</stem><steps/><tags><tag> s3 </tag></tags></item></bank>
            """)
        #expect(result.file?.items.first?.tags == ["s3"])
    }
}

import QBankCore
import QBankXML
import Testing

@Suite struct XMLBankWriterTests {
    @Test func roundTripGivesAnEqualModel() throws {
        let first = try #require(try Fixtures.read("valid-bank.xml").file)
        let written = XMLBankWriter().write(first)
        let again = readXML(written, path: "valid-bank.xml")
        #expect(again.diagnostics.isEmpty, "\(again.diagnostics)\n\(written)")
        #expect(again.file == first)
        // Canonical output is a fixed point.
        #expect(XMLBankWriter().write(try #require(again.file)) == written)
    }

    @Test func canonicalForm() {
        let item = Item(
            id: "q1", domain: 2, task: "2.3", status: .approved, shuffle: false,
            stem: "Which is \"best\" & <safe>?\n\nSelect TWO.",
            body: .choice(ChoiceBody(options: [
                Option(id: "a", text: "A > B", isCorrect: true, rationale: "Right."),
                Option(id: "b", text: "B"),
            ], select: 2)),
            references: [Reference(title: "Doc \"one\" & <two>", url: "https://example.com/a?b=1&c=2")],
            tags: ["s3"], enemies: [EnemyReference("q2")],
            stats: ItemStats(pValue: 0.5, responses: 10, irtB: -1, angoff: 0.7))
        let file = BankFile(path: "x.xml", items: [item], cases: [
            CaseStudy(id: "c1", scenario: "A company.", items: [
                Item(id: "c1-q1", domain: 1, task: "1.1", stem: "Order.",
                     body: .ordering([Step(id: "s1", text: "One")])),
                Item(id: "c1-q2", domain: 1, task: "1.1", stem: "Match.",
                     body: .matching(MatchingBody(prompts: [MatchPrompt(id: "p1", text: "P", responseID: "r1")],
                                                  responses: [MatchResponse(id: "r1", text: "R")]))),
            ]),
        ])
        let expected = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bank xmlns="urn:qbank:bank:1">
              <item id="q1" type="multiple" select="2" domain="2" task="2.3" status="approved" shuffle="false">
                <stem>Which is "best" &amp; &lt;safe&gt;?

            Select TWO.</stem>
                <options>
                  <option id="a" correct="true">
                    <text>A &gt; B</text>
                    <rationale>Right.</rationale>
                  </option>
                  <option id="b">
                    <text>B</text>
                  </option>
                </options>
                <references>
                  <reference title="Doc &quot;one&quot; &amp; &lt;two&gt;" url="https://example.com/a?b=1&amp;c=2"/>
                </references>
                <tags>
                  <tag>s3</tag>
                </tags>
                <enemies>
                  <enemy ref="q2"/>
                </enemies>
                <stats pValue="0.5" responses="10" irtB="-1" angoff="0.7"/>
              </item>
              <case id="c1">
                <scenario>A company.</scenario>
                <item id="c1-q1" type="ordering" domain="1" task="1.1" status="draft">
                  <stem>Order.</stem>
                  <steps>
                    <step id="s1">
                      <text>One</text>
                    </step>
                  </steps>
                </item>
                <item id="c1-q2" type="matching" domain="1" task="1.1" status="draft">
                  <stem>Match.</stem>
                  <prompts>
                    <prompt id="p1" response="r1">
                      <text>P</text>
                    </prompt>
                  </prompts>
                  <responses>
                    <response id="r1">
                      <text>R</text>
                    </response>
                  </responses>
                </item>
              </case>
            </bank>

            """
        let written = XMLBankWriter().write(file)
        #expect(written == expected)
        let back = readXML(written, path: "x.xml")
        #expect(back.diagnostics.isEmpty, "\(back.diagnostics)")
        #expect(back.file == file)
    }

    @Test func emptyBankAndEmptyBody() {
        let empty = BankFile(path: "e.xml")
        #expect(readXML(XMLBankWriter().write(empty), path: "e.xml").file == empty)
        let bare = BankFile(path: "b.xml", items: [Item(id: "q", domain: 1, task: "1.1", stem: "S", body: .choice(ChoiceBody(options: [])))])
        let result = readXML(XMLBankWriter().write(bare), path: "b.xml")
        #expect(result.diagnostics.isEmpty)
        #expect(result.file == bare)
    }

    @Test func awkwardNumbersAndWhitespaceSurvive() {
        let stats = ItemStats(pValue: 1e-7, pointBiserial: -0.333333333333, responses: 0, irtA: 12345.5, irtB: 1e20, irtC: 1)
        let file = BankFile(path: "n.xml", items: [
            Item(id: "q", domain: 99, task: "99.99", stem: "S", body: .ordering([]), references: [Reference(title: "T", url: "http://x/y")],
                 tags: ["c++"], stats: stats),
        ])
        let result = readXML(XMLBankWriter().write(file), path: "n.xml")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.file == file)
    }
}

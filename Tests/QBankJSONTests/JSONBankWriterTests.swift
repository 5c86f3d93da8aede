import Foundation
import QBankCore
import QBankJSON
import Testing

@Suite struct JSONBankWriterTests {
    @Test(arguments: JSONFixtures.files("valid"))
    func roundTrip(url: URL) throws {
        let original = try #require(JSONBankReader().read(JSONFixtures.bytes(url), path: "x.json").file)
        let written = JSONBankWriter().write(original)
        let reread = JSONBankReader().read(Array(written.utf8), path: "x.json")
        #expect(reread.diagnostics.isEmpty, "\(reread.diagnostics)")
        #expect(reread.file == original)
        #expect(JSONBankWriter().write(try #require(reread.file)) == written)
    }

    @Test func canonicalForm() {
        let item = Item(id: "q1", domain: 1, task: "1.1", status: .draft, shuffle: false, stem: "Say \"hi\"\\\t\u{1}é",
                        body: .choice(ChoiceBody(options: [Option(id: "a", text: "A", isCorrect: true), Option(id: "b", text: "B")], select: 1)),
                        stats: ItemStats(pValue: 0.5, responses: 3))
        let text = JSONBankWriter().write(BankFile(path: "x", items: [item]))
        #expect(text == """
            {
              "format": "urn:qbank:bank:1",
              "items": [
                {
                  "id": "q1",
                  "type": "multiple",
                  "select": 1,
                  "domain": 1,
                  "task": "1.1",
                  "status": "draft",
                  "shuffle": false,
                  "stem": "Say \\"hi\\"\\\\\\t\\u0001é",
                  "options": [
                    {
                      "id": "a",
                      "text": "A",
                      "correct": true
                    },
                    {
                      "id": "b",
                      "text": "B"
                    }
                  ],
                  "stats": {
                    "pValue": 0.5,
                    "responses": 3
                  }
                }
              ]
            }

            """)
    }
}

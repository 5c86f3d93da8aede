import QBankCore
import Testing

/// `containsText(where:)` visits exactly the texts `placedTexts` lists.
struct ItemTextsTests {
    @Test func containsTextSeesEveryPlacedText() {
        let items = [
            Item(id: "c", domain: 1, task: "1.1", stem: "stem", body: .choice(ChoiceBody(options: [
                Option(id: "a", text: "key", isCorrect: true, rationale: "why a"), Option(id: "b", text: "other"),
            ]))),
            Item(id: "o", domain: 1, task: "1.1", stem: "stem", body: .ordering([Step(id: "s1", text: "first", rationale: "why s1")])),
            Item(id: "m", domain: 1, task: "1.1", stem: "stem", body: .matching(MatchingBody(
                prompts: [MatchPrompt(id: "p", text: "prompt", responseID: "r", rationale: "why p")], responses: [MatchResponse(id: "r", text: "response")]))),
        ]
        for item in items {
            let texts = item.placedTexts.map(\.value)
            for text in texts { #expect(item.containsText { $0 == text }) }
            #expect(!item.containsText { !texts.contains($0) })
        }
    }
}

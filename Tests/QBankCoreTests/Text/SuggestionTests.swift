import QBankCore
import Testing

/// One "did you mean" for JSON fields, config keys and rule names.
@Suite struct SuggestionTests {
    @Test func nearestWithinTheLimitFirstAmongEquals() {
        #expect(Suggestion.nearest(to: "treshold", in: ["minimumItems", "threshold"]) == "threshold")
        #expect(Suggestion.nearest(to: "QB3O4", in: ["QB304", "QB305"]) == "QB304")
        #expect(Suggestion.nearest(to: "STEM", in: ["stem"]) == "stem")
        #expect(Suggestion.nearest(to: "severity", in: ["select", "strict"]) == nil)
        #expect(Suggestion.nearest(to: "sted", in: ["stem"], within: { _ in 0 }) == nil)
        #expect(Suggestion.nearest(to: "", in: ["ab", "a"]) == "a")
    }
}

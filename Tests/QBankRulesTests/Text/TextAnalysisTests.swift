@testable import QBankRules
import Testing

/// Edge cases of the shared text analysis the quality rules rest on.
struct TextAnalysisTests {
    @Test func leadInDropsTrailingSelectDirective() {
        #expect(LeadIn.of("A team trains models. Which actions reduce cost? (Select TWO.)") == "Which actions reduce cost?")
        #expect(LeadIn.of("A team trains models. Which actions reduce cost? Choose two.") == "Which actions reduce cost?")
    }

    @Test func abbreviationsAndDecimalsDoNotEndSentences() {
        #expect(LeadIn.of("Use a service, e.g. Amazon S3, to store 2.5 TB. Which class fits?") == "Which class fits?")
        #expect(Sentences.split("It costs $1.50 per GB. Which is cheaper?").count == 2)
    }

    @Test func emphasisIsBoldOrAllCaps() {
        let words = Words.of("Which is **not** NOT not `not`?")
        #expect(words.map(\.isEmphasized) == [false, false, true, true, false, false])
        #expect(words.last?.isCode == true)
    }

    @Test func stemmerJoinsInflections() {
        #expect(ContentWords.stem("stored") == ContentWords.stem("store"))
        #expect(ContentWords.stem("storing") == ContentWords.stem("stores"))
        #expect(ContentWords.stem("policies") == ContentWords.stem("policy"))
        #expect(ContentWords.stem("databases") == ContentWords.stem("database"))
        #expect(ContentWords.stem("analysis") == "analysis")
        #expect(ContentWords.of("The data is in the bucket") == ["data", "bucket"])
    }

    @Test func numbersWithUnitsFractionsAndSeparators() {
        #expect(Numbers.single("$1,200")?.value == 1200)
        #expect(Numbers.single("3/4")?.value == 0.75)
        #expect(Numbers.single("12 hours")?.unit == "hour")
        #expect(Numbers.single("-2.5 ms.")?.value == -2.5)
        #expect(Numbers.single("500 GB per day") == nil)
        #expect(Numbers.single("S3") == nil)
    }

    @Test func intervalsOverlapOnSharedClosedEndpointsOnly() throws {
        let low = try #require(NumericInterval.parse("10–20"))
        let high = try #require(NumericInterval.parse("20 to 30"))
        let above = try #require(NumericInterval.parse("more than 20"))
        let atLeast = try #require(NumericInterval.parse("20 or more"))
        #expect(low.overlaps(high))
        #expect(!low.overlaps(above))
        #expect(low.overlaps(atLeast))
        #expect(try #require(NumericInterval.parse("between 5 and 10 GB")).unit == "gb")
        #expect(try #require(NumericInterval.parse("less than 5 minutes")).upper == 5)
        #expect(!(try #require(NumericInterval.parse("1-5 GB"))).overlaps(try #require(NumericInterval.parse("3-4 hours"))))
    }

    @Test func metaOptions() {
        #expect(MetaOption.kind(of: "All of the above.") == .allOfTheAbove)
        #expect(MetaOption.kind(of: "All of these") == .allOfTheAbove)
        #expect(MetaOption.kind(of: "None of the above") == .noneOfTheAbove)
        #expect(MetaOption.kind(of: "Neither") == .noneOfTheAbove)
        #expect(MetaOption.kind(of: "A, B and D only") == .combination)
        #expect(MetaOption.kind(of: "I and III") == .combination)
        #expect(MetaOption.kind(of: "Encrypt all of the objects with SSE-KMS keys in every bucket") == nil)
        #expect(MetaOption.kind(of: "Neither nor") == nil)
        #expect(MetaOption.kind(of: "Amazon S3 and Amazon EFS") == nil)
    }

    @Test func negationSkipsNonNegatingPhrases() {
        let words = Words.of("Which option keeps at least 3 copies and reduces false positives?")
        #expect(Negation.negatives(in: words, list: WordLists.negativeLeadIn, gate: WordGate(WordLists.negativeLeadIn), exceptions: WordLists.negativeExceptions).isEmpty)
        let negative = Words.of("Which option doesn't keep 3 copies?")
        #expect(Negation.negatives(in: negative, list: WordLists.negativeLeadIn, gate: WordGate(WordLists.negativeLeadIn), exceptions: WordLists.negativeExceptions).map(\.lower) == ["doesn't"])
    }
}

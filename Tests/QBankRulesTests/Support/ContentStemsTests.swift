import Foundation
import QBankCore
import Testing
import TestSupport
@testable import QBankRules

/// QB505's byte-level content words must be `ContentWords.of`'s, word for word, or its findings would change.
struct ContentStemsTests {
    /// The Kelvin sign is canonically "K": a stop word written with it must still rule out "kelvin".
    static let stopWords = StopWords.english.union(["amazon", "service", "services", "\u{212A}elvin".lowercased(), "\u{212A}ilo"])

    func fast(_ text: String) -> [String] {
        var words: [String] = []
        ContentStems(stopWords: Self.stopWords).append(text, to: &words)
        ContentStems.sortedDistinct(&words)
        return words
    }

    func reference(_ text: String) -> [String] { ContentWords.of(text, stopWords: Self.stopWords).sorted() }

    @Test(arguments: [
        "Which SERVICE stores training data as objects in Amazon S3?",
        "stores stored storing storage stations station rings runnings studies classes buses analysis axes watches wishes",
        "Kelvin KELVINS kelvin's kilo KILOS It's the model's **best** `code_path` node.js re-train x-ray can't don't that's them.",
        "done.Then a--b a''b a.-b 1234 5678x under_score __init__ ____ trailing- -leading 'quoted' dots...",
        "ies lies flies cities series uses houses ases eses abcdies abcdes abcdxes abcdches Xes ABCDEFGHIES",
        "Café naïve résumé façade — “smart quotes” don’t ’s Ünïcödé", // not ASCII: the reference path
        String(repeating: "supercalifragilistic", count: 5) + "s and " + String(repeating: "X", count: 70) + "ing",
        "",
    ])
    func matchesContentWords(_ text: String) {
        #expect(fast(text) == reference(text))
    }

    /// Every text of the sample bank (stems, options, scenarios, rationales).
    @Test func matchesContentWordsOnTheSampleBank() throws {
        let bank = try Fixtures.sampleBank()
        var texts = 0
        for file in bank.files {
            for item in file.items + file.cases.flatMap(\.items) {
                for text in [item.stem.value] + BankText.partTexts(item) {
                    #expect(fast(text) == reference(text), "\(text)")
                    texts += 1
                }
            }
            for study in file.cases { #expect(fast(study.scenario.value) == reference(study.scenario.value)) }
        }
        #expect(texts > 1_000)
    }
}

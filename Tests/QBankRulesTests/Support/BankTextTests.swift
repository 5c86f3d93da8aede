@testable import QBankRules
import Testing

/// Text as the bank rules compare it.
struct BankTextTests {
    /// QB502's byte matcher must answer as `isMeta` does for every text, ASCII or not, with ASCII and non-ASCII lists.
    @Test func metaMatcherAgreesWithIsMeta() {
        let texts = [
            "All of the above", "all of the above.", "ALL  of-the\tabove!", "None of these", "Both A and B", "neither a nor b",
            "All of the above options", "Amazon S3", "", "   ", "À tous", "all of the abové", "none\u{301} of these",
            "all of the options", "(All of the above)", "all of the above all of the above all of the above",
        ]
        let lists = [BankText.metaOptions, ["tous les choix", "aucun des choix"], ["café", "all of the above"], []]
        for list in lists {
            let matcher = BankText.MetaMatcher(list)
            for text in texts {
                #expect(matcher.isMeta(text) == BankText.isMeta(text, among: list), "\(text) among \(list)")
            }
        }
        #expect(BankText.MetaMatcher(BankText.metaOptions).isMeta("ALL  of-the\tabove!"))
        #expect(!BankText.MetaMatcher(BankText.metaOptions).isMeta("All of the above options"))
    }
}

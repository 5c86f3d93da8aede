import Testing
@testable import QBankReports

struct NumberTextTests {
    @Test func fixedRoundsHalfAwayFromZeroWithoutLocale() {
        #expect(NumberText.fixed(27.63, places: 1) == "27.6")
        #expect(NumberText.fixed(0.125, places: 2) == "0.13")
        #expect(NumberText.fixed(-0.04, places: 1) == "0.0")
        #expect(NumberText.fixed(-1.25, places: 1) == "-1.3")
        #expect(NumberText.fixed(3, places: 0) == "3")
        #expect(NumberText.fixed(0.05, places: 2) == "0.05")
    }

    @Test func percentOfEmptyWholeIsZero() {
        #expect(NumberText.percent(3, of: 0) == "0.0")
        #expect(NumberText.percent(84, of: 304) == "27.6")
        #expect(NumberText.percentValue(84, of: 304) == 27.6)
    }

    @Test func niceScaleCeilings() {
        #expect(NiceScale.ceiling(0) == 1)
        #expect(NiceScale.ceiling(28) == 30)
        #expect(NiceScale.ceiling(3) == 3)
        #expect(NiceScale.ceiling(31) == 40)
        #expect(NiceScale.ceiling(20) == 20)
        #expect(NiceScale.ceiling(0.3) == 0.3)
        #expect(NiceScale.ceiling(120) == 150)
        #expect(NiceScale.ceiling(22) == 25)
    }
}

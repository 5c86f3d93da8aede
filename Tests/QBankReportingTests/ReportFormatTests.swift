import Testing
@testable import QBankReporting

@Suite struct ReportFormatTests {
    @Test(arguments: ReportFormat.allCases)
    func outputIsDeterministic(format: ReportFormat) {
        let first = format.reporter().render(Fixtures.report())
        let second = format.reporter().render(Fixtures.report())
        #expect(first == second)
        #expect(first.hasSuffix("\n"))
    }

    @Test func formatNamesAreTheCLIValues() {
        #expect(ReportFormat.allCases.map(\.rawValue) == ["text", "json", "sarif", "github", "junit", "gitlab"])
    }
}

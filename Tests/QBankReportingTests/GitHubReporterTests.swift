import QBankCore
import Testing
@testable import QBankReporting

@Suite struct GitHubReporterTests {
    @Test func githubFormat() {
        assertSnapshot(GitHubReporter().render(Fixtures.report()), as: "txt")
    }

    @Test func githubOverflow() {
        let output = GitHubReporter().render(Fixtures.overflowReport)
        assertSnapshot(output, as: "txt")
        let lines = output.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("::error ") }.count == 12)
        #expect(lines.filter { $0.hasPrefix("::warning ") }.count == 11)
        #expect(lines.filter { $0.hasPrefix("::notice ") }.count == 1)
        #expect(lines.filter { $0.hasPrefix("banks/big.xml:") }.count == 3)
        #expect(output.contains("3 findings were not shown as annotations"))
    }

    @Test func escapesFollowActionsToolkit() {
        #expect(GitHubReporter.escapeData("100%\r\nok: a,b") == "100%25%0D%0Aok: a,b")
        #expect(GitHubReporter.escapeProperty("a:b,c%") == "a%3Ab%2Cc%25")
    }
}

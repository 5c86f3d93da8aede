import Foundation
import QBankCore
import Testing
@testable import QBankReporting

@Suite struct GitLabReporterTests {
    @Test func gitlabFormat() {
        assertSnapshot(GitLabReporter().render(Fixtures.report()), as: "json")
    }

    /// The fields GitLab's Code Quality widget requires, on every issue, with unique fingerprints.
    @Test func everyIssueHasTheRequiredFields() throws {
        let issues = try #require(try JSONSerialization.jsonObject(with: Data(GitLabReporter().render(Fixtures.report()).utf8)) as? [[String: Any]])
        #expect(issues.count == Fixtures.diagnostics.count)
        for issue in issues {
            #expect(issue["description"] is String && issue["check_name"] is String)
            #expect(["info", "minor", "major", "critical", "blocker"].contains(issue["severity"] as? String))
            let location = try #require(issue["location"] as? [String: Any])
            #expect(!(try #require(location["path"] as? String)).hasPrefix("/repo"))
            #expect((location["lines"] as? [String: Int])?["begin"] != nil)
        }
        let fingerprints = issues.compactMap { $0["fingerprint"] as? String }
        #expect(Set(fingerprints).count == issues.count)
        #expect(GitLabReporter().render(Fixtures.cleanReport) == "[]\n")
    }
}

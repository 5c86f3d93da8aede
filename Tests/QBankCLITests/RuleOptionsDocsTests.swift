import Foundation
import Testing
import TestSupport

/// Every `"QBnnn": {… "options": {…}}` the README and CONTRIBUTING.md show is accepted by `qbank lint`.
struct RuleOptionsDocsTests {
    @Test(arguments: ["README.md", "CONTRIBUTING.md"])
    func documentedOptionSnippetsWork(_ document: String) throws {
        let text = try String(contentsOf: Fixtures.repositoryRoot.appendingPathComponent(document), encoding: .utf8)
        let snippets = text.matches(of: /"(QB[0-9]{3})": (\{[^{}]*"options": \{[^{}]*\}\})/).map { (String($0.1), String($0.2)) }
        #expect(!snippets.isEmpty, "\(document) shows no rule options")
        for (rule, body) in snippets {
            let folder = try CLI.temporaryFolder()
            let config = folder.appendingPathComponent("qbank.json")
            try "{\"rules\": {\"\(rule)\": \(body)}}".write(to: config, atomically: true, encoding: .utf8)
            let result = try CLI.run(["lint", "--print-config", "--config", config.path])
            #expect(result.status == 0, "\(document): \(rule) \(body): \(result.stderr)")
        }
    }
}

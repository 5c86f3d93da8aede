import Foundation
import Testing
import TestSupport

struct NewCommandTests {
    @Test(arguments: ["single", "multiple", "ordering", "matching"], ["xml", "json"])
    func skeletonLoadsAndPassesTheSchemaAndStructureRules(type: String, syntax: String) throws {
        let folder = try CLI.temporaryFolder()
        try FileManager.default.copyItem(at: Fixtures.repositoryRoot.appendingPathComponent("Banks/mla-c01/blueprint.json"),
                                         to: folder.appendingPathComponent("blueprint.json"))
        let result = try CLI.run(["new", "--type", type, "--domain", "2", "--task", "2.3", "--as", syntax, "--bank", "Banks/mla-c01"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("TODO:"))
        try result.stdout.write(to: folder.appendingPathComponent("new.\(syntax)"), atomically: true, encoding: .utf8)
        let lint = try CLI.run(["lint", ".", "--format", "json"], in: folder)
        #expect(lint.status == 1, "placeholder text is an error: \(lint.stdout)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(lint.stdout.utf8)) as? [String: Any])
        let rules = (object["findings"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
        #expect(rules.filter { $0.hasPrefix("QB0") || $0.hasPrefix("QB1") } == ["QB116"], "\(rules)")
    }

    @Test func idIsFreshInTheBank() throws {
        let result = try CLI.run(["new", "--type", "single", "--domain", "1", "--task", "1.1", "--bank", "Banks/mla-c01"])
        let id = try #require(result.stdout.firstMatch(of: /id="([^"]+)"/)?.1)
        let lint = try CLI.run(["lint", "Banks/mla-c01", "--format", "json"])
        #expect(lint.status == 0)
        let bankText = try FileManager.default.subpathsOfDirectory(atPath: "\(Fixtures.repositoryRoot.path)/Banks/mla-c01")
            .filter { $0.hasSuffix(".xml") || $0.hasSuffix(".json") }
            .map { try String(contentsOfFile: "\(Fixtures.repositoryRoot.path)/Banks/mla-c01/\($0)", encoding: .utf8) }
        #expect(id.hasPrefix("mla-1.1-"))
        #expect(!bankText.contains { $0.contains("\"\(id)\"") }, "\(id) is already used")
    }

    @Test func unknownDomainOrTaskIsAUsageError() throws {
        #expect(try CLI.run(["new", "--type", "single", "--domain", "1", "--task", "2.1"]).status == 2)
        #expect(try CLI.run(["new", "--type", "single", "--domain", "5", "--task", "5.1", "--bank", "Banks/mla-c01"]).status == 2)
        #expect(try CLI.run(["new", "--type", "single", "--domain", "1", "--task", "1.9", "--bank", "Banks/mla-c01"]).status == 2)
        #expect(try CLI.run(["new", "--type", "essay", "--domain", "1", "--task", "1.1"]).status == 2)
    }
}

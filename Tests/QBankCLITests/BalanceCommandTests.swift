import Foundation
import Testing
import TestSupport

struct BalanceCommandTests {
    @Test func sampleBankSupportsThreeForms() throws {
        let result = try CLI.run(["balance", "Banks/mla-c01", "--forms", "3"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let tooMany = try CLI.run(["balance", "Banks/mla-c01", "--forms", "9"])
        #expect(tooMany.status == 1)
        #expect(tooMany.stdout.contains("cannot build 9: domain"))
    }

    @Test func jsonKeepsTheContract() throws {
        let result = try CLI.run(["balance", "Banks/mla-c01", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        for key in ["items", "cases", "byDomain", "byTask", "byType", "byStatus", "maxForms"] {
            #expect(object[key] != nil, "balance JSON lacks \(key)")
        }
        #expect((object["items"] as? Int ?? 0) >= 300)
        #expect((object["maxForms"] as? Int ?? 0) >= 3)
        let constraints = try #require(object["constraints"] as? [[String: Any]])
        #expect(constraints.contains { $0["requirement"] as? String == "case studies" })
    }

    @Test func blueprintMinimumsAreCheckedAndTheBindingOneNamed() throws {
        let result = try CLI.run(["balance", "Banks/mla-c01", "--forms", "9"])
        #expect(result.stdout.contains("blueprint minimum"))
        #expect(result.stdout.contains("binding: "))
    }

    @Test func bankReadmeIsUpToDate() throws {
        let readme = try String(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("Banks/mla-c01/README.md"), encoding: .utf8)
        let generated = try CLI.run(["balance", "Banks/mla-c01", "--format", "markdown"]).stdout
        #expect(readme.hasSuffix("\n\n" + generated), "Banks/mla-c01/README.md is stale: run Scripts/update-bank-readme.sh")
    }

    @Test func aFolderWithoutBlueprintIsAUsageError() throws {
        let folder = try CLI.temporaryFolder()
        try "{\"format\": \"urn:qbank:bank:1\"}".write(to: folder.appendingPathComponent("a.json"), atomically: true, encoding: .utf8)
        #expect(try CLI.run(["balance", "."], in: folder).status == 2)
    }
}

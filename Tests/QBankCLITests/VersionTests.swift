import Foundation
import Testing
import TestSupport

/// `qbank --version` prints the number set in Sources/qbank/Support/Version.swift (the one place)
/// with the build the release script stamps (`dev` from source); completions come from the same command tree.
@Suite struct VersionTests {
    @Test func versionIsTheNumberOfVersionSwiftPlusTheBuild() throws {
        let source = try String(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("Sources/qbank/Support/Version.swift"), encoding: .utf8)
        let number = try #require(source.firstMatch(of: /static let number = "([^"]+)"/)?.1)
        let result = try CLI.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("\(number)+"), "\(result.stdout)")
        #expect(result.stdout.wholeMatch(of: /\d+\.\d+\.\d+\+[0-9a-z-]+\n/) != nil, "semantic version with build metadata: \(result.stdout)")
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func completionScriptsCoverTheSubcommands(shell: String) throws {
        let result = try CLI.run(["--generate-completion-script", shell])
        #expect(result.status == 0)
        for command in ["lint", "assemble", "import", "fmt"] { #expect(result.stdout.contains(command), "\(shell) lacks \(command)") }
    }
}

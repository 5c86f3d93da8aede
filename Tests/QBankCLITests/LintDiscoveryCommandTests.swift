import Foundation
import Testing
import TestSupport

/// `qbank lint` with no path in a repository as users keep them: bank files beside other XML and
/// JSON, a `.gitignore`, excludes in `qbank.json`, hidden and vendored folders.
@Suite(.serialized)
struct LintDiscoveryCommandTests {
    static let bank = "<?xml version=\"1.0\"?>\n<bank xmlns=\"urn:qbank:bank:1\">\n</bank>\n"

    /// Every file of the test repository; only `banks/flawed.xml` and `banks/more/ok.json` are bank files to lint.
    func repository() throws -> URL {
        let root = try CLI.temporaryFolder()
        let files: [String: String] = [
            "qbank.json": #"{"extend-exclude": ["legacy", "banks/**/*.draft.xml"]}"#,
            ".gitignore": "out/\n*.generated.json\n!keep.generated.json\n",
            "banks/flawed.xml": LintCommandTests.badItem,
            "banks/more/ok.json": #"{"$schema": "x", "format": "urn:qbank:bank:1", "items": []}"#,
            "banks/more/keep.generated.json": #"{"format" : "urn:qbank:bank:1", "items": []}"#,
            "banks/more/feed.xml": "<?xml version=\"1.0\"?>\n<!-- a feed -->\n<rss version=\"2.0\"/>\n",
            "banks/more/package-lock.json": #"{"name": "x", "format": "urn:qbank:form:1"}"#,
            "banks/more/wip.draft.xml": LintCommandTests.badItem,
            "banks/gen.generated.json": #"{"format": "urn:qbank:bank:1", "items": [}"#,
            "legacy/old.xml": LintCommandTests.badItem,
            "out/built.xml": LintCommandTests.badItem,
            "node_modules/pkg/bank.xml": LintCommandTests.badItem,
            ".hidden/bank.xml": LintCommandTests.badItem,
            "Reports/form.xml": "<form xmlns=\"urn:qbank:form:1\"/>\n",
        ]
        for (name, text) in files {
            let url = root.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        try FileManager.default.copyItem(at: Fixtures.repositoryRoot.appendingPathComponent("Banks/mla-c01/blueprint.json"),
                                         to: root.appendingPathComponent("banks/blueprint.json"))
        return root
    }

    @Test func noPathLintsTheBankFilesAUserExpects() throws {
        let root = try repository()
        let result = try CLI.run(["lint", "--format", "json"], in: root)
        #expect(result.status == 1, "\(result.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let files = Set(((report?["findings"] as? [[String: Any]]) ?? []).compactMap { $0["file"] as? String })
        #expect(files == ["banks/flawed.xml"], "\(result.stdout)")
        #expect((report?["summary"] as? [String: Any])?["files"] as? Int == 3, "\(result.stdout)")
    }

    @Test func showFilesListsWhatIsLintedAndWhatIsPassedOver() throws {
        let root = try repository()
        let result = try CLI.run(["lint", "--show-files"], in: root)
        #expect(result.status == 0)
        #expect(result.stdout == """
            banks/flawed.xml
            banks/more/keep.generated.json
            banks/more/ok.json
            skipped Reports/form.xml: not a bank file (no urn:qbank:bank:1)
            skipped banks/blueprint.json: not a bank file (a configuration, blueprint or schema name)
            skipped banks/gen.generated.json: ignored by .gitignore:2
            skipped banks/more/feed.xml: not a bank file (no urn:qbank:bank:1)
            skipped banks/more/package-lock.json: not a bank file (no urn:qbank:bank:1)
            skipped banks/more/wip.draft.xml: excluded by 'banks/**/*.draft.xml'
            skipped legacy: excluded by 'legacy'
            skipped node_modules: excluded by 'node_modules'
            skipped out: ignored by .gitignore:1
            skipped qbank.json: not a bank file (a configuration, blueprint or schema name)

            """)
    }

    @Test func verboseTellsOnStderrAndQuietPrintsFindingsOnly() throws {
        let root = try repository()
        let verbose = try CLI.run(["lint", "--verbose"], in: root)
        #expect(verbose.stderr.contains("qbank: skipped out: ignored by .gitignore:1"))
        let quiet = try CLI.run(["lint", "--quiet"], in: root)
        #expect(quiet.status == 1)
        #expect(quiet.stdout.contains("banks/flawed.xml:3:3: error:"))
        #expect(!quiet.stdout.contains("in 3 files"))
        #expect(quiet.stderr.isEmpty)
    }

    @Test func namedPathsAreLintedEvenWhenExcluded() throws {
        let root = try repository()
        let result = try CLI.run(["lint", "legacy/old.xml", "--format", "json"], in: root)
        #expect(result.status == 1)
        #expect(result.stdout.contains("legacy/old.xml"))
    }

    @Test func thisRepositoryIsCleanWithNoPath() throws {
        let result = try CLI.run(["lint"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let size = try CLI.sampleBankSize()
        #expect(result.stdout.contains("No problems found in \(size.files) files (\(size.items) items)"), "\(result.stdout)")
    }
}

/// What editors, hooks and CI set around `qbank lint`: stdin, colour variables, typos.
@Suite(.serialized)
struct LintInvocationCommandTests {
    static let sampleFile = "Banks/mla-c01/d1-data-preparation/1.1-ingest-and-store.xml"

    @Test func standardInputIsLintedAsTheNamedFileInItsBank() throws {
        let text = try String(contentsOf: Fixtures.repositoryRoot.appendingPathComponent(Self.sampleFile), encoding: .utf8)
        let clean = try CLI.run(["lint", "-", "--stdin-filename", Self.sampleFile], input: text)
        #expect(clean.status == 0, "\(clean.stdout)\(clean.stderr)")
        #expect(clean.stdout.contains("in 1 file"))
        // A copy under another name collides with its original: bank-wide rules saw the neighbours.
        let copy = try CLI.run(["lint", "-", "--stdin-filename", "Banks/mla-c01/d1-data-preparation/copy.xml", "--format", "json"], input: text)
        #expect(copy.status == 1)
        #expect(copy.stdout.contains("QB107") && copy.stdout.contains("copy.xml"))
        // Unsaved, broken text: exit 2 with the position in the named file, the disk file untouched.
        let broken = try CLI.run(["lint", "-", "--stdin-filename", Self.sampleFile], input: String(text.prefix(2000)))
        #expect(broken.status == 2)
        #expect(broken.stdout.contains("\(Self.sampleFile):"))
        #expect(try CLI.run(["lint", "-"]).status == 2)
        #expect(try CLI.run(["lint", "-", "Banks", "--stdin-filename", "x.xml"]).status == 2)
    }

    @Test func colourFollowsForceColorAndNoColor() throws {
        let folder = try CLI.bank(["bad.xml": LintCommandTests.badItem])
        let escape = "\u{1B}["
        #expect(try CLI.run(["lint"], in: folder, environment: ["FORCE_COLOR": "1", "NO_COLOR": nil]).stdout.contains(escape))
        #expect(try !CLI.run(["lint"], in: folder, environment: ["FORCE_COLOR": nil, "NO_COLOR": "1"]).stdout.contains(escape))
        #expect(try !CLI.run(["lint"], in: folder, environment: ["FORCE_COLOR": "", "NO_COLOR": nil]).stdout.contains(escape))
        #expect(try !CLI.run(["lint", "--color", "never"], in: folder, environment: ["FORCE_COLOR": "1"]).stdout.contains(escape))
    }

    @Test func misspeltCommandsAndRulesGetSuggestions() throws {
        let command = try CLI.run(["lnit", "Banks"])
        #expect(command.status == 2)
        #expect(command.stderr.contains("did you mean 'lint'?"))
        let rules = try CLI.run(["lint", "Banks", "--select", "QB20l", "--ignore", "dupliate-items"])
        #expect(rules.status == 2)
        #expect(rules.stderr.contains("did you mean 'QB201'?") && rules.stderr.contains("did you mean 'duplicate-items'?"), "\(rules.stderr)")
    }
}

import Foundation
import Testing
import TestSupport

/// The numbered cases of issue #12 ("hostile input and faults"): each crashed, hung or did damage before.
/// `QBANK_EXECUTABLE=/path/to/old/qbank swift test --filter FaultCaseTests` shows them failing on an old build.
struct FaultCaseTests {
    // MARK: 1. Out-of-range numbers

    /// A blueprint edit: the sample blueprint with one value replaced; the finding must name the edited line.
    static let blueprintEdits: [(name: String, from: String, to: String)] = [
        ("weight", "\"weight\": 28", "\"weight\": 1e308"),
        ("scored", "\"length\": 65, \"scored\": 50", "\"length\": 10000000000000015, \"scored\": 10000000000000000"),
        ("format min", "\"single\": { \"min\": 30, \"max\": 40 }", "\"single\": { \"min\": 9223372036854775807 }"),
        ("minScoredPerTask", "\"minScoredPerTask\": 3", "\"minScoredPerTask\": 9223372036854775807"),
    ]

    @Test(arguments: blueprintEdits.indices)
    func outOfRangeBlueprintNumbersAreFindingsNotCrashes(_ index: Int) throws {
        let edit = Self.blueprintEdits[index]
        let bank = try CLI.sampleBankCopy()
        let blueprint = bank.appendingPathComponent("blueprint.json")
        let text = try String(contentsOf: blueprint, encoding: .utf8)
        let range = try #require(text.range(of: edit.from))
        let line = text[..<range.lowerBound].filter { $0 == "\n" }.count + 1
        try text.replacingOccurrences(of: edit.from, with: edit.to).write(to: blueprint, atomically: true, encoding: .utf8)
        let out = try CLI.temporaryFolder().path
        for arguments in [["lint", "."], ["balance", "."], ["assemble", ".", "--out", out]] {
            let result = try CLI.run(arguments, in: bank)
            #expect([1, 2].contains(result.status), "\(edit.name): \(arguments[0]) exited \(result.status)")
            #expect((result.stdout + result.stderr).contains("blueprint.json:\(line):"), "\(edit.name): \(arguments[0]) names no position")
        }
    }

    @Test(arguments: [
        ["balance", "Banks/mla-c01", "--forms", "4611686018427387904"],
        ["assemble", "Banks/mla-c01", "--out", "/nonexistent", "--forms", "4611686018427387904"],
        ["assemble", "Banks/mla-c01", "--out", "/nonexistent", "--forms", "2", "--max-exposure", "9223372036854775807"],
        ["assemble", "Banks/mla-c01", "--out", "/nonexistent", "--max-overlap", "9223372036854775807"],
        ["assemble", "Banks/mla-c01", "--out", "/nonexistent", "--time-limit", "inf"],
    ])
    func hugeFlagsAreUsageErrors(_ arguments: [String]) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 2, "\(arguments) exited \(result.status)")
        #expect(result.stderr.contains("takes a number"))
    }

    @Test func overflowingBaselineCountsAreRefused() throws {
        let folder = try CLI.temporaryFolder()
        let baseline = folder.appendingPathComponent("baseline.json")
        let entry = "{\"count\": 9223372036854775807, \"fingerprint\": \"0000000000000000\", \"item\": \"mla-1.1-001\", \"rule\": \"QB110\"}"
        try "{\"version\": 1, \"findings\": [\n  \(entry),\n  \(entry)\n]}\n".write(to: baseline, atomically: true, encoding: .utf8)
        let result = try CLI.run(["lint", "Banks", "--baseline", baseline.path])
        #expect(result.status == 2, "exited \(result.status)")
        #expect(result.stderr.contains("baseline.json:2:"))
    }

    // MARK: 3. An unwritable stdout

    @Test func aFullStdoutIsExitTwoWithAMessage() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = ["lint", "Banks"]
        process.currentDirectoryURL = Fixtures.repositoryRoot
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
        let err = Pipe()
        process.standardError = err
        try process.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 2, "\(process.terminationStatus)")
        #expect(stderr.contains("cannot write to standard output"))
    }

    @Test func noTryBangOrForcedIOInTheSources() throws {
        let sources = Fixtures.repositoryRoot.appendingPathComponent("Sources")
        let walker = try #require(FileManager.default.enumerator(atPath: sources.path))
        var offenders: [String] = []
        for case let relative as String in walker where relative.hasSuffix(".swift") {
            let text = try String(contentsOf: sources.appendingPathComponent(relative), encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where line.contains("try!") || line.contains("FileHandle.standardOutput.write(") || line.contains("FileHandle.standardError.write(") {
                offenders.append("\(relative):\(number + 1)")
            }
        }
        #expect(offenders.isEmpty, "\(offenders)")
    }

    // MARK: 4. A bank that breaks the blueprint's prerequisites

    @Test(arguments: ["duplicate id", "unknown domain"])
    func balanceAndAssembleRefuseWithTheFindings(_ kind: String) throws {
        let bank = try CLI.sampleBankCopy()
        let item = kind == "duplicate id" ? ("mla-1.1-001", "1", "1.1", "QB107") : ("hostile-unknown-domain", "9", "9.1", "QB112")
        let file = CLI.itemsFile([(id: item.0, comments: "")])
            .replacingOccurrences(of: "domain=\"1\" task=\"1.1\"", with: "domain=\"\(item.1)\" task=\"\(item.2)\"")
        try file.write(to: bank.appendingPathComponent("extra.xml"), atomically: true, encoding: .utf8)
        let out = try CLI.temporaryFolder().path
        for arguments in [["balance", "."], ["assemble", ".", "--out", out]] {
            let result = try CLI.run(arguments, in: bank)
            #expect(result.status == 1, "\(kind): \(arguments[0]) exited \(result.status)")
            #expect(result.stderr.contains(item.3) && result.stderr.contains("extra.xml:"), "\(kind): \(result.stderr)")
        }
    }

    // MARK: 5. Characters XML 1.0 forbids

    @Test func jsonEscapesOfForbiddenCharactersAreRefusedWhereTheyStand() throws {
        let bank = try CLI.sampleBankCopy()
        let json = bank.appendingPathComponent("d1-data-preparation/1.2-transform-and-engineer.json")
        let text = try String(contentsOf: json, encoding: .utf8)
        let stem = try #require(text.range(of: "\"stem\": \""))
        try text.replacingCharacters(in: stem, with: "\"stem\": \"\\u0001").write(to: json, atomically: true, encoding: .utf8)
        let line = text[..<stem.lowerBound].split(separator: "\n", omittingEmptySubsequences: false).count
        let out = bank.appendingPathComponent("converted.xml").path
        let convert = try CLI.run(["convert", json.path, "--to", "xml", "--output", out])
        #expect(convert.status == 2, "\(convert.status)")
        #expect(convert.stderr.contains("1.2-transform-and-engineer.json:\(line):") && convert.stderr.contains("U+0001"), "\(convert.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
        let exported = try CLI.temporaryFolder().appendingPathComponent("bank.xml").path
        #expect(try CLI.run(["export", ".", "--to", "moodle", "--output", exported], in: bank).status == 2)
    }

    @Test func importedItemsWithForbiddenCharactersAreSkippedWithTheReason() throws {
        let folder = try CLI.temporaryFolder()
        try "::Q1:: Which value\u{01} is right? {=A ~B ~C}\n\n::Q2:: Which one is right? {=A ~B ~C}\n"
            .write(to: folder.appendingPathComponent("q.gift"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["import", "q.gift", "--into", "bank", "--domain", "1"], in: folder)
        #expect(result.status == 1, "\(result.status)")
        #expect(result.stdout.contains("imported 1, skipped 1") && result.stdout.contains("U+0001"), "\(result.stdout)")
        let lint = try CLI.run(["lint", "bank"], in: folder)
        #expect(lint.status != 2, "qbank's own lint refuses what import wrote: \(lint.stdout)")
    }

    // MARK: 6 and 7. Importing into one file of a bank

    static let importedItem = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bank xmlns="urn:qbank:bank:1">
          <item id="ID" type="single" domain="2" task="2.1" status="draft">
            <stem>Which service stores training data as objects for the team?</stem>
            <options>
              <option id="a" correct="true"><text>Amazon S3</text><rationale>Object storage.</rationale></option>
              <option id="b"><text>Amazon EFS</text><rationale>File storage.</rationale></option>
              <option id="c"><text>Amazon EBS</text><rationale>Block storage.</rationale></option>
            </options>
          </item>
        </bank>

        """

    @Test(arguments: ["", "rename", "skip", "replace"])
    func idsAreCheckedAcrossTheWholeBankWhenImportingIntoAFile(_ policy: String) throws {
        let bank = try CLI.sampleBankCopy()
        let source = bank.deletingLastPathComponent().appendingPathComponent("source.xml")
        try Self.importedItem.replacingOccurrences(of: "\"ID\"", with: "\"mla-1.1-001\"").write(to: source, atomically: true, encoding: .utf8)
        let arguments = ["import", source.path, "--into", "d2-model-development/2.1-modeling-approach.json"]
        let result = try CLI.run(arguments + (policy.isEmpty ? [] : ["--on-conflict", policy]), in: bank)
        let lint = try CLI.run(["lint", ".", "--select", "QB107"], in: bank)
        #expect(!lint.stdout.contains("QB107"), "\(policy): import --into FILE added a duplicate id (exit \(result.status))")
        if policy.isEmpty { #expect(result.status == 1 && result.stderr.contains("1.1-ingest-and-store.xml")) }
    }

    @Test func mergingKeepsSchemaReferencesAndRefusesToDropComments() throws {
        let bank = try CLI.sampleBankCopy()
        let source = bank.deletingLastPathComponent().appendingPathComponent("source.xml")
        try Self.importedItem.replacingOccurrences(of: "\"ID\"", with: "\"brand-new-1\"").write(to: source, atomically: true, encoding: .utf8)
        let json = "d2-model-development/2.1-modeling-approach.json"
        #expect(try String(contentsOf: bank.appendingPathComponent(json), encoding: .utf8).contains("\"$schema\""))
        let intoJSON = try CLI.run(["import", source.path, "--into", json], in: bank)
        #expect(intoJSON.status == 0, "\(intoJSON.stderr)")
        #expect(try String(contentsOf: bank.appendingPathComponent(json), encoding: .utf8).contains("\"$schema\""), "the merge dropped $schema")

        let xml = bank.appendingPathComponent("d2-model-development/2.2-train-and-refine.xml")
        let before = try String(contentsOf: xml, encoding: .utf8)
            .replacingOccurrences(of: "<item id=\"mla-2.2-001\"", with: "<!-- qbank-disable QB110: kept on purpose -->\n  <item id=\"mla-2.2-001\"")
        try before.write(to: xml, atomically: true, encoding: .utf8)
        try Self.importedItem.replacingOccurrences(of: "\"ID\"", with: "\"brand-new-2\"").write(to: source, atomically: true, encoding: .utf8)
        let intoXML = try CLI.run(["import", source.path, "--into", "d2-model-development/2.2-train-and-refine.xml"], in: bank)
        #expect(intoXML.status == 2 && intoXML.stderr.contains("comments"), "\(intoXML.status)")
        #expect(try String(contentsOf: xml, encoding: .utf8) == before, "the file changed")
    }

    // MARK: 9. Secrets through symbolic links

    @Test func linksOutsideTheLintedFolderAreSkippedAndSaidSo() throws {
        let outside = try CLI.temporaryFolder().appendingPathComponent("secret.xml")
        try "SECRET_TOKEN=hunter2-do-not-print\n".write(to: outside, atomically: true, encoding: .utf8)
        let bank = try CLI.bank(["data/inside.txt": CLI.itemsFile([(id: "linked-1", comments: "")])])
        try FileManager.default.createSymbolicLink(atPath: bank.appendingPathComponent("leak.xml").path, withDestinationPath: outside.path)
        if FileManager.default.fileExists(atPath: "/proc/self/environ") {
            try FileManager.default.createSymbolicLink(atPath: bank.appendingPathComponent("environ.xml").path,
                                                       withDestinationPath: "/proc/self/environ")
        }
        try FileManager.default.createSymbolicLink(atPath: bank.appendingPathComponent("inside.xml").path, withDestinationPath: "data/inside.txt")
        let result = try CLI.run(["lint", ".", "--format", "text"], in: bank)
        #expect(!(result.stdout + result.stderr).contains("hunter2"))
        #expect(!(result.stdout + result.stderr).contains("PATH="))
        #expect(result.stderr.contains("skipped leak.xml: a symbolic link to"))
        #expect(result.stdout.contains("linked-1"), "a link inside the folder is followed")
        #expect(result.status == 0, "\(result.status): \(result.stdout)")
    }

    @Test func onlyTextIsEchoedAndLongLinesAreCut() throws {
        var binary = Array("<?xml version=\"1.0\"?>\n<bank xmlns=\"urn:qbank:bank:1\"><item id=\"x\" ".utf8)
        binary += [0xFF, 0xFE, 0x00, 0x1B] + Array("[31mTOKEN\n".utf8)
        let long = "<bank xmlns=\"urn:qbank:bank:1\"><item id=\"" + String(repeating: "a", count: 100_000) + "\" oops></bank>\n"
        let bank = try CLI.bank(["long.xml": long])
        try Data(binary).write(to: bank.appendingPathComponent("binary.xml"))
        let result = try CLI.run(["lint", ".", "--format", "text"], in: bank)
        #expect(result.status == 2)
        #expect(!result.stdout.contains("TOKEN"))
        #expect(result.stdout.split(separator: "\n").allSatisfy { $0.utf8.count < 2_000 }, "a source line was echoed whole")
    }

    // MARK: 11. Scoring keys that cannot be scored

    @Test func keysWithoutScoredItemsOrWithRepeatsAreRefused() throws {
        let folder = try CLI.temporaryFolder()
        let responses = folder.appendingPathComponent("responses.json")
        try "{\"form\": \"form-1\", \"responses\": {\"a-1\": \"a\"}}".write(to: responses, atomically: true, encoding: .utf8)
        let unscored = "{\"form\": \"form-1\", \"items\": [{\"id\": \"a-1\", \"type\": \"single\", \"scored\": false, \"answer\": \"a\"}]}"
        let twice = """
            {"form": "form-1", "items": [
              {"id": "a-1", "type": "single", "scored": true, "answer": "a"},
              {"id": "a-1", "type": "single", "scored": true, "answer": "a"}]}
            """
        for (name, key) in [("unscored", unscored), ("twice", twice)] {
            let path = folder.appendingPathComponent("\(name).key.json")
            try key.write(to: path, atomically: true, encoding: .utf8)
            let result = try CLI.run(["score", "--key", path.path, responses.path])
            #expect(result.status == 2, "\(name): exited \(result.status) with \(result.stdout)")
            #expect(!result.stdout.contains("PASS"))
            #expect(result.stderr.contains("\(name).key.json:"), "\(name): \(result.stderr)")
        }
    }

    // MARK: 12. Symbolic-link loops

    @Test func aSymlinkLoopIsReadOnceAndReported() throws {
        let bank = try CLI.bank(["sub/items.xml": CLI.itemsFile([(id: "loop-1", comments: "")])])
        try FileManager.default.createSymbolicLink(atPath: bank.appendingPathComponent("sub/again").path, withDestinationPath: "..")
        let result = try CLI.run(["lint", ".", "--select", "QB107"], in: bank)
        #expect(result.status == 0, "\(result.stdout)")
        #expect(!result.stdout.contains("QB107"))
        #expect(result.stderr.contains("skipped sub/again"))
    }

    // MARK: 12. --exit-zero and malformed files

    @Test func exitZeroStillExitsTwoOnMalformedFilesAndHelpSaysSo() throws {
        let bank = try CLI.bank(["broken.xml": "<bank xmlns=\"urn:qbank:bank:1\"><item"])
        #expect(try CLI.run(["lint", ".", "--exit-zero"], in: bank).status == 2)
        let help = try CLI.run(["lint", "--help"]).stdout.replacingOccurrences(of: "\n", with: " ")
            .split(separator: " ").joined(separator: " ")
        #expect(help.contains("exits 2 even with --exit-zero"))
    }
}

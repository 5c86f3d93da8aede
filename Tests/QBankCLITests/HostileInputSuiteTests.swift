import Foundation
import QBankCore
import Testing
import TestSupport

/// Every command that reads a file, fed hostile bytes in each file it reads: it must end on its own, within a
/// minute, with exit 0, 1 or 2 (never a signal or 3), never say "Fatal error", and explain an exit 2 on stderr.
struct HostileInputSuiteTests {
    /// One file a command reads: where it lies in the fixture, what it holds when valid, and how the command is run.
    struct Role: CustomStringConvertible, Sendable {
        var name: String
        var file: String
        var arguments: [String]
        var base: @Sendable () -> [UInt8]
        var description: String { name }
    }

    static let sampleBank = Fixtures.repositoryRoot.appendingPathComponent("Banks/mla-c01").path
    static let forms = Fixtures.repositoryRoot.appendingPathComponent("Reports/mla-c01/forms")

    static func bytes(_ path: String) -> [UInt8] { FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? [] }
    static func corpus(_ relative: String) -> [UInt8] {
        Fixtures.sharedFolder.map { bytes($0.appendingPathComponent("corpus/\(relative)").path) } ?? []
    }
    static let itemsXML = Array(CLI.itemsFile([(id: "hostile-1", comments: ""), (id: "hostile-2", comments: "")]).utf8)
    static let itemsJSON = bytes(sampleBank + "/d1-data-preparation/1.2-transform-and-engineer.json")
    static let blueprint = bytes(sampleBank + "/blueprint.json")
    static let key = bytes(forms.appendingPathComponent("form-1.key.json").path)
    static let form = bytes(forms.appendingPathComponent("form-1.form.json").path)
    static let responses = Array("{\"form\": \"form-1\", \"responses\": {\"mla-4.1-008\": \"b\", \"mla-1.3-017\": [\"a\", \"b\"]}}".utf8)

    static let roles: [Role] = [
        Role(name: "lint items.xml", file: "bank/items.xml", arguments: ["lint", "bank"]) { itemsXML },
        Role(name: "lint items.json", file: "bank/items.json", arguments: ["lint", "bank", "--format", "sarif"]) { itemsJSON },
        Role(name: "lint blueprint", file: "bank/blueprint.json", arguments: ["lint", "bank"]) { blueprint },
        Role(name: "lint --config", file: "qbank.json", arguments: ["lint", "bank", "--config", "qbank.json"]) {
            Array("{\"rules\": {\"QB304\": {\"options\": {\"ratio\": 1.5}}}, \"overrides\": [{\"files\": [\"**/*.xml\"], \"ignore\": [\"QB110\"]}]}".utf8)
        },
        Role(name: "lint --baseline", file: "baseline.json", arguments: ["lint", "bank", "--baseline", "baseline.json"]) {
            Array("{\"version\": 1, \"findings\": [{\"count\": 2, \"fingerprint\": \"0123456789abcdef\", \"item\": \"hostile-1\", \"rule\": \"QB110\"}]}".utf8)
        },
        Role(name: "balance blueprint", file: "bank/blueprint.json", arguments: ["balance", "bank", "--format", "json"]) { blueprint },
        Role(name: "balance items", file: "bank/items.xml", arguments: ["balance", "bank"]) { itemsXML },
        Role(name: "assemble blueprint", file: "bank/blueprint.json", arguments: ["assemble", "bank", "--out", "forms-out", "--time-limit", "20"]) { blueprint },
        Role(name: "score --key", file: "form.key.json", arguments: ["score", "--key", "form.key.json", "responses.json"]) { key },
        Role(name: "score responses", file: "responses.json", arguments: ["score", "--key", "form.key.json", "responses.json"]) { responses },
        Role(name: "score --blueprint", file: "bank/blueprint.json",
             arguments: ["score", "--key", "form.key.json", "responses.json", "--blueprint", "bank/blueprint.json"]) { blueprint },
        Role(name: "report items", file: "bank/items.xml", arguments: ["report", "bank", "--out", "report-out"]) { itemsXML },
        Role(name: "report --forms", file: "forms/form-1.form.json", arguments: ["report", sampleBank, "--out", "report-out", "--forms", "forms"]) { form },
        Role(name: "preview file", file: "bank/items.xml", arguments: ["preview", "bank/items.xml", "--out", "preview.html"]) { itemsXML },
        Role(name: "preview --bank", file: "bank/items.json", arguments: ["preview", "hostile-1", "--bank", "bank", "--out", "preview.html"]) { itemsJSON },
        Role(name: "new --bank", file: "bank/items.xml", arguments: ["new", "--type", "single", "--domain", "1", "--task", "1.1", "--bank", "bank"]) { itemsXML },
        Role(name: "fmt", file: "bank/items.xml", arguments: ["fmt", "bank"]) { itemsXML },
        Role(name: "fmt --check json", file: "bank/items.json", arguments: ["fmt", "--check", "bank"]) { itemsJSON },
        Role(name: "convert xml", file: "bank/items.xml", arguments: ["convert", "bank/items.xml", "--to", "json", "--output", "converted.json"]) { itemsXML },
        Role(name: "convert json", file: "bank/items.json", arguments: ["convert", "bank/items.json", "--to", "xml", "--output", "converted.xml"]) { itemsJSON },
        Role(name: "export qti3", file: "bank/items.xml", arguments: ["export", "bank", "--to", "qti3", "--out", "export.zip"]) { itemsXML },
        Role(name: "export moodle", file: "bank/items.json", arguments: ["export", "bank", "--to", "moodle", "--out", "export.xml"]) { itemsJSON },
        Role(name: "export form key", file: "form.key.json", arguments: ["export", "form.key.json", "--bank", sampleBank, "--to", "qti21", "--out", "form.zip"]) { key },
        Role(name: "export form html", file: "form.form.json", arguments: ["export", "form.key.json", "--to", "html", "--out", "form.html"]) { form },
        Role(name: "import into bank", file: "bank/items.xml", arguments: ["import", "source.gift", "--into", "bank"]) { itemsXML },
        Role(name: "import --map", file: "map.json", arguments: ["import", "source.gift", "--into", "dest", "--map", "map.json"]) {
            Array("{\"categories\": {\"Cloud\": \"1.1\", \"Billing\": {\"domain\": 4}}, \"csv\": {\"columns\": [\"stem\", \"a\", \"b\"]}}".utf8)
        },
        Role(name: "import gift", file: "source.gift", arguments: ["import", "source.gift", "--into", "dest", "--domain", "1"]) {
            corpus("formats/gift/moodle_qformat_gift_questions.gift.txt")
        },
        Role(name: "import aiken", file: "source.txt", arguments: ["import", "source.txt", "--from", "aiken", "--into", "dest"]) {
            corpus("formats/aiken/moodle_qformat_aiken_questions.aiken.txt")
        },
        Role(name: "import moodle", file: "source.xml", arguments: ["import", "source.xml", "--from", "moodle", "--into", "dest"]) {
            corpus("formats/moodle/moodle_qtype_match_testquestion.moodle.xml")
        },
        Role(name: "import qti item", file: "source.xml", arguments: ["import", "source.xml", "--from", "qti", "--into", "dest"]) {
            corpus("banks/canvas-qti-fixtures/canvas_multiple_choice_html.xml")
        },
        Role(name: "import qti package", file: "source.zip", arguments: ["import", "source.zip", "--into", "dest"]) { qtiPackage },
        Role(name: "import csv", file: "source.csv", arguments: ["import", "source.csv", "--into", "dest"]) {
            corpus("banks/mmlu-csv/machine_learning_dev.csv")
        },
        Role(name: "import markdown", file: "source.md", arguments: ["import", "source.md", "--into", "dest"]) {
            Array("# Quiz\n\n1. Which service stores objects?\n   - [x] Amazon S3\n   - [ ] Amazon EBS\n   - [ ] Amazon EFS\n".utf8)
        },
        Role(name: "import json bank", file: "source.json", arguments: ["import", "source.json", "--into", "dest"]) { itemsJSON },
        Role(name: "analyze --key", file: "form.key.json", arguments: ["analyze", "--key", "form.key.json", "--responses", "form.csv"]) { key },
        Role(name: "analyze --responses", file: "form.csv", arguments: ["analyze", "--key", "form.key.json", "--responses", "form.csv"]) { responsesCSV },
        Role(name: "calibrate --responses", file: "form.csv", arguments: ["calibrate", "--key", "form.key.json", "--responses", "form.csv"]) { responsesCSV },
        Role(name: "calibrate --bank", file: "bank/items.json", arguments: ["calibrate", "--key", "form.key.json", "--responses", "form.csv", "--bank", "bank"]) { itemsJSON },
        Role(name: "simulate --key", file: "form.key.json", arguments: ["simulate", "--key", "form.key.json", "--bank", sampleBank, "--candidates", "50", "--out", "sim-out"]) { key },
        Role(name: "simulate --bank", file: "bank/items.json", arguments: ["simulate", "--whole-bank", "booklet", "--bank", "bank", "--candidates", "50", "--out", "sim-out"]) { itemsJSON },
        Role(name: "promote blueprint", file: "bank/blueprint.json", arguments: ["promote", "bank"]) { blueprint },
        Role(name: "promote items", file: "bank/items.json", arguments: ["promote", "bank"]) { itemsJSON },
        Role(name: "angoff ratings", file: "ratings.csv", arguments: ["angoff", "ratings.csv", "--update-bank", "bank"]) { ratingsCSV },
        Role(name: "angoff --update-bank", file: "bank/items.json", arguments: ["angoff", "ratings.csv", "--update-bank", "bank"]) { itemsJSON },
    ]

    /// Two raters' modified-Angoff ratings of an item of the fixture's bank.
    static let ratingsCSV = Array("item,rater,rating\nhostile-1,r1,0.6\nhostile-1,r2,0.7\n".utf8)

    /// Simulated responses to the committed form 1 (200 candidates), written once by the qbank under test.
    static let responsesCSV: [UInt8] = {
        guard let folder = try? CLI.temporaryFolder() else { return [] }
        _ = try? CLI.run(["simulate", "--key", forms.appendingPathComponent("form-1.key.json").path, "--bank", sampleBank,
                          "--candidates", "200", "--seed", "3", "--out", folder.path])
        return bytes(folder.appendingPathComponent("form-1.csv").path)
    }()

    /// A QTI 3 package of the sample bank, exported once by the qbank under test.
    static let qtiPackage: [UInt8] = {
        guard let folder = try? CLI.temporaryFolder() else { return [] }
        let out = folder.appendingPathComponent("bank.zip").path
        _ = try? CLI.run(["export", sampleBank + "/d1-data-preparation", "--to", "qti3", "--out", out])
        return bytes(out)
    }()

    /// Ways to spoil a file, from its valid bytes.
    static let spoilers: [(name: String, spoil: @Sendable ([UInt8]) -> [UInt8])] = [
        ("empty", { _ in [] }),
        ("truncated", { Array($0.prefix($0.count / 2)) }),
        ("binary", { _ in
            var random = SeededRandom(seed: 12)
            return (0..<4096).map { _ in UInt8.random(in: 0...255, using: &random) }
        }),
        ("invalid UTF-8 and NUL", { [0xFF, 0xFE, 0x00, 0xC3, 0x28] + $0 }),
        ("Int.max", { replacingNumbers($0, with: "9223372036854775807") }),
        ("1e308", { replacingNumbers($0, with: "1e308") }),
        ("huge numbers", { replacingNumbers($0, with: "92233720368547758079") }),
        ("float overflow", { replacingNumbers($0, with: "1e999") }),
        ("negative numbers", { replacingNumbers($0, with: "-9223372036854775808") }),
        ("control characters", { bytes in bytes.flatMap { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: ">") ? [$0, 0x01, 0x1B] : [$0] } }),
        ("escaped control characters", { bytes in
            Array(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: ": \"", with: ": \"\\u0001\\uFFFF").utf8)
        }),
        ("deep JSON", { _ in Array(repeating: UInt8(ascii: "["), count: 100_000) }),
        ("deep XML", { _ in Array(String(repeating: "<a>", count: 100_000).utf8) }),
        ("two-megabyte line", { $0 + Array(repeating: UInt8(ascii: "a"), count: 2 << 20) }),
        ("doubled", { $0 + $0 }),
        ("external entity", { _ in
            Array("<?xml version=\"1.0\"?><!DOCTYPE bank [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><bank xmlns=\"urn:qbank:bank:1\">&x;</bank>".utf8)
        }),
        ("billion laughs", { _ in
            var text = "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY l0 \"lol\">"
            for level in 1...9 { text += "<!ENTITY l\(level) \"" + String(repeating: "&l\(level - 1);", count: 10) + "\">" }
            return Array((text + "]><l>&l9;</l>").utf8)
        }),
    ]

    static func replacingNumbers(_ bytes: [UInt8], with number: String) -> [UInt8] {
        var out: [UInt8] = [], inNumber = false
        for byte in bytes {
            let digit = (0x30...0x39).contains(byte)
            if digit, !inNumber { out += Array(number.utf8) }
            if !digit { out.append(byte) }
            inNumber = digit
        }
        return out
    }

    /// The fixture every role starts from: a two-item bank under the sample blueprint, a form's key, form and
    /// responses, an import source, all valid.
    static func fixture() throws -> URL {
        let folder = try CLI.bank(["items.xml": String(decoding: itemsXML, as: UTF8.self)])
        let root = folder.deletingLastPathComponent().appendingPathComponent("hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: folder, to: root.appendingPathComponent("bank"))
        try FileManager.default.createDirectory(at: root.appendingPathComponent("forms"), withIntermediateDirectories: true)
        let files: [String: [UInt8]] = [
            "form.key.json": key, "form.form.json": form, "forms/form-1.form.json": form, "responses.json": responses,
            "form.csv": responsesCSV, "ratings.csv": ratingsCSV,
            "source.gift": Array("::Q1:: Which service stores objects? {=Amazon S3 ~Amazon EBS ~Amazon EFS}\n".utf8),
        ]
        for (name, content) in files { try Data(content).write(to: root.appendingPathComponent(name)) }
        return root
    }

    static let cases: [(Int, Int)] = roles.indices.flatMap { role in spoilers.indices.map { (role, $0) } }

    @Test(arguments: cases)
    func hostileFileIsRefusedCleanly(_ role: Int, _ spoiler: Int) throws {
        let role = Self.roles[role], spoiler = Self.spoilers[spoiler]
        let base = role.base()
        let root = try Self.fixture()
        try Data(spoiler.spoil(base)).write(to: root.appendingPathComponent(role.file))
        let result = try CLI.run(role.arguments, in: root, timeout: 60)
        let label = "\(role.name), \(spoiler.name)"
        #expect(!result.timedOut, "\(label): still running after 60 s")
        #expect(!result.signalled, "\(label): killed by a signal\n\(result.stderr.prefix(2000))")
        #expect((0...2).contains(result.status), "\(label): exit \(result.status)\n\(result.stderr.prefix(2000))")
        #expect(!result.stderr.contains("Fatal error"), "\(label)\n\(result.stderr.prefix(2000))")
        if result.status == 2 { #expect(!(result.stderr + result.stdout).isEmpty, "\(label): exit 2 without a word") }
    }

    /// The valid files the roles start from were made: a spoiled empty file would test nothing.
    @Test func theValidBasesExist() {
        for role in Self.roles { #expect(!role.base().isEmpty, "\(role.name): no valid bytes to spoil") }
    }

    /// A folder where a file is expected is refused with a message, never read as empty.
    @Test(arguments: roles.indices)
    func aFolderInPlaceOfAFileIsRefusedCleanly(_ role: Int) throws {
        let role = Self.roles[role]
        let root = try Self.fixture()
        let path = root.appendingPathComponent(role.file)
        try? FileManager.default.removeItem(at: path)
        try FileManager.default.createDirectory(at: path, withIntermediateDirectories: true)
        let result = try CLI.run(role.arguments, in: root, timeout: 60)
        #expect(!result.timedOut && !result.signalled && (0...2).contains(result.status), "\(role.name): exit \(result.status)\n\(result.stderr)")
    }
}

import Foundation
import QBankFiles
import Testing
import TestSupport

/// `Schemas/qbank-config.schema.json` and the config reader accept and refuse the same files
/// (where a schema can judge: rule names that do not exist are only the reader's to refuse).
struct ConfigSchemaAgreementTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/config")

    static func files(_ folder: String) -> [URL] {
        let dir = fixtures.appendingPathComponent(folder)
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted().map { dir.appendingPathComponent($0) }
    }

    func swiftAccepts(_ url: URL) -> Bool {
        (try? ConfigLoader.parse([UInt8](try! Data(contentsOf: url)), path: url.path, baseDirectory: "/", workingDirectory: "/")) != nil
    }

    @Test func readerAgreesWithItsFixtures() {
        #expect(Self.files("valid").count >= 2 && Self.files("invalid").count >= 5)
        for url in Self.files("valid") { #expect(swiftAccepts(url), "\(url.lastPathComponent)") }
        for url in Self.files("invalid") { #expect(!swiftAccepts(url), "\(url.lastPathComponent)") }
    }

    @Test func schemaAgreesWithTheReader() throws {
        let files = Self.files("valid") + Self.files("invalid")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Fixtures.repositoryRoot.appendingPathComponent("Tests/QBankJSONTests/Scripts/schema_agreement.py").path,
                             Fixtures.repositoryRoot.appendingPathComponent("Schemas/qbank-config.schema.json").path] + files.map(\.path)
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = Pipe()
        do { try process.run() } catch { print("skipping: python3 not found"); return }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus == 77 || process.terminationStatus == 127 { print("skipping: jsonschema missing"); return }
        var verdicts: [String: Bool] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let fields = line.split(separator: "\t")
            if fields.count >= 2 { verdicts[String(fields[1])] = fields[0] == "ACCEPT" }
        }
        for url in files { #expect(verdicts[url.path] == swiftAccepts(url), "\(url.lastPathComponent): schema \(String(describing: verdicts[url.path]))") }
    }
}

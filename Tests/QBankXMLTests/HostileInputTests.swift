import Foundation
import QBankCore
import QBankXML
import Testing

/// Hostile or broken input must end quickly with one clear QB001, never crash, and
/// never leak the content of anything it refers to.
@Suite struct HostileInputTests {
    private func expectRefused(_ source: String, message: String, at position: String? = nil,
                               sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        expectRefused(Array(source.utf8), message: message, at: position, sourceLocation: sourceLocation)
    }

    private func expectRefused(_ bytes: [UInt8], message: String, at position: String? = nil,
                               sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let clock = ContinuousClock()
        var result: ReadResult?
        let elapsed = clock.measure { result = XMLBankReader().read(bytes, path: "hostile.xml") }
        #expect(elapsed < .seconds(10), sourceLocation: sourceLocation)
        #expect(result?.file == nil, sourceLocation: sourceLocation)
        #expect(result?.diagnostics.count == 1, sourceLocation: sourceLocation)
        let diagnostic = result?.diagnostics.first
        #expect(diagnostic?.ruleID == "QB001", sourceLocation: sourceLocation)
        #expect(diagnostic?.message.contains(message) == true, "\(diagnostic?.message ?? "none")", sourceLocation: sourceLocation)
        if let position {
            #expect(diagnostic.map { "\($0.location.line):\($0.location.column)" } == position, sourceLocation: sourceLocation)
        }
    }

    static let doctypeMessage = "DOCTYPE declarations are not allowed in bank files; remove it"

    @Test func emptyFile() {
        expectRefused([], message: "file is empty", at: "1:1")
        expectRefused([0xEF, 0xBB, 0xBF], message: "file is empty", at: "1:1")
        expectRefused("  \n", message: "file is empty")
    }

    @Test func invalidUTF8() {
        let bytes = Array("<bank xmlns=\"urn:qbank:bank:1\">\n<item id=\"".utf8) + [0xFF, 0xFE, 0x41] + Array("\"/></bank>".utf8)
        expectRefused(bytes, message: "not valid UTF-8", at: "2:11")
    }

    @Test func deepNesting() {
        let depth = 10_000
        let source = "<bank xmlns=\"urn:qbank:bank:1\">" + String(repeating: "<a>", count: depth)
            + String(repeating: "</a>", count: depth) + "</bank>"
        expectRefused(source, message: "nested too deeply")
    }

    @Test func billionLaughs() {
        var source = "<?xml version=\"1.0\"?>\n<!DOCTYPE bank [\n  <!ENTITY lol \"lol\">\n"
        source += "  <!ENTITY lol1 \"" + String(repeating: "&lol;", count: 10) + "\">\n"
        for level in 2...9 {
            source += "  <!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">\n"
        }
        source += "]>\n<bank xmlns=\"urn:qbank:bank:1\"><item id=\"&lol9;\"/></bank>\n"
        expectRefused(source, message: Self.doctypeMessage, at: "2:1")
    }

    @Test func externalEntityToALocalFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qbank-xxe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let secret = "TOP-SECRET-\(UUID().uuidString)"
        let secretFile = directory.appendingPathComponent("secret.txt")
        try secret.write(to: secretFile, atomically: true, encoding: .utf8)

        let sources = [
            "<!DOCTYPE bank [<!ENTITY xxe SYSTEM \"\(secretFile.absoluteString)\">]>\n<bank xmlns=\"urn:qbank:bank:1\"><case id=\"c\"><scenario>&xxe;</scenario></case></bank>",
            "<!DOCTYPE bank SYSTEM \"\(secretFile.absoluteString)\">\n<bank xmlns=\"urn:qbank:bank:1\"/>",
            "<bank xmlns=\"urn:qbank:bank:1\" xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include href=\"\(secretFile.path)\" parse=\"text\"/></bank>",
        ]
        for (index, source) in sources.enumerated() {
            let result = XMLBankReader().read(Array(source.utf8), path: "xxe.xml")
            let everything = "\(result.diagnostics)" + (result.file.map { XMLBankWriter().write($0) } ?? "")
            #expect(!everything.contains(secret), "source \(index) leaked the secret")
            if index < 2 {
                #expect(result.file == nil)
                #expect(result.diagnostics.map(\.message) == [Self.doctypeMessage])
                #expect(result.diagnostics.map(\.short) == ["QB001 1:1"])
            } else {
                // XInclude is never processed: the element is just not part of the schema.
                #expect(result.diagnostics.map(\.ruleID) == ["QB002"])
            }
        }
    }

    @Test(.timeLimit(.minutes(1))) func networkDTDDoesNotHang() {
        expectRefused("<?xml version=\"1.0\"?>\n<!DOCTYPE bank SYSTEM \"http://example.com/x.dtd\">\n<bank xmlns=\"urn:qbank:bank:1\"/>",
                      message: Self.doctypeMessage, at: "2:1")
        expectRefused("<!DOCTYPE bank PUBLIC \"-//X//Y\" \"http://example.com/x.dtd\"><bank/>",
                      message: Self.doctypeMessage, at: "1:1")
    }

    @Test func controlCharacter() {
        expectRefused("<bank xmlns=\"urn:qbank:bank:1\">\u{1}</bank>", message: "character")
    }

    @Test func largeGeneratedFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qbank-big-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("big.xml")
        let count = BigBank.write(approximateBytes: 50_000_000, to: file)
        let bytes = [UInt8](try Data(contentsOf: file))
        #expect(bytes.count > 45_000_000)
        let result = XMLBankReader().read(bytes, path: "big.xml")
        #expect(result.diagnostics.isEmpty)
        #expect(result.file?.items.count == count)
        #expect(result.file?.items.last?.origin.location?.line == 2 + (count - 1) * BigBank.linesPerItem + 1)
    }
}

/// Generates a large valid bank of single-answer items with rationales.
enum BigBank {
    static let linesPerItem = 23

    static func item(_ index: Int) -> String {
        let filler = "The company stores data in Amazon S3 and needs a solution with the least operational overhead."
        var text = "  <item id=\"gen-\(index)\" type=\"single\" domain=\"\(index % 4 + 1)\" task=\"\(index % 4 + 1).1\" status=\"operational\">\n"
        text += "    <stem>Item \(index). \(filler) Which solution meets these requirements?</stem>\n    <options>\n"
        for option in ["a", "b", "c", "d"] {
            text += "      <option id=\"\(option)\"\(option == "a" ? " correct=\"true\"" : "")>\n"
            text += "        <text>Option \(option) for item \(index): use a managed service.</text>\n"
            text += "        <rationale>\(option == "a" ? "Correct" : "Incorrect"). \(filler)</rationale>\n      </option>\n"
        }
        text += "    </options>\n    <tags><tag>s3</tag></tags>\n    <stats pValue=\"0.5\" responses=\"100\"/>\n  </item>\n"
        return text
    }

    /// Writes the file and returns how many items it holds.
    static func write(approximateBytes: Int, to url: URL) -> Int {
        var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<bank xmlns=\"urn:qbank:bank:1\">\n"
        var count = 0
        while text.utf8.count < approximateBytes {
            text += item(count)
            count += 1
        }
        text += "</bank>\n"
        _ = FileManager.default.createFile(atPath: url.path, contents: Data(text.utf8))
        return count
    }
}

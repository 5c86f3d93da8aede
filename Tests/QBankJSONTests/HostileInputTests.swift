import Foundation
import QBankCore
import QBankJSON
import Testing

/// Broken and hostile JSON ends in one clear QB001 at a position, never a crash or a hang.
struct JSONHostileInputTests {
    func refused(_ bytes: [UInt8], mentioning words: String) {
        let result = JSONBankReader().read(bytes, path: "hostile.json")
        #expect(result.isUnreadable)
        let finding = result.diagnostics.first
        #expect(finding?.ruleID == "QB001")
        #expect(finding?.message.lowercased().contains(words) == true, "\(finding?.message ?? "no finding")")
    }

    @Test func emptyFile() { refused([], mentioning: "empty") }

    @Test func invalidUTF8() {
        refused(Array("{\"format\": \"".utf8) + [0xC3, 0x28] + Array("\"}".utf8), mentioning: "utf-8")
    }

    @Test func tenThousandDeepNesting() {
        refused(Array(String(repeating: "[", count: 10_000).utf8), mentioning: "nesting")
    }

    @Test func byteOrderMarkIsAccepted() {
        let result = JSONBankReader().read([0xEF, 0xBB, 0xBF] + Array("{\"format\": \"urn:qbank:bank:1\"}".utf8), path: "bom.json")
        #expect(result.diagnostics.isEmpty)
        #expect(result.file != nil)
    }

    @Test func fiftyMegabyteFile() {
        let item = """
            {"id": "gen-ID", "type": "single", "domain": 1, "task": "1.1", "status": "operational",
             "stem": "A company stores data in Amazon S3 and needs the least operational overhead. Which solution meets these requirements?",
             "options": [
               {"id": "a", "text": "Use a managed service for stage one", "correct": true, "rationale": "Correct. It is managed and meets the need."},
               {"id": "b", "text": "Use a custom service for stage two", "rationale": "Incorrect. It adds operational overhead."},
               {"id": "c", "text": "Run a script on a schedule for stage three", "rationale": "Incorrect. It adds operational overhead."},
               {"id": "d", "text": "Copy the data by hand for stage four", "rationale": "Incorrect. It does not scale."}]}
            """
        var text = "{\"format\": \"urn:qbank:bank:1\", \"items\": [\n"
        var count = 0
        while text.utf8.count < 50_000_000 {
            if count > 0 { text += ",\n" }
            text += item.replacingOccurrences(of: "ID", with: String(count))
            count += 1
        }
        text += "]}\n"
        let result = JSONBankReader().read(Array(text.utf8), path: "big.json")
        #expect(result.diagnostics.isEmpty)
        #expect(result.file?.items.count == count)
    }
}

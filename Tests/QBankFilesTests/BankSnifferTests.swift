import Foundation
import Testing
@testable import QBankFiles

/// A JSON bank file may name its format anywhere: past the head the sniffer reads first, it reads the whole file.
struct BankSnifferTests {
    @Test func formatPastTheHeadIsStillFound() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sniffer-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let padding = String(repeating: " ", count: BankSniffer.xmlHeadLength + 10)
        let late = folder.appendingPathComponent("late.json"), other = folder.appendingPathComponent("other.json")
        try Data("{\"items\": []\(padding), \"format\": \"urn:qbank:bank:1\"}".utf8).write(to: late)
        try Data("{\"items\": []\(padding), \"format\": \"something else\"}".utf8).write(to: other)
        #expect(BankSniffer.declaresBank(late.path))
        #expect(!BankSniffer.declaresBank(other.path))
        let early = folder.appendingPathComponent("early.json")
        try Data("{\"format\": \"urn:qbank:bank:1\", \"items\": []}".utf8).write(to: early)
        #expect(BankSniffer.declaresBank(early.path))
    }
}

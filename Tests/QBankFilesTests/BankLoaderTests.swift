import Foundation
import QBankCore
import QBankFiles
import Testing
import TestSupport

struct BankLoaderTests {
    /// root/blueprint.json, root/a.xml, root/sub/b.json, root/.hidden/c.xml, other/d.json (no blueprint).
    func tree() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("qbank-files-\(UUID().uuidString)")
        for folder in ["bank/sub", "bank/.hidden", "other"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try FileManager.default.copyItem(
            at: Fixtures.repositoryRoot.appendingPathComponent("Banks/mla-c01/blueprint.json"),
            to: root.appendingPathComponent("bank/blueprint.json"))
        let xml = "<bank xmlns=\"urn:qbank:bank:1\"/>\n", json = "{\"format\": \"urn:qbank:bank:1\"}\n"
        for (path, text) in [("bank/a.xml", xml), ("bank/sub/b.json", json), ("bank/.hidden/c.xml", xml),
                             ("bank/notes.md", "# notes"), ("other/d.json", json)] {
            try text.write(to: root.appendingPathComponent(path), atomically: true, encoding: .utf8)
        }
        return root
    }

    @Test func discoveryFindsBankFilesRecursivelyAndSkipsTheRest() throws {
        let root = try tree()
        let files = try FileDiscovery.bankFiles(in: [root.appendingPathComponent("bank").path])
        #expect(files.map { ($0 as NSString).lastPathComponent } == ["a.xml", "b.json"])
    }

    /// #16's walk with #12's rules: a link out of the named folder, a link loop and a FIFO are skipped as notable
    /// (told on stderr without --verbose); a link inside is followed, and the file it reaches is read once.
    @Test func theWalkFollowsOnlyLinksInsideAndReadsRegularFilesOnce() throws {
        let root = try tree()
        let bank = root.appendingPathComponent("bank")
        let manager = FileManager.default
        try manager.createSymbolicLink(atPath: bank.appendingPathComponent("leak.json").path, withDestinationPath: root.appendingPathComponent("other/d.json").path)
        try manager.createSymbolicLink(atPath: bank.appendingPathComponent("sub/loop").path, withDestinationPath: bank.path)
        try manager.createSymbolicLink(atPath: bank.appendingPathComponent("z-again.xml").path, withDestinationPath: "a.xml")
        #expect(mkfifo(bank.appendingPathComponent("pipe.xml").path, 0o600) == 0)
        let found = try FileDiscovery.discover([bank.path])
        #expect(found.files.map { ($0 as NSString).lastPathComponent } == ["a.xml", "b.json"])
        let notable = found.skipped.filter(\.notable).map { ($0.path as NSString).lastPathComponent }
        #expect(Set(notable) == ["leak.json", "loop", "pipe.xml"], "\(found.skipped)")
        #expect(throws: FilesError.self) { try FileDiscovery.discover([bank.appendingPathComponent("pipe.xml").path]) }
    }

    @Test func missingPathIsAnError() {
        #expect(throws: FilesError.notFound("no/such/path")) { try FileDiscovery.bankFiles(in: ["no/such/path"]) }
    }

    @Test func filesAreGroupedByTheirBlueprint() throws {
        let root = try tree()
        let banks = try BankLoader().load([root.appendingPathComponent("bank").path, root.appendingPathComponent("other").path])
        #expect(banks.count == 2)
        #expect(banks[0].bank.blueprint?.exam == "MLA-C01")
        #expect(banks[0].filePaths.count == 2)
        #expect(banks[1].bank.blueprint == nil)
        #expect(banks.allSatisfy { !$0.hasUnreadableInput })
    }

    @Test func unreadableFilesAreFlaggedNotDropped() throws {
        let root = try tree()
        try "<bank xmlns=\"urn:qbank:bank:1\"><item".write(to: root.appendingPathComponent("bank/broken.xml"), atomically: true, encoding: .utf8)
        let banks = try BankLoader().load([root.appendingPathComponent("bank").path])
        #expect(banks[0].hasUnreadableInput)
        #expect(banks[0].filePaths.contains { $0.hasSuffix("broken.xml") })
        #expect(banks[0].readDiagnostics.contains { $0.ruleID == "QB001" && $0.location.file.hasSuffix("broken.xml") })
    }

    @Test func atomicWriteReplacesWholeAndLeavesNoTemporaryFile() throws {
        let root = try tree()
        let target = root.appendingPathComponent("out.txt")
        try AtomicFile.write("first", to: target.path)
        try AtomicFile.write("second", to: target.path)
        #expect(try String(contentsOf: target, encoding: .utf8) == "second")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).allSatisfy { !$0.hasSuffix(".tmp") })
        #expect(throws: FilesError.self) { try AtomicFile.write("x", to: root.appendingPathComponent("no/such/dir/f").path) }
    }
}

import Foundation
import Testing
import TestSupport

/// `qbank lsp` driven by a real LSP client (pygls, from PyPI; `Scripts/setup.sh` installs
/// it pinned) on a copy of the sample bank: diagnostics, hover, definition, a quick fix
/// applied and the diagnostic gone, formatting.
@Suite struct LSPClientTests {
    static let script = Fixtures.repositoryRoot.appendingPathComponent("Tests/QBankCLITests/Scripts/lsp_client_session.py")

    /// True when `python3` can import pygls's client.
    static let clientAvailable: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import pygls.lsp.client, lsprotocol.types"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    @Test(.enabled(if: clientAvailable, "python3 with pygls and lsprotocol is not installed (Scripts/setup.sh installs them)"))
    func realClientSessionOnTheSampleBank() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bank = folder.appendingPathComponent("mla-c01")
        try FileManager.default.copyItem(at: Fixtures.repositoryRoot.appendingPathComponent("Banks/mla-c01"), to: bank)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.script.path, CLI.executable.path, bank.path]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()

        #expect(process.terminationStatus == 0, "client session failed:\n\(output)")
        for step in ["diagnostic QB110", "hover on finding: **QB110", "hover on task: **Task 1.2", "definition of", "quick fix applied", "formatted:", "PASS"] {
            #expect(output.contains(step), "missing step '\(step)' in:\n\(output)")
        }
    }
}

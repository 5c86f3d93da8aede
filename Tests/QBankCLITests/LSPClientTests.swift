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
        let bank = try Self.copySampleBank(into: folder)
        let (status, output) = try Self.run("/usr/bin/env", ["python3", Self.script.path, CLI.executable.path, bank.path])
        #expect(status == 0, "client session failed:\n\(output)")
        for step in ["diagnostic QB110", "hover on finding: **QB110", "hover on task: **Task 1.2", "definition of", "quick fix applied", "formatted:", "PASS"] {
            #expect(output.contains(step), "missing step '\(step)' in:\n\(output)")
        }
    }

    static let nvimAvailable = FileManager.default.isExecutableFile(atPath: "/usr/bin/nvim")

    /// The same server under Debian's Neovim (headless, its built-in client): diagnostics and hover.
    @Test(.enabled(if: nvimAvailable, "Neovim is not installed at /usr/bin/nvim (Scripts/setup.sh installs it)"))
    func neovimSessionOnTheSampleBank() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bank = try Self.copySampleBank(into: folder)
        // The flaw: an item without a reference (QB110).
        let file = bank.appendingPathComponent("d1-data-preparation/1.1-ingest-and-store.xml")
        let text = try String(contentsOf: file, encoding: .utf8)
        let start = try #require(text.range(of: "<references>"))
        let end = try #require(text.range(of: "</references>", range: start.upperBound..<text.endIndex))
        try text.replacingCharacters(in: start.lowerBound..<end.upperBound, with: "").write(to: file, atomically: true, encoding: .utf8)

        let script = Self.script.deletingLastPathComponent().appendingPathComponent("nvim_session.lua").path
        let (_, output) = try Self.run("/usr/bin/nvim", ["--headless", "-u", "NONE", "-i", "NONE", "-c", "luafile \(script)"],
                                       environment: ["QBANK": CLI.executable.path, "BANK_FILE": file.path, "HOME": folder.path, "PATH": "/usr/bin:/bin"])
        #expect(output.contains("PASS"), "Neovim session failed:\n\(output)")
        #expect(output.contains("lacks a reference"), "no QB110 diagnostic in:\n\(output)")
        #expect(output.contains("hover **QB110 missing-rationale-or-reference**"), "no hover in:\n\(output)")
    }

    /// A copy of the sample bank, so sessions may edit it.
    static func copySampleBank(into folder: URL) throws -> URL {
        let bank = folder.appendingPathComponent("mla-c01")
        try FileManager.default.copyItem(at: Fixtures.repositoryRoot.appendingPathComponent("Banks/mla-c01"), to: bank)
        return bank
    }

    /// Runs a client to the end; its stdout and stderr together.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    /// The built server on a hostile stream: every bad frame or body gets a JSON-RPC error, then a
    /// normal session still ends with exit 0.
    @Test func malformedInputIsAnsweredNotFatal() throws {
        func frame(_ body: String) -> String { "Content-Length: \(body.utf8.count)\r\n\r\n\(body)" }
        let input = "garbage\r\n" + "Content-Length: nope\r\n\r\n" + frame("{not json") + frame("[]")
            + frame(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}"#)
            + frame(#"{"jsonrpc":"2.0","id":2,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///nowhere/x.xml"}}}"#)
            + frame(#"{"jsonrpc":"2.0","id":3,"method":"shutdown"}"#) + frame(#"{"jsonrpc":"2.0","method":"exit"}"#)
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = ["lsp"]
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let output = String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(output.components(separatedBy: "\"code\":-32700").count - 1 == 3, "\(output)")
        #expect(output.contains(#""id":null,"error":{"code":-32600"#), "\(output)")
        #expect(output.contains(#""id":2,"error":{"code":-32602"#), "\(output)")
        #expect(output.contains(#""id":3,"result":null"#), "\(output)")
    }
}

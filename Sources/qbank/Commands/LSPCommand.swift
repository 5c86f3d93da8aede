import ArgumentParser
import Foundation
import QBankLSP
import QBankServer

struct LSPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Run the language server (LSP 3.17 over stdin/stdout) for editors: findings as you type, hover, completion, quick fixes, formatting.",
        discussion: """
            Started by the editor, not by hand; see the README's "Editors" section for Neovim, VS Code, Helix and Emacs. \
            Exit status: 0 after the client's shutdown and exit, 1 when the input ends without them.
            """
    )

    @Flag(help: "Accepted for editors that pass it (vscode-languageclient does); stdio is the only transport.")
    var stdio = false

    func run() throws {
        signal(SIGPIPE, SIG_IGN)
        let output = FileHandle.standardOutput
        // A client gone away is the end of the session, not a crash: the write error is dropped.
        let sink = MessageSink { bytes in try? output.write(contentsOf: Data(bytes)) }
        let server = QBankLanguageServer(version: Version.text, sink: sink)
        let loop = LanguageServerLoop(handler: server, sink: sink)
        server.hasPendingInput = { loop.hasPendingInput }
        let input = FileHandle.standardInput
        let reader = FrameReader { let data = input.availableData; return data.isEmpty ? nil : [UInt8](data) }
        throw ExitCode(loop.run(reading: reader))
    }
}

import Foundation
import QBankCore
import QBankJSON
import QBankLSP
import QBankServer
import QBankXML

/// `qbank-bench lsp [ITEMS] [--per-file N] [--edits N]`: the language server in process,
/// fed keystrokes through its JSON-RPC loop. A keystroke changes one character of an
/// item's task (so the item's findings change and are republished). Reports the time
/// from receiving the change to the edited file's item findings being sent, and to the
/// whole bank's findings being done; then the resident memory over a long session.
enum LSPBenchmark {
    static func run(_ arguments: [String], blueprint: String) {
        let items = arguments.first.flatMap(Int.init) ?? 1_000
        let perFile = option("--per-file", in: arguments) ?? 100
        let edits = option("--edits", in: arguments) ?? 10_000
        let folder = URL(fileURLWithPath: NSTemporaryDirectory() + "qbank-bench-lsp-\(getpid())")
        defer { try? FileManager.default.removeItem(at: folder) }
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? FileManager.default.copyItem(atPath: blueprint, toPath: folder.appendingPathComponent("blueprint.json").path)
        let files = BankGenerator(seed: 2026).files(items: items, perFile: perFile, prefix: "bank")
        for file in files {
            _ = FileManager.default.createFile(atPath: folder.appendingPathComponent("\(file.path).xml").path, contents: Data(XMLBankWriter().write(file).utf8))
        }
        let edited = folder.appendingPathComponent("bank-1.xml").path
        let text = (try? String(contentsOfFile: edited, encoding: .utf8)) ?? ""
        print("LSP: \(items)-item bank in \(files.count) XML files of \(perFile) items; keystrokes in bank-1.xml\n")

        let session = Session()
        session.send(["jsonrpc": "2.0", "id": 1, "method": "initialize", "params": ["capabilities": [String: Any]()]])
        session.send(["jsonrpc": "2.0", "method": "initialized", "params": [String: Any]()])
        let uri = DocumentURI.uri(of: edited)
        let opened = session.clock {
            session.send(["jsonrpc": "2.0", "method": "textDocument/didOpen",
                          "params": ["textDocument": ["uri": uri, "languageId": "xml", "version": 1, "text": text]]])
            session.server.idle()
        }
        print(String(format: "open (loads and lints the bank)      %8.1f ms", opened * 1e3))

        // The character after the first `task="1.` toggles between its value and 9 (not a task).
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let line = lines.firstIndex(where: { $0.contains("task=\"") }),
              let column = lines[line].utf16.indices.firstIndex(where: { lines[line].utf16[$0...].starts(with: "task=\"".utf16) }) else {
            print("qbank-bench: no task attribute in the generated bank"); return
        }
        let character = lines[line].utf16.distance(from: lines[line].utf16.startIndex, to: column) + 8
        let original = String(lines[line].utf16.dropFirst(character).prefix(1)) ?? "1"
        var version = 1
        func keystroke(_ index: Int) {
            version += 1
            session.send(["jsonrpc": "2.0", "method": "textDocument/didChange", "params": [
                "textDocument": ["uri": uri, "version": version],
                "contentChanges": [["range": ["start": ["line": line, "character": character], "end": ["line": line, "character": character + 1]],
                                    "text": index % 2 == 0 ? "9" : original]],
            ]])
        }

        var itemTimes: [Double] = [], bankTimes: [Double] = []
        for index in 0..<40 {
            session.published = nil
            let start = DispatchTime.now().uptimeNanoseconds
            keystroke(index)
            session.server.idle()
            let end = DispatchTime.now().uptimeNanoseconds
            guard let published = session.published else { print("qbank-bench: the edited file's findings were not republished"); return }
            itemTimes.append(Double(published - start) / 1e9)
            bankTimes.append(Double(end - start) / 1e9)
        }
        print(String(format: "keystroke → item findings published  median %6.1f ms  p90 %6.1f ms  (target ≤ 50 ms)", median(itemTimes) * 1e3, percentile(itemTimes, 0.9) * 1e3))
        print(String(format: "keystroke → bank findings done       median %6.1f ms  p90 %6.1f ms  (target ≤ 300 ms)", median(bankTimes) * 1e3, percentile(bankTimes, 0.9) * 1e3))

        // A long session: every keystroke gets its fast pass; the bank pass runs after
        // every 50th, as when typing in bursts (input waiting postpones it).
        var pending = true
        session.server.hasPendingInput = { pending }
        print("\n\(edits)-keystroke session, resident memory:")
        let before = residentMegabytes()
        print(String(format: "  after %6d keystrokes %8.1f MB", 0, before))
        for index in 0..<edits {
            keystroke(index)
            pending = (index + 1) % 50 != 0
            session.server.idle()
            if (index + 1) % max(1, edits / 5) == 0 {
                print(String(format: "  after %6d keystrokes %8.1f MB", index + 1, residentMegabytes()))
            }
        }
        print(String(format: "  growth %.1f MB over %d keystrokes", residentMegabytes() - before, edits))
    }

    /// The server with a sink that notes when the edited file's findings are published.
    final class Session: @unchecked Sendable {
        var published: UInt64?
        let server: QBankLanguageServer
        let loop: LanguageServerLoop

        init() {
            final class Box: @unchecked Sendable { weak var session: Session? }
            let box = Box()
            let sink = MessageSink { bytes in
                if box.session?.published == nil,
                   String(decoding: bytes.prefix(120), as: UTF8.self).contains("textDocument/publishDiagnostics") {
                    box.session?.published = DispatchTime.now().uptimeNanoseconds
                }
            }
            server = QBankLanguageServer(version: "bench", sink: sink)
            loop = LanguageServerLoop(handler: server, sink: sink)
            box.session = self
        }

        func send(_ message: [String: Any]) {
            _ = loop.handle(Array((try? JSONSerialization.data(withJSONObject: message)) ?? Data()))
        }

        func clock(_ work: () -> Void) -> Double {
            let start = DispatchTime.now().uptimeNanoseconds
            work()
            return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        }
    }

    static func option(_ name: String, in arguments: [String]) -> Int? {
        arguments.firstIndex(of: name).flatMap { arguments.indices.contains($0 + 1) ? Int(arguments[$0 + 1]) : nil }
    }

    static func median(_ values: [Double]) -> Double { percentile(values, 0.5) }

    static func percentile(_ values: [Double], _ fraction: Double) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * fraction + 0.5))]
    }

    /// Resident set size from /proc (Linux), in MB.
    static func residentMegabytes() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }) else { return 0 }
        return Double(line.split(separator: " ").dropFirst().first ?? "0").map { $0 / 1024 } ?? 0
    }
}

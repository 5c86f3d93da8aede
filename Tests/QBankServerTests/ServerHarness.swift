import Foundation
import QBankJSON
import QBankLSP
import QBankServer
import TestSupport

/// The server in process, driven through the JSON-RPC loop, with what it sent kept.
final class ServerHarness: @unchecked Sendable {
    private(set) var sent: [JSONValue] = []
    private var loop: LanguageServerLoop!
    let server: QBankLanguageServer
    let folder: URL
    private var nextID = 0

    /// A temporary bank: the MLA-C01 blueprint (unless `blueprint` is false) plus `files`.
    init(files: [String: String], blueprint: Bool = true) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("qbank-lsp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        if blueprint {
            try FileManager.default.copyItem(at: Fixtures.repositoryRoot.appendingPathComponent("Banks/mla-c01/blueprint.json"),
                                             to: folder.appendingPathComponent("blueprint.json"))
        }
        for (name, text) in files { try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        var sink: MessageSink!
        let box = Box()
        sink = MessageSink { bytes in box.take(bytes) }
        server = QBankLanguageServer(version: "test", sink: sink)
        loop = LanguageServerLoop(handler: server, sink: sink)
        box.owner = self
        _ = send("initialize", ["capabilities": [String: Any]()])
        notify("initialized", [:])
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    private final class Box: @unchecked Sendable {
        weak var owner: ServerHarness?
        func take(_ bytes: [UInt8]) {
            let text = String(decoding: bytes, as: UTF8.self)
            guard let split = text.range(of: "\r\n\r\n"), let value = try? JSONParser.parse(String(text[split.upperBound...])) else { return }
            owner?.sent.append(value)
        }
    }

    func uri(_ name: String) -> String { DocumentURI.uri(of: folder.appendingPathComponent(name).standardizedFileURL.path) }

    private func body(_ object: [String: Any]) -> [UInt8] {
        Array(try! JSONSerialization.data(withJSONObject: object))
    }

    /// Sends a request; returns its result (or the error object).
    @discardableResult
    func send(_ method: String, _ params: [String: Any]) -> JSONValue {
        nextID += 1
        _ = loop.handle(body(["jsonrpc": "2.0", "id": nextID, "method": method, "params": params]))
        let reply = sent.last { $0["id"]?.integerValue == nextID }
        return reply?["result"] ?? reply?["error"] ?? .null
    }

    func notify(_ method: String, _ params: [String: Any]) {
        _ = loop.handle(body(["jsonrpc": "2.0", "method": method, "params": params]))
    }

    func open(_ name: String, text: String? = nil) {
        let text = text ?? (try! String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8))
        notify("textDocument/didOpen", ["textDocument": ["uri": uri(name), "languageId": "xml", "version": 1, "text": text]])
        server.idle()
    }

    func change(_ name: String, to text: String, version: Int) {
        notify("textDocument/didChange", ["textDocument": ["uri": uri(name), "version": version], "contentChanges": [["text": text]]])
        server.idle()
    }

    /// The codes last published for a file.
    func codes(_ name: String) -> [String] {
        diagnostics(name).compactMap { $0["code"]?.stringValue }
    }

    func diagnostics(_ name: String) -> [JSONValue] {
        let published = sent.last { $0["method"]?.stringValue == "textDocument/publishDiagnostics" && $0["params"]?["uri"]?.stringValue == uri(name) }
        return published?["params"]?["diagnostics"]?.arrayValue ?? []
    }

    func position(_ line: Int, _ character: Int) -> [String: Any] { ["line": line, "character": character] }

    /// Applies the single-file edits of a `WorkspaceEdit`'s `changes` to `text`.
    static func apply(_ edits: [JSONValue], to text: String) -> String {
        var document = TextDocument(uri: "file:///x", version: 0, text: text)
        let sorted = edits.sorted { (Position($0["range"]?["start"]).map { ($0.line, $0.character) } ?? (0, 0)) > (Position($1["range"]?["start"]).map { ($0.line, $0.character) } ?? (0, 0)) }
        for edit in sorted { try? document.apply(edit.setting("text", to: edit["newText"] ?? .string(""))) }
        return document.text
    }
}

/// Bank file snippets for the tests.
enum Snippets {
    static func item(_ id: String, stem: String = "Which service stores training data as objects for the analytics team?", task: String = "1.1",
                     extra: String = "") -> String {
        """
          <item id="\(id)" type="single" domain="1" task="\(task)" status="draft">
            <stem>\(stem)</stem>
            <options>
              <option id="a" correct="true"><text>Amazon S3</text><rationale>Object storage.</rationale></option>
              <option id="b"><text>Amazon EFS</text><rationale>File storage.</rationale></option>
              <option id="c"><text>Amazon EBS</text><rationale>Block storage.</rationale></option>
              <option id="d"><text>Amazon FSx for Lustre</text><rationale>High-performance file storage.</rationale></option>
            </options>
            <references>
              <reference title="Amazon S3" url="https://docs.aws.amazon.com/s3/"/>
            </references>\(extra)
          </item>
        """
    }

    static func bank(_ items: String...) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<bank xmlns=\"urn:qbank:bank:1\">\n\(items.joined(separator: "\n"))\n</bank>\n"
    }
}

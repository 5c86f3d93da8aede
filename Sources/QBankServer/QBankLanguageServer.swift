import Foundation
import QBankCore
import QBankFiles
import QBankJSON
import QBankLSP
import QBankRules

/// qbank's language server: bank files linted as they are typed, in their bank's context.
///
/// Each bank an open file belongs to is loaded once (`BankSession`) and kept up to date
/// from edits and from `workspace/didChangeWatchedFiles`. After a burst of messages the
/// server first republishes the edited files' item findings (one file's rules: fast),
/// then, if nothing new arrived meanwhile, the whole bank's findings.
public final class QBankLanguageServer: LanguageServerHandler {
    private let version: String
    private let sink: MessageSink
    private let providers: [any CodeActionProvider]
    /// Asked between the fast and the full pass: a waiting message postpones the full one.
    public var hasPendingInput: () -> Bool = { false }

    private var documents: [String: TextDocument] = [:]
    private var sessions: [String: BankSession] = [:]
    private var editedFiles: Set<String> = []
    private var staleSessions: Set<String> = []
    /// Current findings by file, as last published.
    private var findings: [String: [Diagnostic]] = [:]
    /// The last full pass's findings by file, so the fast pass can keep the bank ones.
    private var bankFindings: [String: [Diagnostic]] = [:]
    private var watchesFiles = false
    /// Closed files as documents (for ranges of findings and related locations), dropped when they change.
    private var closedDocuments: [String: TextDocument] = [:]

    public init(version: String, sink: MessageSink, providers: [any CodeActionProvider] = CodeActionProviders.builtIn) {
        self.version = version
        self.sink = sink
        self.providers = providers
    }

    // MARK: Lifecycle

    public func initialize(_ params: JSONValue?) throws(RPCError) -> JSONValue {
        let watch = params?["capabilities"]?["workspace"]?["didChangeWatchedFiles"]?["dynamicRegistration"]?.boolValue
        watchesFiles = watch ?? false
        return .object([
            "capabilities": .object([
                "positionEncoding": .string("utf-16"),
                "textDocumentSync": .object([
                    "openClose": .bool(true), "change": .int(2), "save": .object(["includeText": .bool(true)]),
                ]),
                "hoverProvider": .bool(true),
                "completionProvider": .object(["triggerCharacters": .array(["\"", "'", " ", ","].map(JSONValue.string))]),
                "definitionProvider": .bool(true),
                "codeActionProvider": .object(["codeActionKinds": .array([.string("quickfix")])]),
                "documentFormattingProvider": .bool(true),
            ]),
            "serverInfo": .object(["name": .string("qbank"), "version": .string(version)]),
        ])
    }

    public func notification(_ method: String, _ params: JSONValue?) {
        switch method {
        case "initialized": registerFileWatching()
        case "textDocument/didOpen": didOpen(params?["textDocument"])
        case "textDocument/didChange": didChange(params)
        case "textDocument/didSave": didSave(params)
        case "textDocument/didClose": didClose(params?["textDocument"])
        case "workspace/didChangeWatchedFiles": didChangeWatchedFiles(params?["changes"]?.arrayValue ?? [])
        default: break
        }
    }

    public func request(_ method: String, _ params: JSONValue?) throws(RPCError) -> JSONValue {
        switch method {
        case "textDocument/hover":
            let (features, position) = try locate(params)
            return features.hover(at: position, findings: findings[features.path] ?? []) ?? .null
        case "textDocument/completion":
            let (features, position) = try locate(params)
            return features.completion(at: position)
        case "textDocument/definition":
            let (features, position) = try locate(params)
            return .array(features.definition(at: position).compactMap(features.locationJSON))
        case "textDocument/codeAction": return try codeActions(params)
        case "textDocument/formatting": return try format(params)
        default: throw .methodNotFound(method)
        }
    }

    // MARK: Document sync

    private func didOpen(_ item: JSONValue?) {
        guard let uri = item?["uri"]?.stringValue, let path = DocumentURI.path(of: uri), let text = item?["text"]?.stringValue else { return }
        documents[path] = TextDocument(uri: uri, version: item?["version"]?.integerValue ?? 0, text: text)
        contentChanged(path, bytes: Array(text.utf8))
    }

    private func didChange(_ params: JSONValue?) {
        // Taken out of the dictionary while it changes, so its large arrays are not copied per keystroke.
        guard let uri = params?["textDocument"]?["uri"]?.stringValue, let path = DocumentURI.path(of: uri),
              var document = documents.removeValue(forKey: path) else { return }
        do {
            for change in params?["contentChanges"]?.arrayValue ?? [] { try document.apply(change) }
        } catch {
            documents[path] = document
            sink.notify("window/logMessage", .object(["type": .int(1), "message": .string("qbank: \(error.message)")]))
            return
        }
        document.version = params?["textDocument"]?["version"]?.integerValue ?? document.version + 1
        documents[path] = document
        contentChanged(path, bytes: document.utf8)
    }

    private func didSave(_ params: JSONValue?) {
        guard let uri = params?["textDocument"]?["uri"]?.stringValue, let path = DocumentURI.path(of: uri) else { return }
        if let text = params?["text"]?.stringValue, var document = documents[path] {
            document = TextDocument(uri: document.uri, version: document.version, text: text)
            documents[path] = document
            contentChanged(path, bytes: Array(text.utf8))
        } else if let session = session(containing: path, create: false), session.isSessionFile(path) {
            session.reloadSettings()
            staleSessions.insert(key(of: session))
        }
    }

    private func didClose(_ item: JSONValue?) {
        guard let uri = item?["uri"]?.stringValue, let path = DocumentURI.path(of: uri) else { return }
        documents[path] = nil
        closedDocuments[path] = nil
        // The unsaved buffer is gone: the file on disk is what the bank holds again.
        guard let session = session(containing: path, create: false), session.files[path] != nil else { return }
        session.reloadFromDisk(path)
        editedFiles.insert(path)
        staleSessions.insert(key(of: session))
    }

    private func didChangeWatchedFiles(_ changes: [JSONValue]) {
        for change in changes {
            guard let uri = change["uri"]?.stringValue, let path = DocumentURI.path(of: uri), documents[path] == nil else { continue }
            closedDocuments[path] = nil
            for session in sessions.values {
                var cache: [String: String?] = [:]
                if session.isSessionFile(path) {
                    session.reloadSettings()
                } else if session.isMember(path, cache: &cache) || session.files[path] != nil {
                    session.reloadFromDisk(path)
                    if session.files[path] == nil { publish(path, []) }
                } else {
                    continue
                }
                staleSessions.insert(key(of: session))
            }
        }
    }

    /// The namespace both syntaxes declare: how a file outside any bank folder shows it is a bank file.
    static let bankFormat = "urn:qbank:bank:1"

    private func contentChanged(_ path: String, bytes: [UInt8]) {
        closedDocuments[path] = nil
        // Editors start the server for every XML and JSON file: lint only bank files, i.e. files
        // under a blueprint (as `qbank lint FOLDER` would) or, elsewhere, ones that declare the format.
        var cache: [String: String?] = [:]
        guard FileDiscovery.isBankFile((path as NSString).lastPathComponent),
              FileDiscovery.blueprintPath(for: path, cache: &cache) != nil || Self.declaresBankFormat(bytes),
              let session = session(containing: path, create: true) else { return }
        session.update(path, text: bytes)
        editedFiles.insert(path)
        staleSessions.insert(key(of: session))
    }

    private static func declaresBankFormat(_ bytes: [UInt8]) -> Bool {
        let marker = Array(bankFormat.utf8)
        return bytes.indices.contains { bytes[$0] == marker[0] && bytes[$0...].starts(with: marker) }
    }

    private func registerFileWatching() {
        guard watchesFiles else { return }
        sink.request("client/registerCapability", .object(["registrations": .array([.object([
            "id": .string("qbank-watch"), "method": .string("workspace/didChangeWatchedFiles"),
            "registerOptions": .object(["watchers": .array([.object(["globPattern": .string("**/*.{xml,json}")])])]),
        ])])]))
    }

    // MARK: Linting

    public func idle() {
        for path in editedFiles.sorted() {
            guard let session = session(containing: path, create: false) else { continue }
            let bankOnly = (bankFindings[path] ?? []).filter { !session.itemRuleIDs.contains($0.ruleID) && !Self.readerRuleIDs.contains($0.ruleID) }
            publish(path, (session.lintItems(of: path) + bankOnly).sorted(by: Diagnostic.reportOrder))
        }
        editedFiles.removeAll()
        guard !hasPendingInput() else { return }
        for key in staleSessions.sorted() {
            guard let session = sessions[key] else { continue }
            if let problem = session.configurationProblem {
                sink.notify("window/showMessage", .object(["type": .int(2), "message": .string("qbank: \(problem)")]))
            }
            var byFile = Dictionary(grouping: session.lintBank(), by: \.location.file)
            for path in session.paths where byFile[path] == nil { byFile[path] = [] }
            for (path, found) in byFile.sorted(by: { $0.key < $1.key }) {
                bankFindings[path] = found
                publish(path, found)
            }
        }
        staleSessions.removeAll()
    }

    private static let readerRuleIDs = Set(ReaderRules.all.map(\.id))

    /// Sends a file's findings when they differ from what the client has.
    private func publish(_ path: String, _ found: [Diagnostic]) {
        guard (findings[path] ?? []) != found else { return }
        findings[path] = found
        let document = found.isEmpty ? nil : self.document(for: path)
        guard found.isEmpty || document != nil else { return }
        sink.notify("textDocument/publishDiagnostics", .object([
            "uri": .string(documents[path]?.uri ?? DocumentURI.uri(of: path)),
            "version": documents[path].map { .int($0.version) },
            "diagnostics": .array(document.map { document in found.map { DiagnosticConversion.json($0, in: document, documents: self.document(for:)) } } ?? []),
        ]))
    }

    // MARK: Requests

    private func locate(_ params: JSONValue?) throws(RPCError) -> (LanguageFeatures, Position) {
        guard let position = Position(params?["position"]) else { throw .invalidParams("'position' is missing or not a position") }
        return (try features(params), position)
    }

    private func features(_ params: JSONValue?) throws(RPCError) -> LanguageFeatures {
        guard let uri = params?["textDocument"]?["uri"]?.stringValue, let path = DocumentURI.path(of: uri) else {
            throw .invalidParams("'textDocument.uri' is missing or not a file URI")
        }
        guard let session = session(containing: path, create: true), let document = document(for: path) else {
            throw .requestFailed("\(path) is not a bank file qbank can read")
        }
        return LanguageFeatures(session: session, path: path, document: document, documentFor: document(for:))
    }

    private func codeActions(_ params: JSONValue?) throws(RPCError) -> JSONValue {
        let features = try features(params)
        guard let range = Range(params?["range"]) else { throw .invalidParams("'range' is missing or not a range") }
        let context = CodeActionContext(path: features.path, document: features.document,
                                        file: features.session.files[features.path]?.read.file, bank: features.session.bank)
        var actions: [JSONValue] = []
        for finding in findings[features.path] ?? [] where DiagnosticConversion.range(of: finding.location, in: features.document).overlaps(range) {
            let diagnostic = DiagnosticConversion.json(finding, in: features.document, documents: document(for:))
            for provider in providers {
                for action in provider.actions(for: finding, in: context) {
                    actions.append(.object([
                        "title": .string(action.title), "kind": .string("quickfix"),
                        "diagnostics": .array([diagnostic]),
                        "isPreferred": action.isPreferred ? .bool(true) : nil,
                        "edit": .object(["changes": .object([(features.document.uri, .array(action.edits.map(Self.json)))])]),
                    ]))
                }
            }
        }
        return .array(actions)
    }

    private func format(_ params: JSONValue?) throws(RPCError) -> JSONValue {
        let features = try features(params)
        let document = features.document
        switch CanonicalFormatter.format(text: document.text, path: features.path) {
        case .unchanged: return .array([])
        case .changed(let text):
            let whole = Range(start: Position(line: 0, character: 0), end: document.position(of: document.units.count))
            return .array([Self.json(RangeEdit(range: whole, newText: text))])
        case .refused(let reason, _): throw .requestFailed("qbank fmt: not formatted: \(reason)")
        }
    }

    static func json(_ edit: RangeEdit) -> JSONValue { .object(["range": edit.range.json, "newText": .string(edit.newText)]) }

    // MARK: Sessions and documents

    private func key(of session: BankSession) -> String { session.blueprintPath ?? session.root }

    /// The bank a file belongs to, loaded on first use.
    private func session(containing path: String, create: Bool) -> BankSession? {
        guard path.lowercased().hasSuffix(".xml") || path.lowercased().hasSuffix(".json") else { return nil }
        var cache: [String: String?] = [:]
        let blueprint = FileDiscovery.blueprintPath(for: path, cache: &cache)
        let key = blueprint ?? (path as NSString).deletingLastPathComponent
        if let known = sessions[key] { return known }
        guard create else { return nil }
        let session = BankSession(containing: path)
        sessions[key] = session
        staleSessions.insert(key)
        return session
    }

    /// The open document, or the bank's copy of a closed file.
    private func document(for path: String) -> TextDocument? {
        if let open = documents[path] { return open }
        if let closed = closedDocuments[path] { return closed }
        let text = sessions.values.lazy.compactMap { $0.files[path]?.text }.first
            ?? FileManager.default.contents(atPath: path).map { [UInt8]($0) }
        guard let text else { return nil }
        let document = TextDocument(uri: DocumentURI.uri(of: path), version: 0, text: String(decoding: text, as: UTF8.self))
        closedDocuments[path] = document
        return document
    }
}

import CQBankXML
import QBankCore

/// Reads `.xml` bank files with libxml2: parse safely, validate against the
/// embedded XSD, build the model in one walk of the document.
///
/// Safe for hostile input (no network, no entities, no DOCTYPE at all) and for
/// concurrent use: the schema is compiled once and shared, everything else is per call.
public struct XMLBankReader: BankReader {
    public static let fileExtensions = ["xml"]

    public init() {}

    public func read(_ bytes: [UInt8], path: String) -> ReadResult { read(bytes, path: path, streaming: true) }

    /// `streaming`: try the streamed read first (tests turn it off to compare both reads).
    func read(_ bytes: [UInt8], path: String, streaming: Bool) -> ReadResult {
        let start = SourceLocation(file: path, line: 1, column: 1)
        if Self.isBlank(bytes) {
            return ReadResult(file: nil, diagnostics: [Diagnostic(ReaderRules.syntaxError, "file is empty", at: start)])
        }
        if let problem = EncodingCheck.problem(in: bytes) {
            return ReadResult(file: nil, diagnostics: [Diagnostic(ReaderRules.syntaxError, problem, at: start)])
        }

        let schema = CompiledSchema.shared
        if streaming, schema.failure == nil, let streamed = Self.stream(bytes, path: path, schema: schema) { return streamed }
        guard let document = bytes.withUnsafeBufferPointer({ cqbx_read($0.baseAddress, $0.count, schema.handle) }) else {
            return ReadResult(file: nil, diagnostics: [Diagnostic(ReaderRules.syntaxError, "out of memory", at: start)])
        }
        defer { cqbx_doc_free(document) }

        let lines = LineTable(bytes)
        var builder = XMLModelBuilder(path: path, lines: lines)
        let issues = (0..<cqbx_doc_issue_count(document)).compactMap { cqbx_doc_issue(document, $0)?.pointee }

        guard cqbx_doc_well_formed(document) != 0, let root = cqbx_doc_root(document) else {
            let diagnostic = issues.first { $0.phase == Int32(CQBX_PHASE_PARSE) }.map { syntaxDiagnostic($0, lines, path) }
                ?? Diagnostic(ReaderRules.syntaxError, "the file is not well-formed XML", at: start)
            return ReadResult(file: nil, diagnostics: [diagnostic])
        }

        var diagnostics: [Diagnostic] = []
        if let failure = schema.failure {
            diagnostics.append(Diagnostic(ReaderRules.schemaViolation,
                                          "internal error: the embedded bank schema does not compile (\(failure))", at: start))
        }
        var seen = Set<Diagnostic>()
        for issue in issues where issue.phase == Int32(CQBX_PHASE_SCHEMA) {
            let diagnostic = schemaDiagnostic(issue, builder: builder, path: path)
            // libxml2 often reports one bad value twice (facet, then type): say it once.
            if seen.insert(diagnostic).inserted { diagnostics.append(diagnostic) }
        }
        let file = builder.bank(XMLElementNode(raw: root))
        diagnostics += builder.diagnostics
        diagnostics.sort(by: Diagnostic.reportOrder)
        return ReadResult(file: file, diagnostics: diagnostics)
    }

    /// The file read in one streamed pass (`cqbx_stream`): each item and case study is built as soon as
    /// libxml2 has parsed and validated it, then its elements are freed, so a large file never holds
    /// its whole tree (about four times its size) beside the model. Nil when anything at all was
    /// reported (not well-formed, a schema finding, a refusal): the caller then reads the file the
    /// usual way, whose findings and positions are the ones to report.
    static func stream(_ bytes: [UInt8], path: String, schema: CompiledSchema = .shared) -> ReadResult? {
        let state = StreamState(path: path, lines: LineTable(bytes))
        let handler: cqbx_element_handler = { element, context in
            guard let element, let context else { return }
            let state = Unmanaged<StreamState>.fromOpaque(context).takeUnretainedValue()
            let node = XMLElementNode(raw: element)
            if node.isBankElement { state.builder.add(node, to: &state.file) }
        }
        let streamed = withExtendedLifetime(state) {
            bytes.withUnsafeBufferPointer { buffer in
                cqbx_stream(buffer.baseAddress, buffer.count, schema.handle, handler, Unmanaged.passUnretained(state).toOpaque())
            }
        }
        guard streamed != 0 else { return nil }
        return ReadResult(file: state.file, diagnostics: state.builder.diagnostics.sorted(by: Diagnostic.reportOrder))
    }

    /// What a streamed read builds, reached from the C callback.
    private final class StreamState {
        var builder: XMLModelBuilder
        var file: BankFile

        init(path: String, lines: LineTable) {
            builder = XMLModelBuilder(path: path, lines: lines)
            file = BankFile(path: path)
        }
    }

    /// Empty, or only a BOM and white space: nothing to parse.
    private static func isBlank(_ bytes: [UInt8]) -> Bool {
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
        return body.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    }

    private func syntaxDiagnostic(_ issue: cqbx_issue, _ lines: LineTable, _ path: String) -> Diagnostic {
        let raw = issue.message.map { String(cString: $0) } ?? ""
        let message = issue.code == Int32(CQBX_REFUSED_DOCTYPE) ? raw : XMLMessages.syntax(raw, code: issue.code)
        let location: SourceLocation
        if issue.offset >= 0 {
            let (line, column) = lines.position(ofOffset: issue.offset)
            location = SourceLocation(file: path, line: line, column: column)
        } else {
            location = SourceLocation(file: path, line: issue.line, column: issue.column)
        }
        return Diagnostic(ReaderRules.syntaxError, message, at: location)
    }

    private func schemaDiagnostic(_ issue: cqbx_issue, builder: XMLModelBuilder, path: String) -> Diagnostic {
        let message = XMLMessages.schema(issue.message.map { String(cString: $0) } ?? "")
        guard let raw = issue.node else {
            return Diagnostic(ReaderRules.schemaViolation, message,
                              at: SourceLocation(file: path, line: issue.line, column: 1))
        }
        let node = XMLElementNode(raw: raw)
        return Diagnostic(ReaderRules.schemaViolation, message, at: builder.location(node), item: nearestItemID(node))
    }

    /// The id of the item (or else case study) the element belongs to.
    private func nearestItemID(_ node: XMLElementNode) -> String? {
        var caseID: String?
        var current: XMLElementNode? = node
        while let element = current {
            if element.hasName("item") { return element.attribute("id") }
            if element.hasName("case"), caseID == nil { caseID = element.attribute("id") }
            current = element.parent
        }
        return caseID
    }
}

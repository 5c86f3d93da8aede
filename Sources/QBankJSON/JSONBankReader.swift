import QBankCore

/// Reads a `.json` bank file: strict parse (QB001), then the meaning of
/// `Schemas/qbank-bank.schema.json` checked field by field (QB002) while the model is
/// built. Items that cannot be built are left out; everything else is kept, so later
/// rules still see the rest of the file.
public struct JSONBankReader: BankReader {
    public static let fileExtensions = ["json"]
    public static let format = "urn:qbank:bank:1"

    public init() {}

    public func read(_ bytes: [UInt8], path: String) -> ReadResult { read(bytes, path: path, streaming: true) }

    /// `streaming`: try the streamed read first (tests turn it off to compare both reads).
    func read(_ bytes: [UInt8], path: String, streaming: Bool) -> ReadResult {
        if streaming, !bytes.isEmpty, let streamed = Self.stream(bytes, path: path) { return streamed }
        if bytes.isEmpty {
            return ReadResult(file: nil, diagnostics: [
                Diagnostic(ReaderRules.syntaxError, "file is empty; a bank file is a JSON object with \"format\": \"\(Self.format)\"",
                           at: SourceLocation(file: path, line: 1, column: 1)),
            ])
        }
        let root: JSONValue
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            return ReadResult(file: nil, diagnostics: [SchemaContext.syntaxDiagnostic(error, path: path)])
        }
        if let forbidden = Self.firstForbiddenCharacter(root, path: path) { return ReadResult(file: nil, diagnostics: [forbidden]) }
        return build(root, path: path, bytes: bytes)
    }

    /// JSON escapes can spell characters XML 1.0 forbids (`\u0001`); a bank holding one could not be converted,
    /// exported or formatted as XML, so the file is refused at the string that holds it (QB001).
    static func firstForbiddenCharacter(_ value: JSONValue, path: String) -> Diagnostic? {
        func refusal(_ text: String, at position: JSONPosition) -> Diagnostic? {
            guard let found = XMLCharacters.firstForbidden(in: text) else { return nil }
            let offset = found.line == 1 ? "character \(found.column)" : "line \(found.line), character \(found.column)"
            return Diagnostic(ReaderRules.syntaxError,
                              "the string holds \(XMLCharacters.name(found.scalar)) (at its \(offset)), a control character XML 1.0 forbids; remove it",
                              at: SourceLocation(file: path, line: position.line, column: position.column))
        }
        switch value.storage {
        case .string(let text):
            return refusal(text, at: value.position)
        case .array(let elements):
            for element in elements { if let found = firstForbiddenCharacter(element, path: path) { return found } }
        case .object(let members):
            for member in members {
                if let found = refusal(member.key, at: member.keyPosition) ?? firstForbiddenCharacter(member.value, path: path) { return found }
            }
        default:
            break
        }
        return nil
    }

    /// Builds the model from an already parsed document; with its `bytes`, text values get spans (for fixes).
    public func build(_ root: JSONValue, path: String, bytes: [UInt8] = []) -> ReadResult {
        let context = SchemaContext(path: path)
        context.bytes = bytes
        var file = BankFile(path: path)
        guard let o = Self.rootView(root, context) else { return ReadResult(file: file, diagnostics: context.diagnostics) }
        let items = JSONItemBuilder(context: context)
        if let array = o.array("items")?.arrayValue {
            file.items.reserveCapacity(array.count)
            for (index, element) in array.enumerated() {
                if let item = items.build(element, index: index) { file.items.append(item) }
            }
        }
        if let array = o.array("cases")?.arrayValue {
            file.cases = array.enumerated().compactMap { Self.buildCase($0.element, index: $0.offset, items, context) }
        }
        return ReadResult(file: file, diagnostics: context.diagnostics)
    }

    /// The root object's own fields checked; nil (after a report) when the root is not an object.
    static func rootView(_ root: JSONValue, _ context: SchemaContext) -> ObjectView? {
        guard let o = ObjectView(root, context, subject: "", itemID: nil, known: ["$schema", "format", "items", "cases"],
                                 required: ["format"], noun: "a bank file") else { return nil }
        _ = o.string("$schema")
        if let format = o.member("format")?.value, format.stringValue != Self.format {
            o.report("'format' must be \"\(Self.format)\"", at: format.position)
        }
        return o
    }

    static func buildCase(_ value: JSONValue, index: Int, _ items: JSONItemBuilder, _ context: SchemaContext) -> CaseStudy? {
        let rawID = value["id"]?.stringValue
        guard let o = ObjectView(value, context, subject: rawID.map { "case '\($0)'" } ?? "case #\(index + 1)", itemID: rawID,
                                 known: ["id", "title", "scenario", "items", "qbank"], required: ["id", "scenario", "items"],
                                 noun: "a case") else { return nil }
        let id = o.string("id", matching: Patterns.isItemID,
                          rule: "must be 1–64 letters, digits, '.', '_' or '-', starting with a letter or digit")?.stringValue
        let title = o.text("title")?.value
        let scenario = o.text("scenario")
        let caseItems = o.array("items", minItems: 1)?.arrayValue?.enumerated().compactMap {
            items.build($0.element, index: $0.offset)
        }
        let suppressions = items.suppressions(o)
        guard let id, let scenario, let caseItems else { return nil }
        return CaseStudy(id: id, title: title, scenario: scenario, items: caseItems, suppressions: suppressions,
                         origin: context.origin(value.position))
    }
}

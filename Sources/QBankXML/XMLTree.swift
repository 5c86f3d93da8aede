import CQBankXML
import QBankCore

/// A parsed XML document as plain Swift values, for formats other than bank files
/// (QTI, Moodle XML, manifests). Built by `SafeXML`, with the same libxml2 settings
/// as bank files: no DOCTYPE, no entities, no network.
public struct XMLTreeElement: Sendable, Hashable {
    public var name: String
    public var namespace: String?
    /// Attributes without a namespace by local name; namespaced ones as `{uri}name`.
    public var attributes: [String: String]
    public var children: [XMLTreeNode]
    public var location: SourceLocation

    public init(name: String, namespace: String? = nil, attributes: [String: String] = [:],
                children: [XMLTreeNode] = [], location: SourceLocation) {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
        self.children = children
        self.location = location
    }

    public subscript(attribute: String) -> String? { attributes[attribute] }

    /// Child elements, in order.
    public var elements: [XMLTreeElement] {
        children.compactMap { if case .element(let element) = $0 { element } else { nil } }
    }

    /// Child elements with this local name (any namespace).
    public func elements(_ name: String) -> [XMLTreeElement] { elements.filter { $0.name == name } }
    public func element(_ name: String) -> XMLTreeElement? { elements.first { $0.name == name } }

    /// Every descendant element with this local name, depth first.
    public func descendants(_ name: String) -> [XMLTreeElement] {
        var found: [XMLTreeElement] = []
        for child in elements {
            if child.name == name { found.append(child) }
            found += child.descendants(name)
        }
        return found
    }

    /// All text below this element, concatenated.
    public var text: String {
        children.map { node in
            switch node {
            case .text(let text): text
            case .element(let element): element.text
            }
        }.joined()
    }
}

public enum XMLTreeNode: Sendable, Hashable {
    case element(XMLTreeElement)
    case text(String)
}

/// Parses third-party XML safely into an `XMLTreeElement`.
public enum SafeXML {
    /// The root element, or the QB001 diagnostic saying why the bytes are not
    /// well-formed (with line and column). `bytes` must be UTF-8: callers transcode
    /// other encodings first (libxml2 is told to ignore declared encodings).
    public static func parse(_ bytes: [UInt8], path: String) -> Result<XMLTreeElement, SafeXMLError> {
        let start = SourceLocation(file: path, line: 1, column: 1)
        guard let document = bytes.withUnsafeBufferPointer({ cqbx_read_mixed($0.baseAddress, $0.count, nil) }) else {
            return .failure(SafeXMLError(diagnostic: Diagnostic(ReaderRules.syntaxError, "out of memory", at: start)))
        }
        defer { cqbx_doc_free(document) }
        let lines = LineTable(bytes)
        guard cqbx_doc_well_formed(document) != 0, let root = cqbx_doc_root(document) else {
            let issue = (0..<cqbx_doc_issue_count(document)).compactMap { cqbx_doc_issue(document, $0)?.pointee }.first
            var location = start
            var message = "the file is not well-formed XML"
            if let issue {
                let raw = issue.message.map { String(cString: $0) } ?? ""
                message = issue.code == Int32(CQBX_REFUSED_DOCTYPE)
                    ? "DOCTYPE declarations are refused (they are how entity bombs and external entities get in); remove it"
                    : XMLMessages.syntax(raw, code: issue.code)
                if issue.offset >= 0 {
                    let (line, column) = lines.position(ofOffset: issue.offset)
                    location = SourceLocation(file: path, line: line, column: column)
                } else if issue.line > 0 {
                    location = SourceLocation(file: path, line: issue.line, column: issue.column)
                }
            }
            return .failure(SafeXMLError(diagnostic: Diagnostic(ReaderRules.syntaxError, message, at: location)))
        }
        return .success(build(root, lines: lines, path: path, depth: 0))
    }

    /// An HTML fragment (text from QTI, Moodle, Canvas, Markdown banks) read by libxml2's HTML
    /// parser: the nodes of its body in order, with HTML's entities decoded and unclosed tags closed.
    public static func htmlFragment(_ html: String) -> [XMLTreeNode] {
        let bytes = Array(("<body>" + html + "</body>").utf8)
        guard let document = bytes.withUnsafeBufferPointer({ cqbx_read_html($0.baseAddress, $0.count) }) else { return [.text(html)] }
        defer { cqbx_doc_free(document) }
        guard let root = cqbx_doc_root(document) else { return [] }
        let tree = build(root, lines: LineTable(bytes), path: "", depth: 0)
        return tree.elements.filter { $0.name == "head" || $0.name == "body" }.flatMap(\.children)
    }

    /// The character an HTML named entity stands for (`sigma` → σ), from libxml2's table.
    public static func htmlEntity(_ name: String) -> Character? {
        let value = cqbx_html_entity(name)
        return value == 0 ? nil : Unicode.Scalar(value).map(Character.init)
    }

    private static func build(_ node: cqbx_node, lines: LineTable, path: String, depth: Int) -> XMLTreeElement {
        let offset = cqbx_offset(node)
        let position = offset >= 0 ? lines.position(ofOffset: offset) : (cqbx_line(node), 1)
        var element = XMLTreeElement(
            name: String(cString: cqbx_name(node)), namespace: cqbx_namespace(node).map { String(cString: $0) },
            location: SourceLocation(file: path, line: position.0, column: position.1))
        for index in 0..<cqbx_attribute_count(node) {
            let name = String(cString: cqbx_attribute_name_at(node, index))
            let key = cqbx_attribute_namespace_at(node, index).map { "{\(String(cString: $0))}\(name)" } ?? name
            var owned: Int32 = 0
            let value = cqbx_attribute_value_at(node, index, &owned)!
            element.attributes[key] = String(cString: value)
            if owned != 0 { cqbx_free(UnsafeMutableRawPointer(mutating: value)) }
        }
        var child = cqbx_first_child(node)
        while let current = child {
            switch cqbx_node_kind(current) {
            case Int32(CQBX_NODE_ELEMENT):
                // libxml2 already limits nesting depth to 256 for the parse itself.
                element.children.append(.element(build(current, lines: lines, path: path, depth: depth + 1)))
            case Int32(CQBX_NODE_TEXT):
                element.children.append(.text(String(cString: cqbx_node_content(current))))
            default:
                break
            }
            child = cqbx_next_sibling(current)
        }
        return element
    }
}

/// A third-party XSD (QTI, IMS content packaging) compiled from files, offline:
/// imports resolve to local files, never to the network.
public final class ExternalSchema: @unchecked Sendable {
    private let handle: OpaquePointer

    /// Compiles the XSD at `path`; throws the compiler's first message.
    public init(path: String) throws(ExternalSchemaError) {
        var error: UnsafeMutablePointer<CChar>?
        guard let handle = cqbx_schema_compile_file(path, &error) else {
            let message = error.map { String(cString: $0) } ?? "the schema could not be compiled"
            cqbx_free(error)
            throw ExternalSchemaError(message: "\(path): \(message)")
        }
        self.handle = handle
    }

    deinit { cqbx_schema_free(handle) }

    /// What the schema finds wrong with the document (empty when valid), as
    /// `line: message`; a document that is not well-formed gives its parse error.
    public func validate(_ bytes: [UInt8]) -> [String] {
        guard let document = bytes.withUnsafeBufferPointer({ cqbx_read(($0.baseAddress), $0.count, handle) }) else {
            return ["out of memory"]
        }
        defer { cqbx_doc_free(document) }
        return (0..<cqbx_doc_issue_count(document)).compactMap { cqbx_doc_issue(document, $0)?.pointee }.map { issue in
            let message = issue.message.map { String(cString: $0) } ?? ""
            return "\(issue.line): \(message.trimmingCharacters(in: .newlines))"
        }
    }
}

/// Why a document could not be parsed: a QB001 diagnostic with its position.
public struct SafeXMLError: Error, Sendable {
    public var diagnostic: Diagnostic
}

public struct ExternalSchemaError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

private extension String {
    func trimmingCharacters(in set: Set<Character>) -> String {
        var result = Substring(self)
        while let last = result.last, set.contains(last) { result = result.dropLast() }
        return String(result)
    }
}

private extension Set where Element == Character {
    static let newlines: Set<Character> = ["\n", "\r"]
}

import QBankCore

/// Prints a bank file as canonical XML (Schemas/README.md): XML declaration,
/// two-space indentation, one element per line with its text on that line,
/// attributes in the order id, type, select, domain, task, status, shuffle, and
/// defaults (`shuffle="true"`, `correct="false"`) and empty lists omitted.
public struct XMLBankWriter: BankWriter {
    /// The XSD's location for `xsi:schemaLocation` on the root (nil: no link).
    public var schemaLocation: String?

    public init(schemaLocation: String? = nil) { self.schemaLocation = schemaLocation }

    public func write(_ file: BankFile) -> String {
        var out = XMLOutput()
        out.line(0, #"<?xml version="1.0" encoding="UTF-8"?>"#)
        var root = #"<bank xmlns="\#(XMLBankFormat.namespace)""#
        if let schemaLocation {
            root += #" xmlns:xsi="\#(SchemaLinks.schemaInstanceNamespace)" xsi:schemaLocation="\#(XMLEscaping.attribute(XMLBankFormat.namespace + " " + schemaLocation))""#
        }
        if file.items.isEmpty && file.cases.isEmpty {
            out.line(0, root + "/>")
            return out.text
        }
        out.line(0, root + ">")
        for item in file.items { write(item, depth: 1, to: &out) }
        for study in file.cases {
            for suppression in study.suppressions { out.comment(1, suppression.commentText) }
            out.open(1, "case", [("id", study.id)])
            if let title = study.title { out.element(2, "title", text: title) }
            out.element(2, "scenario", text: study.scenario.value)
            for item in study.items { write(item, depth: 2, to: &out) }
            out.close(1, "case")
        }
        out.line(0, "</bank>")
        return out.text
    }

    private func write(_ item: Item, depth: Int, to out: inout XMLOutput) {
        var attributes = [("id", item.id), ("type", item.type.rawValue)]
        if case .choice(let body) = item.body, let select = body.select { attributes.append(("select", String(select))) }
        if item.domain != 0 { attributes.append(("domain", String(item.domain))) }
        if !item.task.isEmpty { attributes.append(("task", item.task)) }
        attributes.append(("status", item.status.rawValue))
        if !item.shuffle { attributes.append(("shuffle", "false")) }
        for suppression in item.suppressions { out.comment(depth, suppression.commentText) }
        out.open(depth, "item", attributes)
        let inner = depth + 1
        out.element(inner, "stem", text: item.stem.value)
        switch item.body {
        case .choice(let body):
            out.list(inner, "options", body.options) { option, out in
                var attributes = [("id", option.id)]
                if option.isCorrect { attributes.append(("correct", "true")) }
                out.part(inner + 1, "option", attributes, text: option.text.value, rationale: option.rationale)
            }
        case .ordering(let steps):
            out.list(inner, "steps", steps) { step, out in
                out.part(inner + 1, "step", [("id", step.id)], text: step.text.value, rationale: step.rationale)
            }
        case .matching(let body):
            out.list(inner, "prompts", body.prompts) { prompt, out in
                out.part(inner + 1, "prompt", [("id", prompt.id), ("response", prompt.responseID)],
                         text: prompt.text.value, rationale: prompt.rationale)
            }
            out.list(inner, "responses", body.responses) { response, out in
                out.part(inner + 1, "response", [("id", response.id)], text: response.text.value, rationale: nil)
            }
        }
        if !item.references.isEmpty {
            out.list(inner, "references", item.references) { reference, out in
                out.empty(inner + 1, "reference", [("title", reference.title), ("url", reference.url)])
            }
        }
        if !item.tags.isEmpty {
            out.list(inner, "tags", item.tags) { tag, out in out.element(inner + 1, "tag", text: tag) }
        }
        if !item.enemies.isEmpty {
            out.list(inner, "enemies", item.enemies) { enemy, out in out.empty(inner + 1, "enemy", [("ref", enemy.id)]) }
        }
        if let stats = item.stats {
            var attributes: [(String, String)] = []
            if let value = stats.pValue { attributes.append(("pValue", Self.number(value))) }
            if let value = stats.pointBiserial { attributes.append(("pointBiserial", Self.number(value))) }
            if let value = stats.responses { attributes.append(("responses", String(value))) }
            if let value = stats.irtA { attributes.append(("irtA", Self.number(value))) }
            if let value = stats.irtB { attributes.append(("irtB", Self.number(value))) }
            if let value = stats.irtC { attributes.append(("irtC", Self.number(value))) }
            if let value = stats.irtSeA { attributes.append(("irtSeA", Self.number(value))) }
            if let value = stats.irtSeB { attributes.append(("irtSeB", Self.number(value))) }
            if let value = stats.irtSeC { attributes.append(("irtSeC", Self.number(value))) }
            if let value = stats.irtModel { attributes.append(("irtModel", value)) }
            if let value = stats.source { attributes.append(("source", value)) }
            if let value = stats.forms { attributes.append(("forms", value)) }
            if let value = stats.window { attributes.append(("window", value)) }
            if let value = stats.angoff { attributes.append(("angoff", Self.number(value))) }
            out.empty(inner, "stats", attributes)
        }
        out.close(depth, "item")
    }

    /// Shortest text that reads back as the same Double; valid `xs:double` lexically.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}

/// The text being written, with the escaping rules of XML 1.0.
private struct XMLOutput {
    var text = ""

    mutating func line(_ depth: Int, _ content: String) {
        text += String(repeating: "  ", count: depth)
        text += content
        text += "\n"
    }

    mutating func open(_ depth: Int, _ name: String, _ attributes: [(String, String)]) {
        line(depth, "<\(name)\(Self.attributes(attributes))>")
    }

    mutating func close(_ depth: Int, _ name: String) { line(depth, "</\(name)>") }

    /// A comment; the text must not contain `--` or end in `-` (the JSON schema forbids
    /// both in suppression reasons, so every model a reader builds can be written).
    mutating func comment(_ depth: Int, _ body: String) { line(depth, "<!--\(body)-->") }

    mutating func empty(_ depth: Int, _ name: String, _ attributes: [(String, String)]) {
        line(depth, "<\(name)\(Self.attributes(attributes))/>")
    }

    /// A text element. Markdown blocks (code, lists, tables) go on their own lines, indented
    /// with the element: readers take the indentation off again (`TextNormalization`), so
    /// the value reads back as it was and the file stays readable.
    mutating func element(_ depth: Int, _ name: String, text value: String) {
        guard Self.hasMarkdownBlocks(value) else { return line(depth, "<\(name)>\(XMLEscaping.text(value))</\(name)>") }
        line(depth, "<\(name)>")
        let indent = String(repeating: "  ", count: depth + 1)
        for source in value.split(separator: "\n", omittingEmptySubsequences: false) {
            if !source.isEmpty { text += indent + XMLEscaping.text(String(source)) }
            text += "\n"
        }
        line(depth, "</\(name)>")
    }

    /// A line that starts a fence, a list item or a table row, or is indented (code, nesting).
    static func hasMarkdownBlocks(_ value: String) -> Bool {
        value.contains("\n") && value.split(separator: "\n").contains { line in
            guard let first = line.first else { return false }
            return "`~|-*+! ".contains(first) || first.isASCII && first.isNumber
        }
    }

    /// A container; written `<name/>` when empty, so a required body stays present.
    mutating func list<T>(_ depth: Int, _ name: String, _ elements: [T], _ body: (T, inout XMLOutput) -> Void) {
        if elements.isEmpty { return line(depth, "<\(name)/>") }
        line(depth, "<\(name)>")
        for element in elements { body(element, &self) }
        line(depth, "</\(name)>")
    }

    /// An option, step, prompt or response: `<text>` and optional `<rationale>`.
    mutating func part(_ depth: Int, _ name: String, _ attributes: [(String, String)], text value: String, rationale: String?) {
        open(depth, name, attributes)
        element(depth + 1, "text", text: value)
        if let rationale { element(depth + 1, "rationale", text: rationale) }
        close(depth, name)
    }

    static func attributes(_ pairs: [(String, String)]) -> String {
        pairs.map { " \($0.0)=\"\(XMLEscaping.attribute($0.1))\"" }.joined()
    }
}

import QBankCore

/// Builds the model from a parsed (and validated) document in one walk.
///
/// Lenient on purpose: after schema errors it still builds whatever it can, and
/// skips an item, case or part only when a required piece is missing or unreadable
/// (the schema finding already says why). It adds the checks XSD 1.0 cannot
/// express: the body must match `type`, and `select` is present iff the type is
/// `multiple`.
struct XMLModelBuilder {
    let path: String
    let lines: LineTable
    private(set) var diagnostics: [Diagnostic] = []

    init(path: String, lines: LineTable) {
        self.path = path
        self.lines = lines
    }

    func location(_ node: XMLElementNode) -> SourceLocation {
        if let offset = node.offset {
            let (line, column) = lines.position(ofOffset: offset)
            return SourceLocation(file: path, line: line, column: column)
        }
        return SourceLocation(file: path, line: node.libxmlLine, column: 1)
    }

    private func origin(_ node: XMLElementNode) -> Origin { Origin(location(node)) }

    /// The offset of the `>` that ends the start tag beginning at `offset` (quoted attribute values may hold `>`).
    private func startTagEnd(from offset: Int) -> Int? {
        let bytes = lines.bytes
        var i = offset + 1
        var quote: UInt8?
        while i < bytes.count {
            let byte = bytes[i]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                return i
            }
            i += 1
        }
        return nil
    }

    /// An origin with the element's byte range: from its `<` past its end tag (or `/>`); elements
    /// given ranges (item, option, enemy) never nest in themselves.
    private func elementOrigin(_ node: XMLElementNode, _ name: String, keepSource: Bool = false) -> Origin {
        var origin = origin(node)
        guard let start = node.offset else { return origin }
        let bytes = lines.bytes
        guard let i = startTagEnd(from: start) else { return origin }
        if bytes[i - 1] == UInt8(ascii: "/") { origin.element = start..<(i + 1); return origin }
        let close = Array("</\(name)>".utf8)
        guard let end = ByteSearch.firstOffset(of: close, in: lines.bytes, from: i).map({ $0 + close.count }) else { return origin }
        origin.element = start..<end
        if keepSource { origin.elementSource = String(decoding: bytes[start..<end], as: UTF8.self) }
        return origin
    }

    /// `<!-- qbank-disable … -->` comments right before the element.
    private func suppressions(before node: XMLElementNode) -> [Suppression] {
        guard let offset = node.offset else { return [] }
        return SuppressionComments.before(offset: offset, in: lines.bytes).compactMap { comment in
            let (line, column) = lines.position(ofOffset: comment.offset)
            return Suppression.parseComment(comment.text, origin: Origin(SourceLocation(file: path, line: line, column: column)))
        }
    }

    private func text(_ node: XMLElementNode) -> Text {
        let value = TextNormalization.normalize(node.text)
        var span = contentSpan(node)
        // Most texts are written as they read: one string then serves both, not two copies.
        if span?.raw == value { span?.raw = value }
        return Text(value, origin: Origin(location(node), span: span))
    }

    /// The bytes between a text element's start and end tags (text elements hold no child elements).
    private func contentSpan(_ node: XMLElementNode) -> TextSpan? {
        guard let offset = node.offset else { return nil }
        let bytes = lines.bytes
        guard let i = startTagEnd(from: offset), bytes[i - 1] != UInt8(ascii: "/") else { return nil }
        let start = i + 1
        guard let end = ByteSearch.firstOffset(of: [UInt8(ascii: "<"), UInt8(ascii: "/")], in: bytes, from: start) else { return nil }
        let (line, column) = lines.position(ofOffset: end)
        return TextSpan(start: start, end: end, raw: String(decoding: bytes[start..<end], as: UTF8.self), syntax: .xml,
                        endLocation: SourceLocation(file: path, line: line, column: column))
    }

    private mutating func report(_ message: String, at node: XMLElementNode, item: String?) {
        diagnostics.append(Diagnostic(ReaderRules.schemaViolation, message, at: location(node), item: item))
    }

    // MARK: Bank and case

    mutating func bank(_ root: XMLElementNode) -> BankFile {
        var file = BankFile(path: path)
        // Sized once: grown by appending, a 20,000-item file's array ended at 32,768 slots.
        file.items.reserveCapacity(root.children.reduce(0) { $0 + ($1.hasName("item") ? 1 : 0) })
        for child in root.children where child.isBankElement {
            guard add(child, to: &file) else { continue }
            // Built: its part of the tree is not read again, so a large file never holds the
            // whole tree and the whole model at once.
            child.free()
        }
        return file
    }

    /// Adds what a child element of the root holds (an item or a case study) to `file`; false
    /// for any other element. Streamed reads call it as each element is parsed.
    @discardableResult
    mutating func add(_ child: XMLElementNode, to file: inout BankFile) -> Bool {
        if child.hasName("item") {
            if let item = item(child) { file.items.append(item) }
        } else if child.hasName("case") {
            if let study = caseStudy(child) { file.cases.append(study) }
        } else {
            return false
        }
        return true
    }

    private mutating func caseStudy(_ node: XMLElementNode) -> CaseStudy? {
        guard let id = node.attribute("id") else { return nil }
        var title: String?
        var scenario: Text?
        var items: [Item] = []
        for child in node.children where child.isBankElement {
            switch child.name {
            case "title": title = TextNormalization.normalize(child.text)
            case "scenario": scenario = text(child)
            case "item": if let item = item(child) { items.append(item) }
            default: break
            }
        }
        guard let scenario else { return nil }
        return CaseStudy(id: id, title: title, scenario: scenario, items: items,
                         suppressions: suppressions(before: node), origin: origin(node))
    }

    // MARK: Item

    private mutating func item(_ node: XMLElementNode) -> Item? {
        guard let id = node.attribute("id"),
              let type = node.attribute("type").flatMap(ItemType.init(rawValue:)),
              // Absent domain/task mean "not assigned yet" (imported drafts); the linter flags them.
              let domain = node.attribute("domain").map(Self.integer) ?? 0,
              let status = node.attribute("status").flatMap(ItemStatus.init(rawValue:))
        else { return nil }

        let task = node.attribute("task") ?? ""
        var stem: Text?
        var parts = BodyParts()
        var item = Item(id: id, domain: domain, task: task, status: status,
                        shuffle: node.attribute("shuffle").map(Self.flag) ?? true,
                        stem: "", body: .ordering([]), suppressions: suppressions(before: node), origin: elementOrigin(node, "item"))
        for child in node.children where child.isBankElement {
            switch child.name {
            case "stem": stem = text(child)
            case "options": parts.options = (child, options(child, keepSources: !item.shuffle))
            case "steps": parts.steps = (child, steps(child))
            case "prompts": parts.prompts = (child, prompts(child))
            case "responses": parts.responses = (child, responses(child))
            case "references": item.references = references(child)
            case "tags": item.tags = child.children.filter(\.isBankElement).map { TextNormalization.normalize($0.text) }
            case "enemies": item.enemies = enemies(child)
            case "stats": item.stats = stats(child, item: id)
            default: break
            }
        }
        guard let stem, let body = body(type: type, parts: parts, node: node, id: id) else { return nil }
        item.stem = stem
        item.body = body
        return item
    }

    /// The body elements an item has, with where each starts.
    private struct BodyParts {
        var options: (XMLElementNode, [Option])?
        var steps: (XMLElementNode, [Step])?
        var prompts: (XMLElementNode, [MatchPrompt])?
        var responses: (XMLElementNode, [MatchResponse])?

        var first: XMLElementNode? { options?.0 ?? steps?.0 ?? prompts?.0 ?? responses?.0 }
    }

    /// The body for the declared type, or nil (with a finding) when it does not match.
    private mutating func body(type: ItemType, parts: BodyParts, node: XMLElementNode, id: String) -> ItemBody? {
        let select = node.attribute("select")
        if type != .multiple, let select {
            report("element 'item': select=\"\(select)\" is only for multiple-response items; remove it or set type=\"multiple\"",
                   at: node, item: id)
        }
        let expected: String
        switch type {
        case .single, .multiple:
            if let (_, options) = parts.options, parts.steps == nil, parts.prompts == nil, parts.responses == nil {
                guard type == .multiple else { return .choice(ChoiceBody(options: options)) }
                if let count = select.flatMap(Self.integer), count >= 1 {
                    return .choice(ChoiceBody(options: options, select: count))
                }
                if select == nil {
                    report("element 'item': a multiple-response item needs select=\"N\" (how many options to choose); add it",
                           at: node, item: id)
                }
                return .choice(ChoiceBody(options: options, select: max(1, options.filter(\.isCorrect).count)))
            }
            expected = "<options>"
        case .ordering:
            if let (_, steps) = parts.steps, parts.options == nil, parts.prompts == nil, parts.responses == nil {
                return .ordering(steps)
            }
            expected = "<steps>"
        case .matching:
            if let (_, prompts) = parts.prompts, let (_, responses) = parts.responses,
               parts.options == nil, parts.steps == nil {
                return .matching(MatchingBody(prompts: prompts, responses: responses))
            }
            expected = "<prompts> and <responses>"
        }
        // No body at all is a schema finding already; a body of the wrong kind is ours.
        if let other = parts.first {
            let article = type == .ordering ? "an" : "a"
            report("element 'item': \(article) \(type.rawValue) item needs \(expected), not <\(other.name)>; change the body or the type",
                   at: other, item: id)
        }
        return nil
    }

    // MARK: Parts

    /// `keepSources`: see `Origin.elementSource`.
    private func options(_ node: XMLElementNode, keepSources: Bool) -> [Option] {
        node.mapChildren { child in
            guard child.isBankElement, child.hasName("option"), let id = child.attribute("id"),
                  let (text, rationale) = textAndRationale(child) else { return nil }
            return Option(id: id, text: text, isCorrect: child.attribute("correct").map(Self.flag) ?? false,
                          rationale: rationale, origin: elementOrigin(child, "option", keepSource: keepSources))
        }
    }

    private func steps(_ node: XMLElementNode) -> [Step] {
        node.mapChildren { child in
            guard child.isBankElement, child.hasName("step"), let id = child.attribute("id"),
                  let (text, rationale) = textAndRationale(child) else { return nil }
            return Step(id: id, text: text, rationale: rationale, origin: origin(child))
        }
    }

    private func prompts(_ node: XMLElementNode) -> [MatchPrompt] {
        node.mapChildren { child in
            guard child.isBankElement, child.hasName("prompt"), let id = child.attribute("id"),
                  let response = child.attribute("response"),
                  let (text, rationale) = textAndRationale(child) else { return nil }
            return MatchPrompt(id: id, text: text, responseID: response, rationale: rationale, origin: origin(child))
        }
    }

    private func responses(_ node: XMLElementNode) -> [MatchResponse] {
        node.mapChildren { child in
            guard child.isBankElement, child.hasName("response"), let id = child.attribute("id"),
                  let (text, _) = textAndRationale(child) else { return nil }
            return MatchResponse(id: id, text: text, origin: origin(child))
        }
    }

    /// The `<text>` (required) and `<rationale>` (optional) children of a part.
    private func textAndRationale(_ node: XMLElementNode) -> (Text, String?)? {
        var value: Text?
        var rationale: String?
        for child in node.children where child.isBankElement {
            if child.hasName("text") {
                value = text(child)
            } else if child.hasName("rationale") {
                rationale = TextNormalization.normalize(child.text)
            }
        }
        return value.map { ($0, rationale) }
    }

    private func references(_ node: XMLElementNode) -> [Reference] {
        node.mapChildren { child in
            guard child.isBankElement, let title = child.attribute("title"), let url = child.attribute("url") else {
                return nil
            }
            return Reference(title: TextNormalization.normalize(title), url: url)
        }
    }

    private func enemies(_ node: XMLElementNode) -> [EnemyReference] {
        node.mapChildren { child in
            guard child.isBankElement, let ref = child.attribute("ref") else { return nil }
            return EnemyReference(ref, origin: elementOrigin(child, "enemy"))
        }
    }

    private mutating func stats(_ node: XMLElementNode, item: String) -> ItemStats {
        func number(_ name: String) -> Double? { node.attribute(name).flatMap(Self.double) }
        var responses: Int?
        if let raw = node.attribute("responses") {
            responses = Self.integer(raw)
            if responses == nil, raw.allSatisfy({ $0.isWholeNumber || $0.isWhitespace || $0 == "+" }) {
                report("element 'stats': attribute 'responses' is too large (\(raw))", at: node, item: item)
            }
        }
        return ItemStats(pValue: number("pValue"), pointBiserial: number("pointBiserial"), responses: responses,
                         irtA: number("irtA"), irtB: number("irtB"), irtC: number("irtC"),
                         irtSeA: number("irtSeA"), irtSeB: number("irtSeB"), irtSeC: number("irtSeC"), irtModel: node.attribute("irtModel"),
                         source: node.attribute("source"), forms: node.attribute("forms"), window: node.attribute("window"),
                         angoff: number("angoff"))
    }

    // MARK: Lexical values (XSD collapses white space in these types)

    static func integer(_ raw: String) -> Int? { Int(raw) ?? Int(raw.trimmingXMLSpace()) }
    static func double(_ raw: String) -> Double? { Double(raw) ?? Double(raw.trimmingXMLSpace()) }
    static func flag(_ raw: String) -> Bool { raw == "true" || raw.trimmingXMLSpace() == "true" }
}

extension String {
    fileprivate func trimmingXMLSpace() -> Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        var trimmed = self[...]
        while let first = trimmed.first, isSpace(first) { trimmed.removeFirst() }
        while let last = trimmed.last, isSpace(last) { trimmed.removeLast() }
        return trimmed
    }
}

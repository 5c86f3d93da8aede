import CCmarkGFM
import QBankCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a text's Markdown source into `RichText` with cmark-gfm (the parser GitHub uses;
/// tables and autolinks from its GFM extensions). Constructs outside the documented subset
/// keep their words: headings and block quotes read as their paragraphs, raw HTML as literal
/// text, so nothing an author wrote disappears from a preview or an export.
public enum MarkdownReader {
    public static func read(_ source: String) -> RichText {
        RichText(withDocument(source) { root in blocks(under: root) })
    }

    /// Parses `source` and hands the document node to `body`; the tree is freed afterwards.
    static func withDocument<Result>(_ source: String, _ body: (OpaquePointer) -> Result) -> Result {
        registerExtensions
        let parser = cmark_parser_new(CMARK_OPT_SOURCEPOS)!
        defer { cmark_parser_free(parser) }
        for name in ["table", "autolink"] {
            if let extensionPointer = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, extensionPointer) }
        }
        var bytes = Array(source.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { cmark_parser_feed(parser, $0, buffer.count) }
            }
        }
        let root = cmark_parser_finish(parser)!
        defer { cmark_node_free(root) }
        return body(root)
    }

    /// cmark-gfm's extension registry is process-wide; registering once is enough.
    private static let registerExtensions: Void = { cmark_gfm_core_extensions_ensure_registered() }()

    static func children(of node: OpaquePointer) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            result.append(current)
            child = cmark_node_next(current)
        }
        return result
    }

    static func kind(_ node: OpaquePointer) -> String { String(cString: cmark_node_get_type_string(node)) }
    static func literal(_ node: OpaquePointer) -> String { cmark_node_get_literal(node).map { xmlSafe(String(cString: $0)) } ?? "" }
    static func url(_ node: OpaquePointer) -> String { cmark_node_get_url(node).map { xmlSafe(String(cString: $0)) } ?? "" }

    /// A character reference can spell what XML 1.0 forbids (`&#1;`); as CommonMark does for `&#0;`, it becomes
    /// U+FFFD, so no rendering of the text (QTI, Moodle, HTML) holds a character its own reader refuses (issue #12).
    static func xmlSafe(_ text: String) -> String {
        guard !text.unicodeScalars.allSatisfy(XMLCharacters.isAllowed) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { out.append(XMLCharacters.isAllowed(scalar) ? scalar : "\u{FFFD}") }
        return String(out)
    }

    private static func blocks(under node: OpaquePointer) -> [RichBlock] {
        children(of: node).flatMap(block)
    }

    private static func block(_ node: OpaquePointer) -> [RichBlock] {
        switch kind(node) {
        case "paragraph":
            let inlines = self.inlines(under: node)
            if inlines.count == 1, case .image(let image) = inlines[0] { return [.image(image)] }
            return [.paragraph(inlines)]
        case "heading": return [.paragraph(inlines(under: node))]
        case "code_block":
            var code = literal(node)
            if code.hasSuffix("\n") { code.removeLast() }
            let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
            let language = info.split(whereSeparator: \.isWhitespace).first.map(String.init)
            return [.code(language: language, text: code)]
        case "list":
            let start = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST ? Int(cmark_node_get_list_start(node)) : nil
            return [.list(start: start, items: children(of: node).map(blocks(under:)))]
        case "table":
            let rows = children(of: node).map { row in
                children(of: row).map { inlines(under: $0) }
            }
            guard let header = rows.first else { return [] }
            return [.table(header: header, rows: Array(rows.dropFirst()))]
        case "html_block":
            var html = literal(node)
            if html.hasSuffix("\n") { html.removeLast() }
            return [.paragraph([.text(html)])]
        case "thematic_break": return []
        default: return blocks(under: node)  // block quotes: their content
        }
    }

    private static func inlines(under node: OpaquePointer) -> [RichInline] {
        var result: [RichInline] = []
        for child in children(of: node) {
            let inline: RichInline
            switch kind(child) {
            case "text", "html_inline": inline = .text(literal(child))
            case "softbreak": inline = .text(" ")
            case "linebreak": inline = .lineBreak
            case "code": inline = .code(literal(child))
            case "strong": inline = .strong(inlines(under: child))
            case "emph": inline = .emphasis(inlines(under: child))
            case "link": inline = .link(destination: url(child), inlines(under: child))
            case "image":
                let alt = inlines(under: child).map(\.plainText).joined()
                let title = cmark_node_get_title(child).map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 }
                inline = .image(RichImage(source: url(child), alt: alt, title: title,
                                          lineOffset: Int(cmark_node_get_start_line(child)) - 1))
            default: inline = .text(inlines(under: child).map(\.plainText).joined())
            }
            // Adjacent text runs (cmark splits at entities and brackets) read as one.
            if case .text(let text) = inline, case .text(let previous)? = result.last {
                result[result.count - 1] = .text(previous + text)
            } else {
                result.append(inline)
            }
        }
        return result
    }

    /// Whether the text holds "](", without which it names no inline image: callers skip
    /// the parser for the rest. A byte scan, because Foundation's `contains` bridged every
    /// text to UTF-16 and cost about a fifth of a cold lint.
    public static func mayNameImage(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { holdsPair(UInt8(ascii: "]"), UInt8(ascii: "("), in: $0) }
    }

    /// Whether `first` is immediately followed by `second` somewhere in `bytes`. `memchr` jumps
    /// from one `second` to the next: every text of every item is asked this several times.
    static func holdsPair(_ first: UInt8, _ second: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress, bytes.count > 1 else { return false }
        var from = 1
        while from < bytes.count, let hit = memchr(base + from, Int32(second), bytes.count - from) {
            let index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if bytes[index - 1] == first { return true }
            from = index + 1
        }
        return false
    }
}

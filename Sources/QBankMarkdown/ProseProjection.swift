import CCmarkGFM
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import QBankCore

/// The words of a text that prose rules judge: paragraphs, headings and list items as
/// the author wrote them (markup included, as rules have always seen it); code blocks,
/// tables, raw HTML and exhibit images left out, because a "not" in a policy or a
/// repeated word in a table cell says nothing about how the item is worded.
public enum ProseProjection {
    public static func prose(_ source: String) -> String {
        guard mayHoldBlocks(source) else { return source }
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.utf8) }
        let pieces = MarkdownReader.withDocument(source) { root in proseBlocks(under: root, lines: lines) }
        let prose = pieces.joined(separator: "\n\n")
        // A text that is nothing but code, a table or an exhibit (an option that is a code line) keeps its
        // words, so rules that need some text (empty, duplicate, length) do not judge it empty.
        guard prose.allSatisfy(\.isWhitespace), !source.allSatisfy(\.isWhitespace) else { return prose }
        return MarkdownReader.read(source).blocks.map(\.plainText).joined(separator: "\n\n")
    }

    /// A one-line text is a paragraph unless it holds an image or a link: the common case
    /// skips the parser. (Code fences and tables always span lines once normalised.)
    public static func mayHoldBlocks(_ source: String) -> Bool {
        var source = source
        return source.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, 0x0A, bytes.count) != nil
                || MarkdownReader.holdsPair(UInt8(ascii: "!"), UInt8(ascii: "["), in: bytes)
                || MarkdownReader.holdsPair(UInt8(ascii: "]"), UInt8(ascii: "("), in: bytes)
        }
    }

    private static func proseBlocks(under node: OpaquePointer, lines: [[UInt8]]) -> [String] {
        MarkdownReader.children(of: node).flatMap { child -> [String] in
            switch MarkdownReader.kind(child) {
            case "paragraph": paragraph(child, lines: lines).map { [$0] } ?? []
            case "heading": [inlineProse(child)]
            case "code_block", "table", "html_block", "thematic_break": []
            default: proseBlocks(under: child, lines: lines)  // lists, items, block quotes
            }
        }
    }

    /// The paragraph's own source when it is plain words and inline markup; rebuilt from
    /// its inlines (images dropped, links as their words) otherwise. Nil for an exhibit.
    private static func paragraph(_ node: OpaquePointer, lines: [[UInt8]]) -> String? {
        let inlines = MarkdownReader.children(of: node)
        if inlines.count == 1, MarkdownReader.kind(inlines[0]) == "image" { return nil }
        if containsImageOrLink(node) { return inlineProse(node) }
        let firstLine = Int(cmark_node_get_start_line(node)) - 1, lastLine = Int(cmark_node_get_end_line(node)) - 1
        guard firstLine >= 0, lastLine < lines.count, firstLine <= lastLine else { return inlineProse(node) }
        var parts: [String] = []
        for index in firstLine...lastLine {
            var bytes = lines[index][...]
            if index == firstLine { bytes = bytes.dropFirst(max(0, Int(cmark_node_get_start_column(node)) - 1)) }
            if index == lastLine { bytes = bytes.prefix(max(0, Int(cmark_node_get_end_column(node)) - (index == firstLine ? Int(cmark_node_get_start_column(node)) - 1 : 0))) }
            let line = String(decoding: bytes, as: UTF8.self)
            parts.append(index == firstLine ? line : String(line.drop(while: \.isWhitespace)))
        }
        return parts.joined(separator: " ")
    }

    private static func containsImageOrLink(_ node: OpaquePointer) -> Bool {
        MarkdownReader.children(of: node).contains { child in
            let kind = MarkdownReader.kind(child)
            return kind == "image" || kind == "link" || containsImageOrLink(child)
        }
    }

    /// Inline content as prose: text and code as written, emphasis kept as `**`/`*`, links as their words.
    private static func inlineProse(_ node: OpaquePointer) -> String {
        MarkdownReader.children(of: node).map { child -> String in
            switch MarkdownReader.kind(child) {
            case "text", "html_inline": MarkdownReader.literal(child)
            case "code": "`" + MarkdownReader.literal(child) + "`"
            case "softbreak", "linebreak": " "
            case "strong": "**" + inlineProse(child) + "**"
            case "emph": "*" + inlineProse(child) + "*"
            case "image": ""
            default: inlineProse(child)
            }
        }.joined()
    }
}

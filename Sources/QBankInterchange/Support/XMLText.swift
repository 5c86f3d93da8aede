import QBankCore

/// A small XML printer for exporters: two-space indentation, attributes in the
/// order given, text escaped. Output is deterministic byte for byte.
struct XMLText {
    private(set) var text = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
    private var depth = 0

    static func escape(_ value: String, attribute: Bool = false) -> String {
        attribute ? XMLEscaping.attribute(value) : XMLEscaping.text(value)
    }

    static func attributes(_ pairs: [(String, String)]) -> String {
        pairs.map { " \($0.0)=\"\(escape($0.1, attribute: true))\"" }.joined()
    }

    mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
        line("<\(name)\(Self.attributes(attributes))>")
        depth += 1
    }

    mutating func close(_ name: String) {
        depth -= 1
        line("</\(name)>")
    }

    mutating func empty(_ name: String, _ attributes: [(String, String)] = []) {
        line("<\(name)\(Self.attributes(attributes))/>")
    }

    /// An element whose content is plain text.
    mutating func element(_ name: String, _ attributes: [(String, String)] = [], text value: String) {
        line("<\(name)\(Self.attributes(attributes))>\(Self.escape(value))</\(name)>")
    }

    /// An element whose content is already markup (XHTML built by `HTMLText`).
    mutating func element(_ name: String, _ attributes: [(String, String)] = [], markup: String) {
        line("<\(name)\(Self.attributes(attributes))>\(markup)</\(name)>")
    }

    /// Block markup (lines of XHTML from `RichHTML`), each line at the current depth; lines
    /// inside `<pre>` are left alone, since their white space is content.
    mutating func markup(_ blocks: String) {
        var inPre = false
        for line in blocks.split(separator: "\n", omittingEmptySubsequences: false).dropLast(blocks.hasSuffix("\n") ? 1 : 0) {
            if inPre { text += line + "\n" } else { self.line(String(line)) }
            if line.contains("<pre>") { inPre = true }
            if line.contains("</pre>") { inPre = false }
        }
    }

    mutating func line(_ content: String) {
        text += String(repeating: "  ", count: depth) + content + "\n"
    }
}

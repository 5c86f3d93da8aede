import QBankCore
import QBankXML

/// The state of one HTML-to-Markdown conversion (see `HTMLText.plain`): a stack of
/// output buffers (table cells write into their own), the open lists and links.
struct HTMLToMarkdown {
    let html: String
    let place: HTMLText.ImagePlacer
    private var buffers = [""]
    private var lists: [(ordered: Bool, next: Int)] = []
    private var links: [String?] = []
    private var rows: [[String]] = []
    private var row: [String]?
    private(set) var lost: [String] = []
    private(set) var unplacedImages = 0

    init(html: String, place: @escaping HTMLText.ImagePlacer) {
        self.html = html
        self.place = place
    }

    var output: String { buffers[0] }

    private var inCell: Bool { buffers.count > 1 }
    /// Inside a list item or a cell a block break would end the list or the row: a space instead.
    private var blockBreak: String { inCell || !lists.isEmpty ? " " : "\n\n" }

    private mutating func write(_ text: String) { buffers[buffers.count - 1] += text }

    /// Scalar by scalar, not Character by Character: a "<" or "&" followed by a combining mark is one Character,
    /// and still markup.
    mutating func run() {
        visit(SafeXML.htmlFragment(HTML5Entities.numericReferences(in: html)))
        for entity in Self.unknownEntities(in: html) { lost.append("HTML entity '\(entity)' (unknown; kept as written)") }
        while inCell { _ = buffers.popLast() }
    }

    /// Walks the tree libxml2's HTML parser built (entities decoded, unclosed tags closed).
    private mutating func visit(_ nodes: [XMLTreeNode]) {
        for node in nodes {
            switch node {
            case .text(let text):
                write(String(text.map { $0.isNewline || $0 == "\t" || $0 == "\u{00A0}" ? " " : $0 }))
            case .element(let element):
                let name = element.name.split(separator: ":").last.map { $0.lowercased() } ?? ""
                if name == "pre" { preformatted(element); continue }
                if name == "script" || name == "style" || name == "head" { continue }
                self.element(name, closing: false, attributes: element.attributes)
                visit(element.children)
                if !["br", "img", "hr"].contains(name) { self.element(name, closing: true, attributes: element.attributes) }
            }
        }
    }

    /// Named entities HTML5 does not define stay as text (`&nosuch;`): named so they are reported.
    /// Read in the source, not in the decoded text, where an escaped `&amp;amp;` is the innocent text "&amp;".
    static func unknownEntities(in html: String) -> [String] {
        guard html.contains("&") else { return [] }
        return html.matches(of: /&([A-Za-z][A-Za-z0-9]{1,31});/)
            .filter { HTML5Entities.table[String($0.output.1)] == nil }
            .map { String($0.output.0) }
    }

    private mutating func element(_ name: String, closing: Bool, attributes: [String: String]) {
        switch name {
        case "br", "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "figure", "figcaption": write(blockBreak)
        case "strong", "b": write("**")
        case "em", "i": write("*")
        case "code", "tt", "kbd", "samp": write("`")
        case "a":
            if closing {
                if let href = links.popLast() { write(href.map { "](\($0))" } ?? "") }
            } else {
                let href = attributes["href"].flatMap { $0.isEmpty || $0.hasPrefix("#") ? nil : $0 }
                links.append(href)
                if href != nil { write("[") }
            }
        case "ul", "ol":
            if closing {
                _ = lists.popLast()
                write(lists.isEmpty ? "\n\n" : "")
            } else {
                let start = attributes["start"].flatMap { Int($0) } ?? 1
                if lists.isEmpty { write("\n\n") }
                lists.append((name == "ol", start))
            }
        case "li" where !closing && !lists.isEmpty:
            let depth = lists.count - 1
            let marker = lists[depth].ordered ? "\(lists[depth].next). " : "- "
            lists[depth].next += 1
            write("\n" + String(repeating: "   ", count: depth) + marker)
        case "table": if closing { table() } else { rows = []; write("\n\n") }
        case "tr": if closing { if let row { rows.append(row) }; row = nil } else { row = [] }
        case "td", "th":
            if closing {
                guard inCell else { break }
                let cell = buffers.removeLast().split(whereSeparator: \.isWhitespace).joined(separator: " ")
                row?.append(cell.replacingOccurrences(of: "|", with: "\\|"))
            } else {
                buffers.append("")
            }
        case "img" where !closing:
            image(attributes["src"], alt: attributes["alt"] ?? "")
        case "object" where !closing:
            if let type = attributes["type"], type.hasPrefix("image/") {
                image(attributes["data"], alt: "")
            } else {
                lost.append("object element")
            }
        case "audio", "video", "embed", "iframe": if !closing { lost.append("\(name) element") }
        case "math": if !closing { lost.append("MathML (kept as text)") }
        default: break
        }
    }

    private mutating func image(_ source: String?, alt: String) {
        guard let source, let path = place(source) else {
            unplacedImages += 1
            lost.append("image" + (source.map { " '\($0)'" } ?? ""))
            return
        }
        let text = alt.replacingOccurrences(of: "]", with: "\\]")
        write(inCell || !lists.isEmpty ? "![\(text)](\(path))" : "\n\n![\(text)](\(path))\n\n")
    }

    /// `<pre>` to a fenced block: its text exactly (tags dropped, entities decoded).
    private mutating func preformatted(_ element: XMLTreeElement) {
        let language = Self.language(element["class"]) ?? element.element("code").flatMap { Self.language($0["class"]) }
        var inner = Substring(element.text)
        while inner.hasPrefix("\n") || inner.hasPrefix("\r\n") { inner = inner.drop { $0 == "\n" || $0 == "\r\n" } }
        while inner.last == "\n" || inner.last == "\r\n" { inner = inner.dropLast() }
        let fence = inner.contains("```") ? "~~~~" : "```"
        write("\n\n\(fence)\(language ?? "")\n\(inner)\n\(fence)\n\n")
    }

    private static func language(_ classes: String?) -> String? {
        guard let classes else { return nil }
        return classes.split(separator: " ").first { $0.hasPrefix("language-") || $0.hasPrefix("lang-") }
            .map { String($0.drop { $0 != "-" }.dropFirst()) }
    }

    /// The collected rows as a GFM table, the first row as its header.
    private mutating func table() {
        if let row { rows.append(row) }
        row = nil
        guard let header = rows.first, !header.isEmpty else { return }
        let width = rows.map(\.count).max() ?? header.count
        func line(_ cells: [String]) -> String {
            "| " + (cells + Array(repeating: "", count: width - cells.count)).joined(separator: " | ") + " |"
        }
        let lines = [line(header), "|" + Array(repeating: "---", count: width).joined(separator: "|") + "|"] + rows.dropFirst().map(line)
        write("\n\n" + lines.joined(separator: "\n") + "\n\n")
        rows = []
    }
}

import QBankCore

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
        let scalars = html.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if scalar == "<", let close = scalars[index...].firstIndex(of: ">") {
                let tag = Substring(scalars[scalars.index(after: index)..<close])
                index = scalars.index(after: close)
                let (name, closing) = HTMLText.tagName(tag)
                if name == "pre" && !closing { index = preformatted(tag, from: index); continue }
                if ["script", "style"].contains(name) && !closing { index = skip(name, from: index); continue }
                element(name, closing: closing, tag: tag)
                continue
            }
            if scalar == "&", let entity = HTMLText.decodeEntity(scalars[index...]) {
                write(entity.text == "\u{00A0}" ? " " : entity.text)
                index = scalars.index(index, offsetBy: entity.length)
                continue
            }
            index = scalars.index(after: index)
            if scalar == "\r", index < scalars.endIndex, scalars[index] == "\n" { index = scalars.index(after: index) }
            write(Character(scalar).isNewline || scalar == "\t" ? " " : String(scalar))
        }
        while inCell { _ = buffers.popLast() }
    }

    private mutating func element(_ name: String, closing: Bool, tag: Substring) {
        switch name {
        case "br", "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "figure", "figcaption": write(blockBreak)
        case "strong", "b": write("**")
        case "em", "i": write("*")
        case "code", "tt", "kbd", "samp": write("`")
        case "a":
            if closing {
                if let href = links.popLast() { write(href.map { "](\($0))" } ?? "") }
            } else {
                let href = HTMLText.attribute("href", in: tag).flatMap { $0.isEmpty || $0.hasPrefix("#") ? nil : $0 }
                links.append(href)
                if href != nil { write("[") }
            }
        case "ul", "ol":
            if closing {
                _ = lists.popLast()
                write(lists.isEmpty ? "\n\n" : "")
            } else {
                let start = HTMLText.attribute("start", in: tag).flatMap { Int($0) } ?? 1
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
            image(HTMLText.attribute("src", in: tag), alt: HTMLText.attribute("alt", in: tag) ?? "")
        case "object" where !closing:
            if let type = HTMLText.attribute("type", in: tag), type.hasPrefix("image/") {
                image(HTMLText.attribute("data", in: tag), alt: "")
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
    private mutating func preformatted(_ tag: Substring, from start: String.Index) -> String.Index {
        let end = html.range(of: "</pre", options: .caseInsensitive, range: start..<html.endIndex)
        var inner = Substring(html.unicodeScalars[start..<(end?.lowerBound ?? html.endIndex)])
        var language = Self.language(in: tag)
        if inner.hasPrefix("<code"), let close = inner.firstIndex(of: ">") {
            language = language ?? Self.language(in: inner[..<close])
        }
        var code = ""
        let scalars = inner.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            if scalars[index] == "<", let close = scalars[index...].firstIndex(of: ">") { index = scalars.index(after: close); continue }
            if scalars[index] == "&", let entity = HTMLText.decodeEntity(scalars[index...]) {
                code += entity.text
                index = scalars.index(index, offsetBy: entity.length)
                continue
            }
            code.unicodeScalars.append(scalars[index])
            index = scalars.index(after: index)
        }
        inner = Substring(code)
        while inner.hasPrefix("\n") || inner.hasPrefix("\r\n") { inner = inner.drop { $0 == "\n" || $0 == "\r\n" } }
        while inner.last == "\n" || inner.last == "\r\n" { inner = inner.dropLast() }
        let fence = inner.contains("```") ? "~~~~" : "```"
        write("\n\n\(fence)\(language ?? "")\n\(inner)\n\(fence)\n\n")
        guard let end, let close = html.unicodeScalars[end.upperBound...].firstIndex(of: ">") else { return html.endIndex }
        return html.unicodeScalars.index(after: close)
    }

    private static func language(in tag: Substring) -> String? {
        guard let classes = HTMLText.attribute("class", in: tag) else { return nil }
        return classes.split(separator: " ").first { $0.hasPrefix("language-") || $0.hasPrefix("lang-") }
            .map { String($0.drop { $0 != "-" }.dropFirst()) }
    }

    private mutating func skip(_ name: String, from start: String.Index) -> String.Index {
        guard let end = html.range(of: "</\(name)", options: .caseInsensitive, range: start..<html.endIndex),
              let close = html.unicodeScalars[end.upperBound...].firstIndex(of: ">") else { return html.endIndex }
        return html.unicodeScalars.index(after: close)
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

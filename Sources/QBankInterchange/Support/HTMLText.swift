import QBankCore

/// Turns the HTML that QTI, Moodle, Canvas and Markdown banks put in text into the
/// bank's plain text, and back.
///
/// Bank text is plain with `**bold**` and `` `code` `` marks (Schemas/README.md).
/// Reading keeps paragraphs (`<p>`, `<br>`, `<div>`, `<li>`), turns `<strong>`/`<b>`
/// into `**` and `<code>` into backticks, decodes entities and drops every other tag;
/// what carries content the bank cannot hold (an image, audio, a table, math) is
/// named in `lost` so the importer can report it.
public enum HTMLText {
    public struct Converted: Sendable {
        public var text: String
        public var lost: [String]
    }

    public static func plain(_ html: String) -> Converted {
        // Scalar by scalar: a "<", "&" or ";" followed by a combining mark is one Character, and still markup.
        let scalars = Array(html.unicodeScalars)
        var out = String.UnicodeScalarView()
        var lost: [String] = []
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "<", let close = scalars[index...].firstIndex(of: ">") {
                let tag = Substring(String(String.UnicodeScalarView(scalars[(index + 1)..<close])))
                let (name, closing) = tagName(tag)
                switch name {
                case "br", "p", "div", "li", "ul", "ol", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre":
                    out.append(contentsOf: "\n\n".unicodeScalars)
                case "strong", "b": out.append(contentsOf: "**".unicodeScalars)
                case "code", "tt": out.append("`")
                case "img": lost.append("image" + (attribute("src", in: tag).map { " '\($0)'" } ?? ""))
                case "audio", "video", "object", "embed", "iframe": if !closing { lost.append("\(name) element") }
                case "table": if !closing { lost.append("table layout (cells kept as text)") }
                case "math": if !closing { lost.append("MathML (kept as text)") }
                case "td", "th": out.append(" ")
                default: break
                }
                index = close + 1
                continue
            }
            if scalar == "&", let entity = decodeEntity(scalars[index...]) {
                out.append(contentsOf: entity.text.unicodeScalars)
                index += entity.length
                continue
            }
            out.append(scalar)
            index += 1
        }
        let decoded = String(out)
        if decoded.contains("@@PLUGINFILE@@") { lost.append("embedded file reference (@@PLUGINFILE@@)") }
        var text = TextNormalization.normalize(decoded)
        // `**` around nothing (e.g. <b></b>) is noise.
        text = text.replacingOccurrences(of: "****", with: "")
        return Converted(text: text, lost: Array(Set(lost)).sorted())
    }

    /// Only entities and `<br>`: for plain-text formats that allow a little HTML.
    public static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if scalars[index] == "&", let entity = decodeEntity(scalars[index...]) {
                out.append(contentsOf: entity.text.unicodeScalars)
                index += entity.length
            } else {
                out.append(scalars[index])
                index += 1
            }
        }
        return String(out)
    }

    /// Bank text as XHTML paragraphs (`<p>…</p>`), with `**`/`` ` `` as `<strong>`/`<code>`.
    public static func xhtml(_ text: String) -> String {
        text.components(separatedBy: "\n\n").map { "<p>\(inline($0))</p>" }.joined()
    }

    /// One paragraph's inline markup, escaped for XML.
    public static func inline(_ text: String) -> String {
        var out = ""
        var bold = false, code = false
        var index = text.startIndex
        while index < text.endIndex {
            let rest = text[index...]
            if !code, rest.hasPrefix("**"), bold || rest.dropFirst(2).contains("**") {
                out += bold ? "</strong>" : "<strong>"
                bold.toggle()
                index = text.index(index, offsetBy: 2)
                continue
            }
            if text[index] == "`", code || rest.dropFirst().contains("`") {
                out += code ? "</code>" : "<code>"
                code.toggle()
                index = text.index(after: index)
                continue
            }
            // XMLEscaping works scalar by scalar: "<" followed by a combining mark is one Character, and still escaped.
            out += XMLEscaping.attribute(String(text[index]))
            index = text.index(after: index)
        }
        if code { out += "</code>" }
        if bold { out += "</strong>" }
        return out
    }

    private static func tagName(_ tag: Substring) -> (String, Bool) {
        var body = tag
        let closing = body.first == "/"
        if closing { body = body.dropFirst() }
        let name = body.prefix { $0.isLetter || $0.isNumber || $0 == ":" || $0 == "-" }
        let local = name.split(separator: ":").last.map(String.init) ?? ""
        return (local.lowercased(), closing)
    }

    private static func attribute(_ name: String, in tag: Substring) -> String? {
        guard let range = tag.range(of: "\(name)=") else { return nil }
        var rest = tag[range.upperBound...]
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        rest = rest.dropFirst()
        return String(rest.prefix { $0 != quote })
    }

    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ndash": "–", "mdash": "—",
        "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "hellip": "…", "eacute": "é", "egrave": "è",
        "ecirc": "ê", "agrave": "à", "acirc": "â", "ccedil": "ç", "ouml": "ö", "uuml": "ü", "auml": "ä",
        "szlig": "ß", "copy": "©", "reg": "®", "trade": "™", "deg": "°", "times": "×", "divide": "÷",
        "laquo": "«", "raquo": "»", "euro": "€", "pound": "£", "iacute": "í", "oacute": "ó", "aacute": "á",
        "uacute": "ú", "ntilde": "ñ", "middot": "·", "bull": "•", "le": "≤", "ge": "≥", "ne": "≠", "rarr": "→",
    ]

    /// An entity at the start of `text`: its characters and how many scalars it spans.
    private static func decodeEntity(_ text: ArraySlice<Unicode.Scalar>) -> (text: String, length: Int)? {
        guard let semicolon = text.prefix(12).firstIndex(of: ";") else { return nil }
        let body = String(String.UnicodeScalarView(text[(text.startIndex + 1)..<semicolon]))
        let length = semicolon - text.startIndex + 1
        if body.hasPrefix("#") {
            let digits = body.dropFirst()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            guard let value, let scalar = Unicode.Scalar(value) else { return nil }
            return (String(Character(scalar)), length)
        }
        guard let decoded = named[body] else { return nil }
        return (decoded, length)
    }
}

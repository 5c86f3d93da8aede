import QBankCore
import QBankXML

/// Turns the HTML that QTI, Moodle, Canvas and Markdown banks put in text into the
/// bank's Markdown text (Schemas/README.md), and back.
///
/// Reading parses the fragment with libxml2's HTML parser (`SafeXML.htmlFragment`: entities
/// decoded: HTML 4's from its table, HTML5's others turned into numeric references first
/// (`HTML5Entities`); unclosed tags closed as a browser would; a name HTML5 does not define is reported) and keeps paragraphs (`<p>`, `<br>`, `<div>`), `<strong>`/`<b>`, `<em>`/`<i>`,
/// `<code>`, links, `<pre>` as a fenced code block (white space exact, language from a
/// `language-…` class), `<ul>`/`<ol>` as lists (nested), `<table>` as a table whose first
/// row is the header, and `<img>` (or an image `<object>`) as an image when `image` gives
/// it a bank path. What the bank cannot hold (audio, video, embedded frames, MathML, an
/// image with no file) is named in `lost` so the importer can report it.
public enum HTMLText {
    public struct Converted: Sendable {
        public var text: String
        public var lost: [String]
    }

    /// Where an image of the source goes in the bank (a relative path), or nil when its file is not available.
    public typealias ImagePlacer = (_ source: String) -> String?

    public static func plain(_ html: String, image: @escaping ImagePlacer = { _ in nil }) -> Converted {
        var converter = HTMLToMarkdown(html: html, place: image)
        converter.run()
        var text = TextNormalization.normalize(converter.output)
        // `**` around nothing (e.g. <b></b>) is noise.
        text = text.replacingOccurrences(of: "****", with: "")
        var lost = converter.lost
        if html.contains("@@PLUGINFILE@@") && converter.unplacedImages > 0 { lost.append("embedded file reference (@@PLUGINFILE@@)") }
        return Converted(text: text, lost: Array(Set(lost)).sorted())
    }

    /// Only entities and `<br>`: for plain-text formats that allow a little HTML.
    public static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        // Scalar by scalar: a "&" or ";" followed by a combining mark is one Character, and still an entity's edge.
        let scalars = text.unicodeScalars
        var out = String.UnicodeScalarView()
        var index = scalars.startIndex
        while index < scalars.endIndex {
            if scalars[index] == "&", let entity = decodeEntity(scalars[index...]) {
                out.append(contentsOf: entity.text.unicodeScalars)
                index = scalars.index(index, offsetBy: entity.length)
            } else {
                out.append(scalars[index])
                index = scalars.index(after: index)
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

    /// An entity at the start of `text`: its characters and how many Unicode scalars it spans (callers step
    /// scalar by scalar, so a "&" or ";" carrying a combining mark is still seen). Named entities: HTML5's.
    static func decodeEntity(_ text: Substring.UnicodeScalarView) -> (text: String, length: Int)? {
        guard let semicolon = text.prefix(12).firstIndex(of: ";") else { return nil }
        let body = String(text[text.index(after: text.startIndex)..<semicolon])
        let length = text.distance(from: text.startIndex, to: semicolon) + 1
        if body.hasPrefix("#") {
            let digits = body.dropFirst()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            guard let value, let scalar = Unicode.Scalar(value) else { return nil }
            return (String(Character(scalar)), length)
        }
        guard let decoded = HTML5Entities.table[body] else { return nil }
        return (decoded, length)
    }
}

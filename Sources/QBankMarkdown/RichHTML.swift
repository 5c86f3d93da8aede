import Foundation
import QBankCore

/// Item text as XHTML (well-formed XML and HTML alike): the one renderer previews,
/// booklets and the QTI and Moodle exports share. Only the subset's elements are
/// written — p, pre/code, ul/ol/li, table/thead/tbody/tr/th/td, img, strong, em, code, a,
/// br — all of which QTI 2.1 and 3.0 item bodies allow.
public struct RichHTML: Sendable {
    /// The `src` an image gets: a data URI, a path inside a package, or nil to keep the path as written.
    public var imageSource: @Sendable (RichImage) -> String?
    /// Class attributes on code blocks (`language-python`), which QTI and Moodle importers read back.
    public var languageClasses: Bool

    public init(languageClasses: Bool = true, imageSource: @escaping @Sendable (RichImage) -> String? = { _ in nil }) {
        self.imageSource = imageSource
        self.languageClasses = languageClasses
    }

    /// Images as `data:` URIs from the loader's media, so a single HTML file shows them.
    public static func embedding(_ media: [String: MediaFile]) -> RichHTML {
        RichHTML { image in
            guard let file = media[image.source], let kind = file.kind, !file.bytes.isEmpty else { return nil }
            return "data:\(kind.mimeType);base64,\(Data(file.bytes).base64EncodedString())"
        }
    }

    /// Block markup: paragraphs in `<p>`.
    public func blocks(_ source: String) -> String {
        MarkdownReader.read(source).blocks.map(block).joined()
    }

    /// A text that is one paragraph as inline markup (for a list entry or a heading);
    /// anything richer as blocks.
    public func fragment(_ source: String) -> String {
        let rich = MarkdownReader.read(source)
        if rich.blocks.count == 1, case .paragraph(let inlines) = rich.blocks[0] { return inlines.map(inline).joined() }
        return rich.blocks.map(block).joined()
    }

    func block(_ block: RichBlock) -> String {
        switch block {
        case .paragraph(let inlines): return "<p>" + inlines.map(inline).joined() + "</p>\n"
        case .code(let language, let text):
            let attribute = languageClasses ? language.map { " class=\"language-\(XMLEscaping.attribute($0))\"" } ?? "" : ""
            return "<pre><code\(attribute)>\(XMLEscaping.text(text))</code></pre>\n"
        case .list(let start, let items):
            let open = start.map { $0 == 1 ? "<ol>" : "<ol start=\"\($0)\">" } ?? "<ul>"
            let entries = items.map { item -> String in
                if item.count == 1, case .paragraph(let inlines) = item[0] { return "<li>" + inlines.map(inline).joined() + "</li>\n" }
                return "<li>" + item.map(self.block).joined() + "</li>\n"
            }
            return open + "\n" + entries.joined() + (start == nil ? "</ul>\n" : "</ol>\n")
        case .table(let header, let rows):
            let head = "<thead><tr>" + header.map { "<th>" + $0.map(inline).joined() + "</th>" }.joined() + "</tr></thead>"
            let body = rows.map { "<tr>" + $0.map { "<td>" + $0.map(inline).joined() + "</td>" }.joined() + "</tr>\n" }.joined()
            return "<table>\n\(head)\n<tbody>\n\(body)</tbody>\n</table>\n"
        case .image(let image): return "<p>" + img(image) + "</p>\n"
        }
    }

    func inline(_ inline: RichInline) -> String {
        switch inline {
        case .text(let text): XMLEscaping.text(text)
        case .strong(let children): "<strong>" + children.map(self.inline).joined() + "</strong>"
        case .emphasis(let children): "<em>" + children.map(self.inline).joined() + "</em>"
        case .code(let code): "<code>" + XMLEscaping.text(code) + "</code>"
        case .link(let destination, let children): "<a href=\"\(XMLEscaping.attribute(destination))\">" + children.map(self.inline).joined() + "</a>"
        case .image(let image): img(image)
        case .lineBreak: "<br/>"
        }
    }

    private func img(_ image: RichImage) -> String {
        let title = image.title.map { " title=\"\(XMLEscaping.attribute($0))\"" } ?? ""
        return "<img src=\"\(XMLEscaping.attribute(imageSource(image) ?? image.source))\" alt=\"\(XMLEscaping.attribute(image.alt))\"\(title)/>"
    }
}

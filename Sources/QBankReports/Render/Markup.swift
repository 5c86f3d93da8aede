import QBankCore

/// Escaping and the small inline markup items and reports use: `**bold**` and
/// `` `code` ``. Output is well-formed XML as well as HTML.
public enum Markup {
    /// Text safe inside an element or a double-quoted attribute.
    public static func escape(_ text: String) -> String { XMLEscaping.markup(text) }

    /// `text` as HTML: escaped, with `` `code` `` spans and `**bold**` runs. An unmatched
    /// marker is printed as it is, so authors see what they typed.
    public static func inlineHTML(_ text: String) -> String {
        var out = ""
        for (index, segment) in splitCode(text).enumerated() {
            if index % 2 == 1 { out += "<code>\(escape(segment))</code>"; continue }
            let runs = segment.components(separatedBy: "**")
            out += escape(runs[0])
            var next = 1
            while next < runs.count {
                if next + 1 < runs.count {
                    out += "<strong>\(escape(runs[next]))</strong>" + escape(runs[next + 1])
                    next += 2
                } else {
                    out += "**" + escape(runs[next])
                    next += 1
                }
            }
        }
        return out
    }

    /// Alternating plain and code segments; an unclosed backtick stays plain text.
    private static func splitCode(_ text: String) -> [String] {
        var parts = text.components(separatedBy: "`")
        if parts.count % 2 == 0 {
            let last = parts.removeLast()
            parts[parts.count - 1] += "`" + last
        }
        return parts
    }

    /// Text for a Markdown table cell: pipes escaped, line breaks flattened.
    public static func markdownCell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}

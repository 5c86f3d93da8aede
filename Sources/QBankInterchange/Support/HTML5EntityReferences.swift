import QBankXML

extension HTML5Entities {
    /// `html` with every HTML5 named entity that libxml2's HTML 4 table lacks (`&check;`) written as numeric
    /// references, so its HTML parser decodes them too. Works on the source, where an escaped `&amp;check;` is
    /// text and stays so.
    static func numericReferences(in html: String) -> String {
        guard html.contains("&") else { return html }
        var out = ""
        var rest = html[...]
        while let match = rest.firstMatch(of: /&([A-Za-z][A-Za-z0-9]{1,31});/) {
            out += rest[..<match.range.lowerBound]
            let name = String(match.output.1)
            if SafeXML.htmlEntity(name) == nil, let value = table[name] {
                out += value.unicodeScalars.map { "&#x\(String($0.value, radix: 16));" }.joined()
            } else {
                out += rest[match.range]
            }
            rest = rest[match.range.upperBound...]
        }
        return out + rest
    }
}

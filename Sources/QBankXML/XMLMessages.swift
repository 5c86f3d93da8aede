/// Rewrites libxml2's messages into sentences that say what to do, e.g.
/// `Element '{urn:qbank:bank:1}option', attribute 'correct': 'yes' is not a valid
/// value of the atomic type …` becomes `element 'option': attribute 'correct' must
/// be true or false, not 'yes'`.
enum XMLMessages {
    // MARK: Schema (QB002)

    static func schema(_ raw: String) -> String {
        let text = clean(raw)
        guard text.hasPrefix("Element '") else { return text }
        let afterElement = text.dropFirst("Element '".count)
        guard let nameEnd = afterElement.firstIndex(of: "'") else { return text }
        let element = String(afterElement[..<nameEnd])
        var rest = afterElement[afterElement.index(after: nameEnd)...]

        if rest.hasPrefix(", attribute '") {
            rest = rest.dropFirst(", attribute '".count)
            guard let attrEnd = rest.firstIndex(of: "'") else { return text }
            let attribute = String(rest[..<attrEnd])
            let detail = String(rest[rest.index(after: attrEnd)...])
            if detail.contains("is not allowed") {
                return "element '\(element)': attribute '\(attribute)' is not part of the bank format; remove it"
            }
            var message = "element '\(element)': attribute '\(attribute)' must be \(requirement(element: element, attribute: attribute))"
            if let value = quotedValue(in: detail) { message += ", not '\(value)'" }
            return message
        }
        guard rest.hasPrefix(": ") else { return text }
        let detail = String(rest.dropFirst(2))

        if let attribute = between(detail, "The attribute '", "' is required but missing") {
            return "element '\(element)': add the required attribute '\(attribute)' (\(requirement(element: element, attribute: attribute)))"
        }
        if detail.hasPrefix("This element is not expected.") {
            if let expected = expectedList(detail) {
                return "element '\(element)' is not expected here; expected \(expected)"
            }
            return "element '\(element)' is not expected here; remove it or move it"
        }
        if detail.hasPrefix("Missing child element(s).") {
            let expected = expectedList(detail) ?? "more content"
            return "element '\(element)' is incomplete; add \(expected)"
        }
        if detail.hasPrefix("No matching global declaration") {
            if element == "bank" || element.hasSuffix("}bank") {
                return "the root element must be <bank xmlns=\"\(XMLBankFormat.namespace)\">; add the namespace"
            }
            return "the root element must be <bank xmlns=\"\(XMLBankFormat.namespace)\">, not <\(element)>"
        }
        if detail.hasPrefix("Character content other than whitespace is not allowed") {
            return "element '\(element)' cannot hold text of its own; move the text into the right child element"
        }
        if detail.contains("Element content is not allowed") || detail.contains("has empty content") {
            return "element '\(element)' cannot contain child elements; remove them"
        }
        if detail.hasPrefix("[facet") || detail.contains("is not a valid value") {
            var message = "element '\(element)' must be \(requirement(element: element, attribute: nil))"
            if let value = quotedValue(in: detail) { message += ", not '\(value)'" }
            return message
        }
        return "element '\(element)': \(detail)"
    }

    /// What a valid value looks like, in words.
    static func requirement(element: String, attribute: String?) -> String {
        let partIDs: Set = ["option", "step", "prompt", "response"]
        switch attribute {
        case "id"?:
            let limit = partIDs.contains(element) ? 32 : 64
            return "an id of letters, digits, '.', '_' or '-' that starts with a letter or digit (at most \(limit) characters)"
        case "ref"?:
            return "an item id of letters, digits, '.', '_' or '-' that starts with a letter or digit (at most 64 characters)"
        case "response"?:
            return "the id of one of the item's responses"
        case "type"?: return "one of single, multiple, ordering, matching"
        case "status"?: return "one of draft, review, approved, pretest, operational, retired"
        case "domain"?: return "a whole number from 1 to 99"
        case "task"?: return "a task number like 2.3 (domain.task, each from 1 to 99)"
        case "select"?: return "a whole number of at least 1"
        case "shuffle"?, "correct"?: return "true or false"
        case "url"?: return "an http:// or https:// address without spaces"
        case "title"?: return "text"
        case "pValue"?, "irtC"?: return "a number from 0 to 1"
        case "pointBiserial"?: return "a number from -1 to 1"
        case "responses"?: return "a whole number of at least 0"
        case "irtA"?: return "a number of at least 0"
        case "irtB"?: return "a finite number"
        case nil where element == "tag":
            return "a lower-case tag of letters, digits, '.', '+' or '-' (at most 64 characters)"
        default: return "a valid value"
        }
    }

    // MARK: Syntax (QB001)

    static func syntax(_ raw: String, code: Int32) -> String {
        let text = clean(raw)
        if text.hasPrefix("Input is not proper UTF-8") || text.hasPrefix("Char 0x") && text.contains("out of allowed range") {
            let bytes = text.components(after: "Bytes: ").map { " (bytes \($0))" } ?? ""
            return text.hasPrefix("Char 0x")
                ? "the file contains a character that XML does not allow (\(text)); remove it"
                : "the file is not valid UTF-8\(bytes); bank files must be UTF-8: re-save it as UTF-8"
        }
        if let value = text.components(after: "invalid Char value ") ?? text.components(after: "invalid xmlChar value "),
           let code = UInt32(value.prefix { $0.isNumber }) {
            let hex = String(code, radix: 16, uppercase: true)
            return "the file contains U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex), a character XML does not allow; remove it"
        }
        if text.hasPrefix("Excessive depth in document") {
            return "elements are nested too deeply (more than 256 levels); bank files never need that"
        }
        if text.hasPrefix("Document is empty") { return "file is empty" }
        if text.hasPrefix("Opening and ending tag mismatch: ") {
            let parts = text.dropFirst("Opening and ending tag mismatch: ".count).split(separator: " ").map(String.init)
            if parts.count >= 5 {
                return "end tag </\(parts[4])> does not match start tag <\(parts[0])> on line \(parts[2]); close <\(parts[0])> first"
            }
        }
        if let name = between(text, "Entity '", "' not defined") {
            return "unknown entity '&\(name);': bank files may use only &amp; &lt; &gt; &quot; &apos; and character references"
        }
        if text.hasPrefix("Premature end of data") || text.hasPrefix("EndTag: '</' not found") {
            return "the file ends before all elements are closed (\(text)); add the missing end tags"
        }
        if text.hasPrefix("Start tag expected") { return "the file does not start with an XML element; it is not a bank file" }
        if text.hasPrefix("Extra content at the end of the document") {
            return "there is content after the root element; a bank file has exactly one <bank> element"
        }
        return "not well-formed XML: \(text)"
    }

    // MARK: Helpers

    /// Drops the namespace noise, newlines and the trailing period.
    private static func clean(_ raw: String) -> String {
        var text = raw.replacing("{\(XMLBankFormat.namespace)}", with: "")
        text = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        while text.last == "." || text.last == " " { text.removeLast() }
        return text
    }

    private static func quotedValue(in detail: String) -> String? {
        if let value = between(detail, "The value '", "'") { return value }
        let trimmed = detail.drop { $0 == " " || $0 == ":" }
        if trimmed.hasPrefix("'"), let end = trimmed.dropFirst().firstIndex(of: "'") {
            return String(trimmed.dropFirst()[..<end])
        }
        return nil
    }

    private static func expectedList(_ detail: String) -> String? {
        guard let list = between(detail, "( ", " )") else { return nil }
        let names = list.split(separator: ", ").map { "<\($0)>" }
        if names.count == 1 { return names[0] }
        return "one of " + names.joined(separator: ", ")
    }

    private static func between(_ text: String, _ open: String, _ close: String) -> String? {
        guard let start = text.firstRange(of: open) else { return nil }
        guard let end = text[start.upperBound...].firstRange(of: close) else { return nil }
        return String(text[start.upperBound..<end.lowerBound])
    }
}

extension StringProtocol {
    /// What follows `marker`, if it occurs.
    fileprivate func components(after marker: String) -> String? {
        guard let range = firstRange(of: marker) else { return nil }
        return String(self[range.upperBound...])
    }
}

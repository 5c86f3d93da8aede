import QBankCore
import QBankXML

/// Helpers over parsed QTI: 3.0 names turned into 2.x ones, and body content
/// serialised back to HTML for `HTMLText`.
enum QTIMarkup {
    /// The same tree with QTI 3.0 spellings (`qti-choice-interaction`, `max-choices`)
    /// turned into 2.x ones, so one reader handles both.
    static func normalised(_ element: XMLTreeElement) -> XMLTreeElement {
        var copy = element
        if element.name.hasPrefix("qti-") {
            copy.name = QTIVersion.camel(element.name)
            var attributes: [String: String] = [:]
            for (key, value) in element.attributes { attributes[key.contains("-") && !key.hasPrefix("data-") ? QTIVersion.camel(key) : key] = value }
            copy.attributes = attributes
        }
        copy.children = element.children.map { node in
            if case .element(let child) = node { return .element(normalised(child)) }
            return node
        }
        return copy
    }

    /// Elements whose content candidates see only after answering: never part of a text.
    static let feedbackElements: Set<String> = ["feedbackInline", "feedbackBlock", "modalFeedback"]

    /// HTML of a list of nodes (element names and text, attributes dropped except `src`);
    /// feedback is left out (see `feedback(in:)`), so it can never leak into a question or an option.
    static func html(_ nodes: [XMLTreeNode]) -> String {
        nodes.map { node -> String in
            switch node {
            case .text(let text): return escape(text)
            case .element(let element):
                if feedbackElements.contains(element.name) { return "" }
                if element.name == "img" || (element.name == "object" && element["type"]?.hasPrefix("image/") == true) {
                    let source = element["src"] ?? element["data"] ?? ""
                    let alt = element["alt"] ?? (element.name == "object" ? plainText(element.children) : "")
                    return "<img src=\"\(attribute(source))\" alt=\"\(attribute(alt))\"/>"
                }
                return openTag(element) + html(element.children) + "</\(element.name)>"
            }
        }.joined()
    }

    /// The HTML of every feedback element among `nodes` (at any depth), in order.
    static func feedback(in nodes: [XMLTreeNode]) -> [String] {
        nodes.flatMap { node -> [String] in
            guard case .element(let element) = node else { return [] }
            if feedbackElements.contains(element.name) { return [html(element.children)] }
            return feedback(in: element.children)
        }
    }

    /// The start tag with the attributes the Markdown conversion reads: link targets, code languages, list starts.
    static func openTag(_ element: XMLTreeElement) -> String {
        let kept = ["href", "class", "start", "type"].compactMap { name in element[name].map { " \(name)=\"\(attribute($0))\"" } }.joined()
        return "<\(element.name)\(kept)>"
    }

    static func attribute(_ text: String) -> String { escape(text).replacingOccurrences(of: "\"", with: "&quot;") }

    /// The text content of nodes, for an image object's fallback description.
    static func plainText(_ nodes: [XMLTreeNode]) -> String {
        nodes.map { node in
            switch node {
            case .text(let text): text
            case .element(let element): plainText(element.children)
            }
        }.joined().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Scalar by scalar (`XMLEscaping`), so a "<" that carries a combining mark is escaped too.
    static func escape(_ text: String) -> String { XMLEscaping.text(text) }

    static func isInteraction(_ name: String) -> Bool { name.hasSuffix("Interaction") }
}

import Foundation

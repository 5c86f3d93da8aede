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

    /// HTML of a list of nodes (element names and text, attributes dropped except `src`).
    static func html(_ nodes: [XMLTreeNode]) -> String {
        nodes.map { node -> String in
            switch node {
            case .text(let text): return escape(text)
            case .element(let element):
                if element.name == "img" || element.name == "object" {
                    let source = element["src"] ?? element["data"] ?? ""
                    return "<img src=\"\(source)\"/>"
                }
                return "<\(element.name)>\(html(element.children))</\(element.name)>"
            }
        }.joined()
    }

    /// Scalar by scalar (`XMLEscaping`), so a "<" that carries a combining mark is escaped too.
    static func escape(_ text: String) -> String { XMLEscaping.text(text) }

    static func isInteraction(_ name: String) -> Bool { name.hasSuffix("Interaction") }
}

import Foundation

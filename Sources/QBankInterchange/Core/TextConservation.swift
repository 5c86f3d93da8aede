import QBankCore
import QBankXML

extension ImportResult {
    /// The prefix of a conservation violation's reason, so tests and scripts can find them.
    public static let conservationPrefix = "text lost on import"

    /// Text conservation: every word of a source item's question and option text (`sourceTexts`)
    /// must appear in the imported item (its texts, rationales, case scenario) or in a problem
    /// reported for it. A word that does neither was lost silently: that is reported here, so a
    /// conversion bug shows up as a problem instead of a quietly damaged item.
    public mutating func checkConservation() {
        let scenarios = Dictionary(file.cases.flatMap { study in study.items.map { ($0.id, study.scenario.value) } }, uniquingKeysWith: { a, _ in a })
        var violations: [ImportProblem] = []
        for item in file.allItems {
            guard let source = sourceTexts[item.id] else { continue }
            let reported = problems.filter { $0.item == item.id || ($0.location == item.origin.location && $0.item != nil) }.map(\.reason)
            let kept = Self.words(item.placedTexts.map(\.value) + [scenarios[item.id] ?? ""] + reported + [item.id])
            var missing: [String] = []
            for word in Self.words(of: Self.plainText(source)) where !kept.contains(word) && !missing.contains(word) { missing.append(word) }
            guard !missing.isEmpty else { continue }
            let shown = missing.prefix(8).map { "'\($0)'" }.joined(separator: ", ") + (missing.count > 8 ? ", …" : "")
            violations.append(ImportProblem(.lost, at: item.origin.location ?? SourceLocation(file: file.path, line: 1, column: 1), item: item.id,
                                            "\(Self.conservationPrefix): \(missing.count) word\(missing.count == 1 ? "" : "s") of the source (\(shown)) are in neither the item nor this report"))
        }
        problems += violations
    }

    /// The text content of source text that may hold HTML (read by libxml2's HTML parser).
    static func plainText(_ source: String) -> String {
        guard source.contains("<") || source.contains("&") else { return source }
        func text(_ nodes: [XMLTreeNode]) -> String {
            nodes.map { node in
                switch node {
                case .text(let value): value
                case .element(let element): element.name == "script" || element.name == "style" ? " " : " " + text(element.children) + " "
                }
            }.joined()
        }
        return text(SafeXML.htmlFragment(source))
    }

    /// Lower-case runs of letters and digits.
    static func words(of text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    static func words(_ texts: [String]) -> Set<String> {
        Set(texts.flatMap { words(of: plainText($0)) + words(of: $0) })
    }
}

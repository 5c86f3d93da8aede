import QBankCore
import QBankXML

/// QTI 1.2 (`questestinterop`), as Canvas classic quizzes, text2qti and Blackboard
/// write it: `response_lid` with `render_choice`, keys in `resprocessing`.
/// Single and multiple choice (and true/false) become choice items; `Ordered`
/// responses become ordering items; everything else is skipped with the reason.
struct QTI12ItemReader {
    func read(_ root: XMLTreeElement, prefix: String) -> ImportResult {
        var items: [Item] = []
        var problems: [ImportProblem] = []
        var sourceTexts: [String: String] = [:]
        let sources = root.descendants("item")
        for (index, source) in sources.enumerated() {
            let name = source["title"] ?? source["ident"] ?? "item \(index + 1)"
            let id = source["ident"].flatMap { Identifiers.itemID($0) }.map { "\(prefix)-\($0)" }.flatMap { Identifiers.itemID($0) }
                ?? "\(prefix)-\(index + 1)"
            switch read(source, id: id) {
            case .success(let (item, lost)):
                items.append(item)
                sourceTexts[item.id] = source.element("presentation").map { ($0.descendants("mattext") + $0.descendants("mat_formattedtext")).map(\.text).joined(separator: "\n<br>\n") }
                problems += lost.map { ImportProblem(.lost, at: source.location, item: name, $0) }
            case .failure(let error):
                problems.append(ImportProblem(.skipped, at: source.location, item: name, error.reason))
            }
        }
        var result = ImportResult(path: root.location.file, items: items, problems: problems)
        result.sourceTexts = sourceTexts
        return result
    }

    private func read(_ source: XMLTreeElement, id: String) -> Result<(Item, [String]), ImportError> {
        var lost: [String] = []
        let type = metadata(source, "question_type") ?? source.descendants("bbmd_questiontype").first?.text
        let supportedTypes = ["multiple_choice_question", "multiple_answers_question", "true_false_question",
                              "Multiple Choice", "Multiple Answer", "True/False", "Ordering", "Either/Or"]
        if let type, !supportedTypes.contains(type) {
            return .failure(ImportError("question type '\(type)' is not supported; qbank imports multiple choice, multiple answers, true/false and ordering"))
        }
        guard let presentation = source.element("presentation") else { return .failure(ImportError("the item has no presentation")) }
        let responses = presentation.descendants("response_lid")
        guard responses.count == 1, let response = responses.first else {
            let kinds = ["response_str", "response_num", "response_grp", "response_xy"].filter { !presentation.descendants($0).isEmpty }
            if responses.isEmpty { return .failure(ImportError("no choice response (\(kinds.isEmpty ? "text only" : kinds.joined(separator: ", "))); not a choice question")) }
            return .failure(ImportError("\(responses.count) responses in one item; qbank items have one"))
        }
        // The stem: the material before the response.
        var stemHTML = ""
        for material in presentation.descendants("material") where !isInside(material, response, presentation) {
            stemHTML += materialHTML(material) + "\n\n"
        }
        let stem = HTMLText.plain(stemHTML)
        lost += stem.lost
        let labels = response.descendants("response_label")
        let options = labels.map { label -> (ident: String, text: String) in
            let text = HTMLText.plain(label.descendants("material").map(materialHTML).joined(separator: " "))
            lost += text.lost
            return (label["ident"] ?? "", text.text)
        }
        let keys = correctIdents(source)
        if !source.descendants("itemfeedback").isEmpty { lost.append("feedback not imported") }
        let origin = Origin(source.location)
        if response["rcardinality"]?.lowercased() == "ordered" {
            let byIdent = Dictionary(options.map { ($0.ident, $0.text) }, uniquingKeysWith: { a, _ in a })
            let ordered = keys.compactMap { key in byIdent[key].map { (key, $0) } }
            guard ordered.count == options.count, !options.isEmpty else {
                return .failure(ImportError("the correct order names \(ordered.count) of \(options.count) choices"))
            }
            let steps = ordered.enumerated().map { Step(id: "s\($0.offset + 1)", text: Text($0.element.1, origin: origin), origin: origin) }
            guard !stem.text.isEmpty else { return .failure(ImportError("the question has no text")) }
            return .success((Item(id: id, domain: 0, task: "", status: .draft, stem: Text(stem.text, origin: origin),
                                  body: .ordering(steps), origin: origin), Array(Set(lost)).sorted()))
        }
        let drafts = options.map { DraftOption(text: $0.text, correct: keys.contains($0.ident), location: source.location) }
        var notes: [ImportProblem] = []
        let shuffle = response.element("render_choice")?["shuffle"]?.lowercased() != "no"
        switch ItemBuilding.choice(id: id, stem: stem.text, options: drafts, at: source.location, shuffle: shuffle, notes: &notes) {
        case .success(let item): return .success((item, Array(Set(lost)).sorted() + notes.map(\.reason)))
        case .failure(let error): return .failure(error)
        }
    }

    private func metadata(_ item: XMLTreeElement, _ label: String) -> String? {
        for field in item.descendants("qtimetadatafield") where field.element("fieldlabel")?.text == label {
            return field.element("fieldentry")?.text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return nil
    }

    private func materialHTML(_ material: XMLTreeElement) -> String {
        var html = ""
        for element in material.descendants("mattext") + material.descendants("mat_formattedtext") {
            let type = (element["texttype"] ?? element["type"] ?? "").lowercased()
            html += type.contains("html") ? element.text : QTIMarkup.escape(element.text)
        }
        if !material.descendants("matimage").isEmpty { html += "<img src=\"\(material.descendants("matimage").first?["uri"] ?? "")\"/>" }
        return html
    }

    private func isInside(_ node: XMLTreeElement, _ container: XMLTreeElement, _ root: XMLTreeElement) -> Bool {
        container.descendants("material").contains(node)
    }

    /// Idents that a scoring condition (setvar > 0, or SCORE.max) requires, in order.
    private func correctIdents(_ item: XMLTreeElement) -> [String] {
        for condition in item.descendants("respcondition") {
            guard let setvar = condition.element("setvar") else { continue }
            let value = setvar.text.trimmingCharacters(in: .whitespacesAndNewlines)
            let scores = (Double(value) ?? 0) > 0 || value.hasSuffix(".max")
            guard scores, (setvar["action"] ?? "Set").lowercased() != "subtract" else { continue }
            guard let variable = condition.element("conditionvar") else { continue }
            var keys: [String] = []
            collect(variable, negated: false, into: &keys)
            if !keys.isEmpty { return keys }
        }
        return []
    }

    private func collect(_ element: XMLTreeElement, negated: Bool, into keys: inout [String]) {
        for child in element.elements {
            if child.name == "varequal", !negated { keys.append(child.text.trimmingCharacters(in: .whitespacesAndNewlines)) }
            else if child.name == "not" { collect(child, negated: !negated, into: &keys) }
            else { collect(child, negated: negated, into: &keys) }
        }
    }
}

import Foundation

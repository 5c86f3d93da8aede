import QBankCore

/// Moodle XML for Moodle's question importer (FORMATS.md §6): multichoice
/// (single: 100/0; multiple: keys share 100, distractors take the same share
/// negatively, so choosing everything scores 0), matching (unused responses as
/// empty subquestions) and ordering (answers in the correct order, `fraction` =
/// position). The item id goes in `name` and `idnumber`, domain and task in tags
/// (`qbank-domain-1`, `qbank-task-1.1`), a case study in a category whose `info`
/// holds the scenario. No rationales and no status travel: candidate-facing.
public struct MoodleExporter: FormExporter {
    public static let format = ExportFormat.moodle

    public init() {}

    public func export(_ content: ExportContent) throws(ExportError) -> [ExportedFile] {
        var x = XMLText()
        x.open("quiz")
        let top = "$course$/top/" + content.title.replacingOccurrences(of: "/", with: "-")
        category(top, info: nil, &x)
        for item in content.items { question(item, caseID: nil, &x) }
        for study in content.cases {
            var info = study.title.map { "<h3>\(HTMLText.inline($0))</h3>" } ?? ""
            info += HTMLText.xhtml(study.scenario.value)
            category("\(top)/\(study.id)", info: info, &x)
            for item in study.items { question(item, caseID: study.id, &x) }
        }
        x.close("quiz")
        return [ExportedFile(path: Identifiers.prefix(forPath: content.identifier) + ".moodle.xml", text: x.text)]
    }

    private func category(_ path: String, info: String?, _ x: inout XMLText) {
        x.open("question", [("type", "category")])
        x.open("category")
        x.element("text", text: path)
        x.close("category")
        if let info {
            x.open("info", [("format", "html")])
            x.element("text", text: info)
            x.close("info")
        }
        x.close("question")
    }

    private func question(_ item: Item, caseID: String?, _ x: inout XMLText) {
        let type: String = switch item.body {
        case .choice: "multichoice"
        case .ordering: "ordering"
        case .matching: "matching"
        }
        x.open("question", [("type", type)])
        x.open("name")
        x.element("text", text: item.id)
        x.close("name")
        field("questiontext", HTMLText.xhtml(item.stem.value), &x)
        field("generalfeedback", "", &x)
        x.element("defaultgrade", text: "1")
        x.element("penalty", text: "0")
        x.element("hidden", text: "0")
        x.element("idnumber", text: item.id)
        switch item.body {
        case .choice(let body):
            let keys = max(body.keys.count, 1)
            let share = Self.grade(100 / Double(keys))
            x.element("single", text: body.select == nil ? "true" : "false")
            x.element("shuffleanswers", text: item.shuffle ? "true" : "false")
            x.element("answernumbering", text: "abc")
            x.element("showstandardinstruction", text: "0")
            for option in body.options {
                let fraction = option.isCorrect ? share : (body.select == nil ? "0" : "-" + share)
                x.open("answer", [("fraction", fraction), ("format", "html")])
                x.element("text", text: HTMLText.xhtml(option.text.value))
                field("feedback", "", &x)
                x.close("answer")
            }
        case .ordering(let steps):
            x.element("layouttype", text: "VERTICAL")
            x.element("selecttype", text: "ALL")
            x.element("selectcount", text: "0")
            x.element("gradingtype", text: "ALL_OR_NOTHING")
            x.element("showgrading", text: "SHOW")
            x.element("numberingstyle", text: "none")
            for (index, step) in steps.enumerated() {
                x.open("answer", [("fraction", "\(index + 1).0000000"), ("format", "html")])
                x.element("text", text: HTMLText.xhtml(step.text.value))
                x.close("answer")
            }
        case .matching(let body):
            x.element("shuffleanswers", text: item.shuffle ? "true" : "false")
            let responseText = Dictionary(body.responses.map { ($0.id, $0.text.value) }, uniquingKeysWith: { a, _ in a })
            for prompt in body.prompts {
                subquestion(HTMLText.xhtml(prompt.text.value), answer: responseText[prompt.responseID] ?? "", &x)
            }
            let used = Set(body.prompts.map(\.responseID))
            for response in body.responses where !used.contains(response.id) { subquestion("", answer: response.text.value, &x) }
        }
        var tags: [String] = []
        if item.domain != 0 { tags.append("qbank-domain-\(item.domain)") }
        if !item.task.isEmpty { tags.append("qbank-task-\(item.task)") }
        if let caseID { tags.append("qbank-case-\(caseID)") }
        tags += item.tags
        if !tags.isEmpty {
            x.open("tags")
            for tag in tags {
                x.open("tag")
                x.element("text", text: tag)
                x.close("tag")
            }
            x.close("tags")
        }
        x.close("question")
    }

    private func field(_ name: String, _ html: String, _ x: inout XMLText) {
        x.open(name, [("format", "html")])
        x.element("text", text: html)
        x.close(name)
    }

    /// The answer is escaped as HTML too: Moodle renders it, and qbank's importer reads it as HTML, so a literal
    /// `&#1;` or `<b>` in a response must not come back as a character or a tag.
    private func subquestion(_ html: String, answer: String, _ x: inout XMLText) {
        x.open("subquestion", [("format", "html")])
        x.element("text", text: html)
        x.open("answer")
        x.element("text", text: HTMLText.inline(answer))
        x.close("answer")
        x.close("subquestion")
    }

    /// A Moodle grade value for 100/k: 50, 33.33333, 25, 20, 16.66667, 14.28571, 12.5, …
    static func grade(_ value: Double) -> String {
        if value == value.rounded() { return String(Int(value)) }
        let rounded = (value * 100_000).rounded() / 100_000
        var text = String(format: "%.5f", rounded)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }
}

import Foundation

import QBankCore
import QBankMarkdown

/// Moodle XML for Moodle's question importer (FORMATS.md §6): multichoice
/// (single: 100/0; multiple: keys share 100, distractors take the same share
/// negatively, so choosing everything scores 0), matching (unused responses as
/// empty subquestions) and ordering (answers in the correct order, `fraction` =
/// position). The item id goes in `name` and `idnumber`, domain and task in tags
/// (`qbank-domain-1`, `qbank-task-1.1`), a case study in a category whose `info`
/// holds the scenario. No rationales and no status travel: candidate-facing. Item text
/// is XHTML (`RichHTML`); images travel as embedded files (`<file encoding="base64">`)
/// referenced as `@@PLUGINFILE@@/name`, the way Moodle's own export writes them.
public struct MoodleExporter: FormExporter {
    public static let format = ExportFormat.moodle

    public init() {}

    public func export(_ content: ExportContent) throws(ExportError) -> [ExportedFile] {
        let media = try ExportMedia(content)
        return [ExportedFile(path: Identifiers.prefix(forPath: content.identifier) + ".moodle.xml", text: MoodleWriter(media: media).write(content))]
    }
}

/// One export's XML, with the media its texts embed.
private struct MoodleWriter {
    let media: ExportMedia
    let html: RichHTML

    init(media: ExportMedia) {
        self.media = media
        html = RichHTML { image in media.name(of: image).map { "@@PLUGINFILE@@/" + $0 } }
    }

    func write(_ content: ExportContent) -> String {
        var x = XMLText()
        x.open("quiz")
        let top = "$course$/top/" + content.title.replacingOccurrences(of: "/", with: "-")
        category(top, info: nil, &x)
        for item in content.items { question(item, caseID: nil, &x) }
        for study in content.cases {
            var info = study.title.map { "<h3>\(HTMLText.inline($0))</h3>" } ?? ""
            info += html.blocks(study.scenario.value)
            category("\(top)/\(study.id)", info: (info, media.names(in: study.scenario.value)), &x)
            for item in study.items { question(item, caseID: study.id, &x) }
        }
        x.close("quiz")
        return x.text
    }

    private func category(_ path: String, info: (html: String, files: [String])?, _ x: inout XMLText) {
        x.open("question", [("type", "category")])
        x.open("category")
        x.element("text", text: path)
        x.close("category")
        if let info {
            x.open("info", [("format", "html")])
            x.element("text", text: info.html)
            files(info.files, &x)
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
        field("questiontext", item.stem.value, &x)
        field("generalfeedback", "", &x)
        x.element("defaultgrade", text: "1")
        x.element("penalty", text: "0")
        x.element("hidden", text: "0")
        x.element("idnumber", text: item.id)
        switch item.body {
        case .choice(let body):
            let keys = max(body.keys.count, 1)
            let share = MoodleExporter.grade(100 / Double(keys))
            x.element("single", text: body.select == nil ? "true" : "false")
            x.element("shuffleanswers", text: item.shuffle ? "true" : "false")
            x.element("answernumbering", text: "abc")
            x.element("showstandardinstruction", text: "0")
            for option in body.options {
                let fraction = option.isCorrect ? share : (body.select == nil ? "0" : "-" + share)
                x.open("answer", [("fraction", fraction), ("format", "html")])
                text(option.text.value, &x)
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
                text(step.text.value, &x)
                x.close("answer")
            }
        case .matching(let body):
            x.element("shuffleanswers", text: item.shuffle ? "true" : "false")
            let responseText = Dictionary(body.responses.map { ($0.id, $0.text.value) }, uniquingKeysWith: { a, _ in a })
            for prompt in body.prompts {
                subquestion(prompt.text.value, answer: responseText[prompt.responseID] ?? "", &x)
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

    /// A `format="html"` field holding Markdown `source` as XHTML, with its images.
    private func field(_ name: String, _ source: String, _ x: inout XMLText) {
        x.open(name, [("format", "html")])
        text(source, &x)
        x.close(name)
    }

    private func text(_ source: String, _ x: inout XMLText) {
        x.element("text", text: source.isEmpty ? "" : html.blocks(source))
        files(media.names(in: source), &x)
    }

    private func files(_ names: [String], _ x: inout XMLText) {
        for name in names {
            guard let bytes = media.bytes(named: name) else { continue }
            x.element("file", [("name", name), ("path", "/"), ("encoding", "base64")], text: Data(bytes).base64EncodedString())
        }
    }

    /// The answer is escaped as HTML too: Moodle renders it, and qbank's importer reads it as HTML, so a literal
    /// `&#1;` or `<b>` in a response must not come back as a character or a tag.
    private func subquestion(_ source: String, answer: String, _ x: inout XMLText) {
        x.open("subquestion", [("format", "html")])
        text(source, &x)
        x.open("answer")
        x.element("text", text: HTMLText.inline(answer))
        x.close("answer")
        x.close("subquestion")
    }

}

extension MoodleExporter {
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

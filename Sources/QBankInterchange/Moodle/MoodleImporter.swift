import QBankCore
import QBankXML

/// Moodle XML (`<quiz>` of `<question type="…">`, FORMATS.md §6): multichoice
/// (single and multiple), truefalse, matching and ordering. Category records set
/// the source category used by `--map`; qbank's own exports also carry the item
/// id (`idnumber`), domain and task (tags) and case studies (categories whose
/// `info` is the scenario), which come back as they went out.
public struct MoodleImporter: ItemImporter {
    public static let format = InterchangeFormat.moodle

    public init() {}

    /// Moodle's allowed grades in percent (question_bank::fraction_options_full).
    static let grades: [Double] = [100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20,
                                   16.66667, 14.28571, 12.5, 11.11111, 10, 5, 0]

    public func importItems(from source: ImportSource) -> ImportResult {
        let media = ImportedMedia()
        let root: XMLTreeElement
        var problems: [ImportProblem] = []
        switch XMLSource.parse(source) {
        case .failure(let problem): return .unreadable(source.path, problem)
        case .success(let (parsed, note)):
            root = parsed
            if let note { problems.append(note) }
        }
        let questions: [XMLTreeElement]
        switch root.name {
        case "quiz": questions = root.elements("question")
        case "question": questions = [root]
        default:
            return .unreadable(source.path, ImportProblem(.unreadable, at: root.location,
                "root element '\(root.name)' is not Moodle XML (expected <quiz> or <question>)"))
        }
        let prefix = Identifiers.prefix(forPath: source.path)
        var collector = CaseCollector(path: source.path)
        var categories: [String: [String]] = [:]
        var category = ""
        var categoryInfo: (title: String?, text: String)?
        var usedIDs = Set<String>()
        var read = 0
        for (index, question) in questions.enumerated() {
            let type = question["type"] ?? ""
            if type == "category" {
                category = question.element("category")?.element("text")?.text.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
                categoryInfo = question.element("info").map(Self.scenario)
                continue
            }
            read += 1
            let name = question.element("name")?.element("text")?.text.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            let idnumber = question.element("idnumber")?.text.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            var id = Identifiers.itemID(idnumber) ?? Identifiers.itemID(name).map { "\(prefix)-\($0)" }.flatMap { Identifiers.itemID($0) }
                ?? "\(prefix)-\(index + 1)"
            var n = 2
            let base = id
            while usedIDs.contains(id) { id = "\(base.prefix(60))-\(n)"; n += 1 }
            usedIDs.insert(id)
            let label = name.isEmpty ? "question \(index + 1)" : name
            var reading = QTIItemReading()
            switch MoodleQuestionReader(question: question, id: id, label: label, media: media).read() {
            case .success(let (imported, lost)):
                var item = imported
                reading.problems = lost.map { ImportProblem(.lost, at: question.location, item: label, $0) }
                let tags = Self.tags(question)
                for tag in tags {
                    if tag.hasPrefix("qbank-domain-") { item.domain = Int(tag.dropFirst("qbank-domain-".count)) ?? 0 }
                    else if tag.hasPrefix("qbank-task-") { item.task = String(tag.dropFirst("qbank-task-".count)) }
                    else if !tag.hasPrefix("qbank-"), Identifiers.isTag(tag) { item.tags.append(tag) }
                }
                reading.item = item
                reading.sourceText = Self.sourceText(question)
                if let caseTag = tags.first(where: { $0.hasPrefix("qbank-case-") }), let info = categoryInfo {
                    reading.caseInfo = (String(caseTag.dropFirst("qbank-case-".count)), info.title, info.text)
                }
                if !category.isEmpty { categories[id] = [category] + tags }
                else if !tags.isEmpty { categories[id] = tags }
            case .failure(let error):
                reading.problems = [ImportProblem(.skipped, at: question.location, item: label, error.reason)]
            }
            collector.add(reading)
        }
        var result = collector.result
        result.media = media.files
        result.problems = problems + result.problems
        result.categories = categories
        result.read = read
        return result
    }

    /// The question's text and its answers' and subquestions' texts (HTML), for the conservation check.
    static func sourceText(_ question: XMLTreeElement) -> String {
        let parts = [question.element("questiontext")] + question.elements("answer") + question.elements("subquestion")
            + question.elements("subquestion").map { $0.element("answer") }
        return parts.compactMap { $0?.element("text")?.text }.joined(separator: "\n<br>\n")
    }

    static func tags(_ question: XMLTreeElement) -> [String] {
        question.element("tags")?.elements("tag").compactMap { $0.element("text")?.text.trimmingCharacters(in: .whitespacesAndNewlines) } ?? []
    }

    static func scenario(_ info: XMLTreeElement) -> (title: String?, text: String) {
        let html = info.element("text")?.text ?? ""
        var title: String?
        var body = html
        if let start = html.range(of: "<h3>"), let end = html.range(of: "</h3>"), start.upperBound <= end.lowerBound {
            title = HTMLText.plain(String(html[start.upperBound..<end.lowerBound])).text
            body = String(html[end.upperBound...])
        }
        return (title, HTMLText.plain(body).text)
    }

    /// The text of a Moodle `<x format="…"><text>…</text></x>` field as bank text. Images
    /// among its embedded files (`<file encoding="base64">`, named by `@@PLUGINFILE@@/name`)
    /// go to `media`; an embedded file no image uses is reported.
    static func text(_ field: XMLTreeElement?, media: ImportedMedia? = nil) -> HTMLText.Converted {
        guard let field else { return HTMLText.Converted(text: "", lost: []) }
        let raw = field.element("text")?.text ?? field.text
        var embedded: [String: [UInt8]] = [:]
        for file in field.elements("file") {
            if let name = file["name"], let data = Data(base64Encoded: file.text, options: .ignoreUnknownCharacters) { embedded[name] = [UInt8](data) }
        }
        var used = Set<String>()
        var converted: HTMLText.Converted
        switch field["format"] ?? "html" {
        case "html", "moodle_auto_format":
            converted = HTMLText.plain(raw) { source in
                guard let media, source.hasPrefix("@@PLUGINFILE@@/") else { return nil }
                let name = String(source.dropFirst("@@PLUGINFILE@@/".count))
                let decoded = name.removingPercentEncoding ?? name
                guard let bytes = embedded[decoded] ?? embedded[name] else { return nil }
                used.insert(embedded[decoded] != nil ? decoded : name)
                return media.place(bytes)
            }
        default: converted = HTMLText.Converted(text: TextNormalization.normalize(raw), lost: [])
        }
        for name in embedded.keys.sorted() where !used.contains(name) { converted.lost.append("embedded file '\(name)'") }
        return converted
    }
}

import Foundation

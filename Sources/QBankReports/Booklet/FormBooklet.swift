import QBankCore
import QBankMarkdown
import QBankJSON

/// An assembled form as candidates meet it, for `qbank export FORM --to html`: read from the
/// candidate-facing `FORM.form.json` (so the delivered order of items and options is the one
/// assembly fixed) and printed as one self-contained page: numbered questions, each case
/// study's scenario once before its questions, no key, no item ids, no scored flag.
public struct FormBooklet: Sendable {
    public struct Question: Sendable {
        var position: Int
        var type: String
        var stem: String
        var select: Int?
        var options: [String], steps: [String], prompts: [String], responses: [String]
        var caseID: String?
    }

    public struct Scenario: Sendable {
        var id: String
        var title: String?
        var text: String
    }

    public var title: String
    public var questions: [Question]
    public var scenarios: [String: Scenario]
    /// Images by the path the texts use, as data URIs (the form file's `"media"`).
    public var media: [String: String] = [:]

    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Reads `FORM.form.json` as `qbank assemble` writes it; errors name the place.
    public static func read(_ bytes: [UInt8], path: String) throws(Failure) -> FormBooklet {
        let root: JSONValue
        do { root = try JSONParser.parse(bytes) } catch {
            throw Failure(description: "\(path):\(error.position.line):\(error.position.column): \(error.message)")
        }
        func fail(_ value: JSONValue, _ what: String) -> Failure {
            Failure(description: "\(path):\(value.position.line):\(value.position.column): \(what); export the FORM.form.json that qbank assemble wrote")
        }
        guard let items = root["items"]?.arrayValue else { throw fail(root, "a form file needs \"items\": [...]") }
        func texts(_ value: JSONValue?) -> [String] { value?.arrayValue?.compactMap { $0["text"]?.stringValue } ?? [] }
        var questions: [Question] = []
        for (index, item) in items.enumerated() {
            guard let stem = item["stem"]?.stringValue, let type = item["type"]?.stringValue else {
                throw fail(item, "form item #\(index + 1) needs \"stem\" and \"type\"")
            }
            questions.append(Question(position: item["position"]?.integerValue ?? index + 1, type: type, stem: stem,
                                      select: item["select"]?.integerValue, options: texts(item["options"]), steps: texts(item["steps"]),
                                      prompts: texts(item["prompts"]), responses: texts(item["responses"]), caseID: item["case"]?.stringValue))
        }
        var scenarios: [String: Scenario] = [:]
        for study in root["cases"]?.arrayValue ?? [] {
            guard let id = study["id"]?.stringValue, let text = study["scenario"]?.stringValue else { throw fail(study, "a case needs \"id\" and \"scenario\"") }
            scenarios[id] = Scenario(id: id, title: study["title"]?.stringValue, text: text)
        }
        var seen = Set<String>(), previous: String?
        for (question, item) in zip(questions, items) {
            if let id = question.caseID, id != previous {
                if scenarios[id] == nil { throw fail(item, "question \(question.position) belongs to case '\(id)', which \"cases\" does not describe") }
                if !seen.insert(id).inserted {
                    throw fail(item, "question \(question.position) belongs to case '\(id)', which other questions split; a case is delivered whole")
                }
            }
            previous = question.caseID
        }
        let name = [root["title"]?.stringValue ?? root["exam"]?.stringValue, root["form"]?.stringValue].compactMap { $0 }.joined(separator: " — ")
        var booklet = FormBooklet(title: name.isEmpty ? "Form" : name, questions: questions, scenarios: scenarios)
        for member in root["media"]?.objectValue ?? [] {
            if let uri = member.value.stringValue, uri.hasPrefix("data:image/") { booklet.media[member.key] = uri }
        }
        return booklet
    }

    /// Item text as HTML, images from the form file's own media.
    private var renderer: RichHTML {
        let media = self.media
        return RichHTML { media[$0.source] }
    }

    public func html() -> String {
        var out = HTMLPage.head(title: title, extraCSS: PreviewStyle.css + Self.css)
        out += "<main>\n<h1>\(Markup.escape(title))</h1>\n<p class=\"legend\">\(questions.count) questions.</p>\n"
        var openCase: String?
        for question in questions.sorted(by: { $0.position < $1.position }) {
            if question.caseID != openCase {
                if openCase != nil { out += "</section>\n" }
                openCase = question.caseID
                if let id = question.caseID, let scenario = scenarios[id] {
                    out += "<section class=\"case\">\n<h2>Case study" + (scenario.title.map { ": \(Markup.inlineHTML($0))" } ?? "") + "</h2>\n"
                    out += "<div class=\"scenario\">\(renderer.blocks(scenario.text))</div>\n"
                }
            }
            out += card(question)
        }
        if openCase != nil { out += "</section>\n" }
        return out + "</main>\n" + HTMLPage.tail
    }

    private func card(_ question: Question) -> String {
        var out = "<article class=\"item\">\n<h3>Question \(question.position)</h3>\n"
        out += "<div class=\"stem\">\(renderer.blocks(question.stem))</div>\n"
        // Every entry carries a mark a candidate can answer with on paper: letters, or numbers for matching prompts.
        func list(_ entries: [String], numbered: Bool = false) -> String {
            var out = "<ol class=\"choices\">\n"
            for (index, text) in entries.enumerated() {
                let mark = numbered ? "\(index + 1)." : BankReportLayout.optionLetter(index)
                out += "<li><span class=\"letter\">\(mark)</span> \(renderer.fragment(text))</li>\n"
            }
            return out + "</ol>\n"
        }
        switch question.type {
        case "ordering":
            out += "<p class=\"instruction\">Put the steps in the correct order.</p>\n" + list(question.steps)
        case "matching":
            out += "<p class=\"instruction\">Match each item with a response. A response may be used once, or not at all.</p>\n"
            out += list(question.prompts, numbered: true) + "<p class=\"instruction\">Responses</p>\n" + list(question.responses)
        default:
            let instruction = question.select.map { "Select \(ItemPreview.countWord($0))." } ?? "Select one."
            // Stems written in the exam's style already say "(Select TWO.)": say it once.
            if !question.stem.localizedCaseInsensitiveContains(instruction) { out += "<p class=\"instruction\">\(instruction)</p>\n" }
            out += list(question.options)
        }
        return out + "</article>\n"
    }

    static let css = """
        .item h3 { font-size: 1rem; }
        @media print { .item { break-inside: avoid; } .case .scenario { break-inside: avoid; } }
        """
}

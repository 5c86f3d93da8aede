import QBankCore
import QBankXML

/// One Moodle `<question>` as a bank item, with the messages Moodle itself gives
/// for the same problems where it documents them.
struct MoodleQuestionReader {
    let question: XMLTreeElement
    let id: String
    let label: String
    /// Where embedded image files go (`media/<hash>.<type>` in the bank).
    var media: ImportedMedia?

    func read() -> Result<(Item, [String]), ImportError> {
        let type = question["type"] ?? ""
        var lost: [String] = []
        let texts = question.elements("questiontext")
        if texts.count > 1 { lost.append("\(texts.count) <questiontext> elements; the first is used") }
        let stem = MoodleImporter.text(texts.first, media: media)
        lost += stem.lost.map { "\($0) in the question text" }
        guard !stem.text.isEmpty else { return .failure(ImportError("the question has no text")) }
        for field in ["generalfeedback", "correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"] {
            if !MoodleImporter.text(question.element(field), media: media).text.isEmpty { lost.append("\(field) not imported") }
        }
        if !question.elements("hint").isEmpty { lost.append("hints not imported") }
        let origin = Origin(question.location)
        let shuffle = ["1", "true"].contains(question.element("shuffleanswers")?.text.trimmingCharacters(in: .whitespacesAndNewlines) ?? "1")

        switch type {
        case "multichoice", "truefalse":
            var drafts: [DraftOption] = []
            for answer in question.elements("answer") {
                let raw = answer["fraction"] ?? "0"
                guard let fraction = Double(raw) else { return .failure(ImportError("answer fraction '\(raw)' is not a number")) }
                if type == "multichoice", !MoodleImporter.grades.contains(where: { abs($0 - abs(fraction)) < 0.0001 }) {
                    return .failure(ImportError("Grades (\(raw)) do not match grade options - question skipped. (Moodle allows e.g. 100, 50, 33.33333, 25, 20)"))
                }
                let text = MoodleImporter.text(answer, media: media)
                let textValue = type == "truefalse" ? (text.text.lowercased() == "true" ? "True" : text.text.lowercased() == "false" ? "False" : text.text) : text.text
                lost += text.lost.map { "\($0) in an answer" }
                let feedback = MoodleImporter.text(answer.element("feedback"), media: media).text
                drafts.append(DraftOption(text: textValue, correct: fraction > 0, rationale: feedback.isEmpty ? nil : feedback, location: answer.location))
                if fraction > 0 && fraction < 100 && question.element("single")?.text == "true" { lost.append("partial credit (\(raw)%) not kept") }
            }
            var notes: [ImportProblem] = []
            let result = ItemBuilding.choice(id: id, stem: stem.text, options: drafts, at: question.location, shuffle: shuffle, notes: &notes)
            return result.map { ($0, lost + notes.map(\.reason)) }
        case "matching":
            var prompts: [MatchPrompt] = []
            var responses: [MatchResponse] = []
            func responseID(_ text: String) -> String {
                if let found = responses.first(where: { $0.text.value == text }) { return found.id }
                let new = MatchResponse(id: "r\(responses.count + 1)", text: Text(text, origin: origin), origin: origin)
                responses.append(new)
                return new.id
            }
            let subquestions = question.elements("subquestion")
            for sub in subquestions where !MoodleImporter.text(sub, media: media).text.isEmpty {
                let answer = HTMLText.plain(sub.element("answer")?.element("text")?.text ?? "").text
                guard !answer.isEmpty else { return .failure(ImportError("a subquestion has no answer")) }
                prompts.append(MatchPrompt(id: "p\(prompts.count + 1)", text: Text(MoodleImporter.text(sub, media: media).text, origin: Origin(sub.location)),
                                           responseID: responseID(answer), origin: Origin(sub.location)))
            }
            for sub in subquestions where MoodleImporter.text(sub, media: media).text.isEmpty {
                let answer = HTMLText.plain(sub.element("answer")?.element("text")?.text ?? "").text
                if !answer.isEmpty { _ = responseID(answer) }
            }
            // Moodle: "You must provide at least 2 questions and 3 answers" (qtype_match, notenoughqsandas).
            guard prompts.count >= 2, responses.count >= 3 else {
                return .failure(ImportError("You must provide at least 2 questions and 3 answers (this one has \(prompts.count) and \(responses.count))"))
            }
            return .success((Item(id: id, domain: 0, task: "", status: .draft, shuffle: shuffle, stem: Text(stem.text, origin: origin),
                                  body: .matching(MatchingBody(prompts: prompts, responses: responses)), origin: origin), lost))
        case "ordering":
            let answers = question.elements("answer").enumerated().map { index, answer in
                (position: Double(answer["fraction"] ?? "") ?? Double(index + 1), index: index, text: MoodleImporter.text(answer, media: media).text, location: answer.location)
            }.sorted { ($0.position, $0.index) < ($1.position, $1.index) }
            guard answers.count >= 2 else { return .failure(ImportError("an ordering question needs at least 2 items, this one has \(answers.count)")) }
            if let empty = answers.first(where: { $0.text.isEmpty }) { return .failure(ImportError("ordering item \(empty.index + 1) has no text")) }
            if (question.element("selecttype")?.text ?? "ALL") != "ALL" { lost.append("partial selection (selecttype) not kept; every item is ordered") }
            let steps = answers.enumerated().map { Step(id: "s\($0.offset + 1)", text: Text($0.element.text, origin: Origin($0.element.location)), origin: Origin($0.element.location)) }
            return .success((Item(id: id, domain: 0, task: "", status: .draft, shuffle: true, stem: Text(stem.text, origin: origin),
                                  body: .ordering(steps), origin: origin), lost))
        case "cloze", "multianswer":
            return .failure(ImportError("cloze (embedded answers) questions are not supported; qbank has no item type for them"))
        default:
            return .failure(ImportError("question type '\(type)' is not supported; qbank imports multichoice, truefalse, matching and ordering"))
        }
    }
}

import Foundation

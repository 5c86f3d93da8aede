import QBankCore

/// GIFT (Moodle's text format): multiple choice (`=right ~wrong`), multiple
/// response (`~%50%`), true/false, matching (`=a -> b`) and the ordering extension
/// (`{>…` then one item per line). Essay, numerical and short-answer questions are
/// skipped with the reason; errors use Moodle's wording (qformat_gift.php).
public struct GIFTImporter: ItemImporter {
    public static let format = InterchangeFormat.gift

    public init() {}

    public func importItems(from source: ImportSource) -> ImportResult {
        let decoded = TextDecoding.decode(source.bytes)
        var problems: [ImportProblem] = TextDecoding.note(decoded, path: source.path).map { [$0] } ?? []
        var items: [Item] = []
        var sourceTexts: [String: String] = [:]
        var categories: [String: [String]] = [:]
        let prefix = Identifiers.prefix(forPath: source.path)
        var used = Set<String>()
        var read = 0
        for piece in GIFTScanner.pieces(decoded.text) {
            guard case .question(let question) = piece else { continue }
            read += 1
            let location = source.location(line: question.line)
            var title: String?
            var text = Substring(question.text.trimmingCharacters(in: .whitespacesAndNewlines))
            if text.hasPrefix("::"), let end = text.dropFirst(2).range(of: "::") {
                title = GIFTScanner.unescape(String(text[text.index(text.startIndex, offsetBy: 2)..<end.lowerBound])).trimmingCharacters(in: .whitespaces)
                text = text[end.upperBound...]
            }
            let label = title ?? "question at line \(question.line)"
            var id = title.flatMap { Identifiers.itemID($0) }.map { "\(prefix)-\($0)" }.flatMap { Identifiers.itemID($0) } ?? "\(prefix)-\(read)"
            let base = id
            var n = 2
            while used.contains(id) { id = "\(base.prefix(60))-\(n)"; n += 1 }
            used.insert(id)
            var notes: [ImportProblem] = []
            var parsed = GIFTQuestion(text: text, id: id, location: location)
            switch parsed.item(notes: &notes) {
            case .success(let item):
                items.append(item)
                sourceTexts[item.id] = parsed.sourceParts.joined(separator: "\n<br>\n")
                problems += notes.map { ImportProblem($0.kind == .note ? .note : .lost, at: location, item: label, $0.reason) }
                if let category = question.category { categories[id] = [category] }
            case .failure(let error):
                problems.append(ImportProblem(.skipped, at: location, item: label, error.reason))
            }
        }
        var result = ImportResult(path: source.path, items: items, problems: problems, read: read, categories: categories)
        result.sourceTexts = sourceTexts
        return result
    }
}

/// One GIFT question's text (after the title) turned into an item.
struct GIFTQuestion {
    let text: Substring
    let id: String
    let location: SourceLocation
    /// The question's and answers' text as written (unescaped; feedback, weights and markers left out), for the conservation check.
    private(set) var sourceParts: [String] = []

    mutating func item(notes: inout [ImportProblem]) -> Result<Item, ImportError> {
        guard let open = GIFTScanner.unescaped("{", in: text),
              let close = GIFTScanner.unescaped("}", in: text[text.index(after: open)...]) else {
            return .failure(ImportError("Could not find a {...} around answers"))
        }
        var before = text[..<open]
        let answers = text[text.index(after: open)..<close]
        var after = String(text[text.index(after: close)...]).trimmingCharacters(in: .whitespacesAndNewlines)
        if !after.contains(where: { $0.isLetter || $0.isNumber }) { after = "" }  // stray `";` and similar
        var html = false
        for format in ["[html]", "[moodle]", "[plain]", "[markdown]"] where before.trimmingCharacters(in: .whitespaces).hasPrefix(format) {
            html = format == "[html]" || format == "[moodle]"
            before = Substring(before.trimmingCharacters(in: .whitespaces).dropFirst(format.count))
        }
        sourceParts = [GIFTScanner.unescape(String(before)), GIFTScanner.unescape(after)]
        var stem = clean(String(before), html: html)
        if !after.isEmpty { stem += " _____ " + clean(after, html: html) }
        var body = answers.trimmingCharacters(in: .whitespacesAndNewlines)
        if let general = body.range(of: "####"), general.lowerBound == body.startIndex || body[body.index(before: general.lowerBound)] != "\\" {
            notes.append(ImportProblem(.lost, at: location, "general feedback (####) not imported"))
            body = String(body[..<general.lowerBound]).trimmingCharacters(in: .whitespacesAndNewlines)
        }

        if body.isEmpty { return .failure(ImportError("essay question ({}) is not supported; qbank items need answers")) }
        if body.hasPrefix("#") { return .failure(ImportError("numerical question is not supported")) }
        if body.hasPrefix(">") { return ordering(body, stem: stem) }
        let upper = body.split(separator: "#").first.map { $0.trimmingCharacters(in: .whitespaces).uppercased() } ?? ""
        if ["T", "F", "TRUE", "FALSE"].contains(upper) {
            let truth = upper.hasPrefix("T")
            if body.contains("#") { notes.append(ImportProblem(.lost, at: location, "true/false feedback not imported")) }
            return ItemBuilding.choice(id: id, stem: stem, options: [DraftOption(text: "True", correct: truth), DraftOption(text: "False", correct: !truth)],
                                       at: location, shuffle: false, notes: &notes)
        }
        let parts = GIFTScanner.split(Substring(body), at: ["=", "~"])
        if parts.isEmpty { return .failure(ImportError("No valid question found")) }
        if !parts.contains(where: { $0.marker == "~" }), parts.allSatisfy({ $0.body.contains("->") }) { return matching(parts, stem: stem) }
        if !parts.contains(where: { $0.marker == "~" }) {
            return .failure(ImportError("short-answer question (only = answers) is not supported"))
        }
        var drafts: [DraftOption] = []
        let hasEquals = parts.contains { $0.marker == "=" }
        for part in parts {
            var answer = Substring(part.body)
            var weight: Double?
            let trimmed = answer.drop { $0 == " " || $0 == "\t" || $0 == "\n" }
            if trimmed.hasPrefix("%"), let end = trimmed.dropFirst().firstIndex(of: "%") {
                weight = Double(trimmed[trimmed.index(after: trimmed.startIndex)..<end])
                answer = trimmed[trimmed.index(after: end)...]
            }
            var rationale: String?
            if let hash = GIFTScanner.unescaped("#", in: answer) {
                rationale = clean(String(answer[answer.index(after: hash)...]).replacingOccurrences(of: "[html]", with: ""), html: true)
                answer = answer[..<hash]
            }
            var answerHTML = html
            var trimmedAnswer = answer.trimmingCharacters(in: .whitespacesAndNewlines)
            for format in ["[html]", "[moodle]", "[plain]", "[markdown]"] where trimmedAnswer.hasPrefix(format) {
                answerHTML = format == "[html]" || format == "[moodle]"
                trimmedAnswer = String(trimmedAnswer.dropFirst(format.count))
            }
            let correct: Bool
            if part.marker == "=" { correct = weight.map { $0 >= 100 } ?? true }
            else { correct = !hasEquals && (weight ?? 0) > 0 }
            if let weight, weight > 0, weight < 100, hasEquals {
                notes.append(ImportProblem(.lost, at: location, "partial credit (\(weight)%) not kept"))
            }
            sourceParts.append(GIFTScanner.unescape(trimmedAnswer))
            drafts.append(DraftOption(text: clean(trimmedAnswer, html: answerHTML), correct: correct,
                                      rationale: rationale.flatMap { $0.isEmpty ? nil : $0 }, location: location))
        }
        return ItemBuilding.choice(id: id, stem: stem, options: drafts, at: location, notes: &notes)
    }

    private mutating func matching(_ parts: [(marker: Character, body: String)], stem: String) -> Result<Item, ImportError> {
        var prompts: [MatchPrompt] = []
        var responses: [MatchResponse] = []
        let origin = Origin(location)
        for part in parts {
            guard part.marker == "=", let arrow = part.body.range(of: "->") else {
                return .failure(ImportError("Matching question answers are improperly formatted"))
            }
            var promptText = String(part.body[..<arrow.lowerBound]).trimmingCharacters(in: .whitespacesAndNewlines)
            for format in ["[html]", "[moodle]", "[plain]", "[markdown]"] where promptText.hasPrefix(format) {
                promptText = String(promptText.dropFirst(format.count))
            }
            sourceParts += [GIFTScanner.unescape(promptText), GIFTScanner.unescape(String(part.body[arrow.upperBound...]))]
            let prompt = clean(promptText, html: true)
            let response = clean(String(part.body[arrow.upperBound...]), html: false)
            guard !response.isEmpty else { return .failure(ImportError("Matching question answers are improperly formatted")) }
            let responseID = responses.first { $0.text.value == response }?.id ?? {
                let id = "r\(responses.count + 1)"
                responses.append(MatchResponse(id: id, text: Text(response, origin: origin), origin: origin))
                return id
            }()
            if !prompt.isEmpty {
                prompts.append(MatchPrompt(id: "p\(prompts.count + 1)", text: Text(prompt, origin: origin), responseID: responseID, origin: origin))
            }
        }
        guard prompts.count >= 2, responses.count >= 3 || responses.count >= prompts.count else {
            return .failure(ImportError("Matching question answers are improperly formatted: at least 2 pairs are needed"))
        }
        return .success(Item(id: id, domain: 0, task: "", status: .draft, stem: Text(stem, origin: origin),
                             body: .matching(MatchingBody(prompts: prompts, responses: responses)), origin: origin))
    }

    private mutating func ordering(_ body: String, stem: String) -> Result<Item, ImportError> {
        sourceParts += body.split(separator: "\n").dropFirst().map { GIFTScanner.unescape(String($0)) }
        let lines = body.split(separator: "\n").dropFirst().map { clean(String($0), html: false) }.filter { !$0.isEmpty }
        guard lines.count >= 2 else { return .failure(ImportError("an ordering question needs at least 2 items")) }
        let origin = Origin(location)
        let steps = lines.enumerated().map { Step(id: "s\($0.offset + 1)", text: Text($0.element, origin: origin), origin: origin) }
        return .success(Item(id: id, domain: 0, task: "", status: .draft, stem: Text(stem, origin: origin), body: .ordering(steps), origin: origin))
    }

    private func clean(_ text: String, html: Bool) -> String {
        let unescaped = GIFTScanner.unescape(text)
        return html ? HTMLText.plain(unescaped).text : TextNormalization.normalize(HTMLText.decodeEntities(unescaped))
    }
}

import Foundation

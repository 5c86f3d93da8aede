import QBankCore

/// Markdown and plain-text practice banks, three dialects at once:
/// `### stem` with `- [x]`/`- [ ]` options; numbered questions (`1. stem`) with
/// lettered options (`- A. text`) and a key line (`Correct answer: B, E`, also
/// inside `<details>`); and text2qti (`1.  stem`, `a)`/`*c)`, `[*]`/`[ ]`).
///
/// Messy input: option lines wrapped onto indented continuation lines are joined,
/// `<br/>` and entities in text become paragraphs and characters, keys may be
/// lowercase or run together ("Ac", "BE"), and a "Choose two" that disagrees with
/// the key is reported. A question with options but no key is skipped with the reason.
public struct MarkdownImporter: ItemImporter {
    public static let format = InterchangeFormat.markdown

    public init() {}

    private struct Pending {
        var stem: String
        var line: Int
        var options: [DraftOption] = []
        var key: String?
        var feedback = false
        var afterKey = false
        var unsupported: String?
        /// The previous line was an option (or its continuation): an unindented text line continues it (CommonMark's lazy continuation).
        var inOption = false
        /// Text between the options and the key that belongs to no option: reported, not dropped silently.
        var stray: [(line: Int, text: String)] = []
        /// The question's number in the source ("12. stem"), to find its entry in an answer-key section.
        var number: Int?
    }

    public func importItems(from source: ImportSource) -> ImportResult {
        let decoded = TextDecoding.decode(source.bytes)
        var problems: [ImportProblem] = TextDecoding.note(decoded, path: source.path).map { [$0] } ?? []
        var items: [Item] = []
        var sourceTexts: [String: String] = [:]
        let prefix = Identifiers.prefix(forPath: source.path)
        var pending: Pending?
        var read = 0
        // Questions with options but no key wait for an answer-key section ("1. B  2. A, C") further down.
        var unkeyed: [(question: Pending, id: String, number: Int)] = []
        var answerKey: [Int: String] = [:]

        func finish() {
            guard let question = pending else { return }
            pending = nil
            // A heading or numbered line with neither options nor key is prose, not a question.
            guard !question.options.isEmpty || question.key != nil || question.unsupported != nil else { return }
            read += 1
            let location = source.location(line: question.line)
            let label = String(question.stem.prefix(60))
            if let kind = question.unsupported, question.options.isEmpty {
                problems.append(ImportProblem(.skipped, at: location, item: label,
                                              "\(kind) question is not supported; qbank has single, multiple, ordering and matching items"))
                return
            }
            if question.key == nil, question.options.count >= 2, !question.options.contains(where: \.correct) {
                unkeyed.append((question, "\(prefix)-\(read)", question.number ?? read))
                return
            }
            build(question, id: "\(prefix)-\(read)")
        }

        func build(_ question: Pending, id: String) {
            let location = source.location(line: question.line)
            let label = String(question.stem.prefix(60))
            var options = question.options
            if let key = question.key {
                // `**Answer: B** — because …`: the letters, then the why (the right options' rationale).
                let (letters, why) = AnswerKey.positions(key, optionCount: options.count) == nil ? Self.splitKey(key) : (key, nil)
                guard let positions = AnswerKey.positions(letters, optionCount: options.count) else {
                    problems.append(ImportProblem(.skipped, at: location, item: label,
                                                  options.isEmpty ? "a key ('\(key)') but no options found" : "the key '\(key)' names no option (there are \(options.count))"))
                    return
                }
                for index in options.indices {
                    options[index].correct = positions.contains(index)
                    if options[index].correct, let why { options[index].rationale = why }
                }
            }
            var notes: [ImportProblem] = []
            switch ItemBuilding.choice(id: id, stem: question.stem, options: options, at: location, notes: &notes) {
            case .success(let item):
                items.append(item)
                sourceTexts[item.id] = ([question.stem] + options.map(\.text)).joined(separator: "\n")
                problems += notes
                for (line, text) in question.stray {
                    problems.append(ImportProblem(.lost, at: source.location(line: line), item: item.id, "text after the options not imported: '\(text.prefix(80))'"))
                }
                if question.feedback { problems.append(ImportProblem(.lost, at: location, item: item.id, "feedback lines not imported")) }
            case .failure(let error):
                problems.append(ImportProblem(.skipped, at: location, item: label, error.reason))
            }
        }

        var fence: (marker: Substring, lines: [String])?
        var lines = decoded.text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
        var index = -1
        while index + 1 < lines.count {
            index += 1
            let line = lines[index]
            // A fenced code block between a stem and its first option belongs to the stem, line
            // for line. A bare fence (no language) that quotes whole questions — a README
            // showing the format — is read line by line instead, as before.
            let trimmed = line.drop { $0 == " " }
            if var open = fence {
                open.lines.append(line)
                fence = open
                guard trimmed.hasPrefix(open.marker), trimmed.drop(while: { $0 == open.marker.first }).allSatisfy(\.isWhitespace) else { continue }
                fence = nil
                let info = open.lines[0].drop { $0 == " " }.drop { $0 == open.marker.first }.trimmingCharacters(in: .whitespaces)
                let quotesQuestions = open.lines.dropFirst().dropLast().contains {
                    switch MarkdownLine.classify($0) { case .question, .option, .key: true; default: false }
                }
                if (info.isEmpty || ["text", "markdown", "md", "txt"].contains(info.lowercased())) && quotesQuestions {
                    // Blank out the fences (line numbers stay) and read the lines between again.
                    let start = index - open.lines.count + 1
                    lines[start] = ""
                    lines[index] = ""
                    index = start - 1
                } else {
                    pending!.stem += "\n" + open.lines.joined(separator: "\n")
                }
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~"), pending != nil, pending!.options.isEmpty, !pending!.afterKey {
                fence = (trimmed.prefix { $0 == trimmed.first }, [line])
                continue
            }
            switch MarkdownLine.classify(line) {
            case .question(let text, _):
                if let keys = Self.answerKeyLine(line), !unkeyed.isEmpty || (pending.map { !$0.options.isEmpty && !$0.options.contains(where: \.correct) && $0.key == nil } ?? false) {
                    finish()
                    answerKey.merge(keys) { first, _ in first }
                    continue
                }
                finish()
                // "stem?   - A. first option" on one line: the first option was run into the stem.
                if let run = text.range(of: #"\s+[-*]\s+[Aa][.)]\s+"#, options: .regularExpression) {
                    pending = Pending(stem: String(text[..<run.lowerBound]), line: index + 1)
                    pending!.options.append(DraftOption(text: String(text[run.upperBound...]), correct: false,
                                                        location: source.location(line: index + 1)))
                } else {
                    pending = Pending(stem: text, line: index + 1)
                }
                pending!.number = Int(line.drop { $0 == " " || $0 == "#" }.prefix { $0.isNumber })
            case .option(let text, let correct):
                guard pending != nil, !pending!.afterKey else { continue }
                pending!.options.append(DraftOption(text: text, correct: correct ?? false, location: source.location(line: index + 1)))
                pending!.inOption = true
            case .key(let key):
                guard pending != nil else { continue }
                pending!.key = key
                pending!.afterKey = true
            case .unsupportedAnswer(let kind):
                if pending != nil, pending!.options.isEmpty { pending!.unsupported = kind }
            case .feedback:
                pending?.feedback = true
            case .blank:
                // Paragraphs, tables and code in a stem stay apart.
                pending?.inOption = false
                if pending != nil, pending!.options.isEmpty, !pending!.afterKey { pending!.stem += "\n" }
            case .markup:
                continue
            case .text(let text, let indented):
                guard pending != nil, !pending!.afterKey, pending!.unsupported == nil else { continue }
                if pending!.options.isEmpty {
                    pending!.stem += "\n" + text
                } else if indented || pending!.inOption {
                    pending!.options[pending!.options.count - 1].text += " " + text  // hard-wrapped option
                    pending!.inOption = true
                } else {
                    pending!.stray.append((index + 1, text))
                }
            }
        }
        if let open = fence { pending?.stem += "\n" + open.lines.joined(separator: "\n") }
        finish()
        for var waiting in unkeyed {
            guard let key = answerKey[waiting.number] else {
                problems.append(ImportProblem(.skipped, at: source.location(line: waiting.question.line), item: String(waiting.question.stem.prefix(60)),
                    "no option is marked correct and no answer-key entry (\"\(waiting.number). B\") names one, so the item cannot be scored"))
                continue
            }
            waiting.question.key = key
            build(waiting.question, id: waiting.id)
        }
        items.sort { ($0.origin.location?.line ?? 0) < ($1.origin.location?.line ?? 0) }
        for index in items.indices { items[index] = clean(items[index]) }
        var result = ImportResult(path: source.path, items: items, problems: problems, read: read)
        result.sourceTexts = sourceTexts
        return result
    }

    /// "1. B  2. A, C  3) d": an answer-key line (question numbers and their keys), or nil.
    static func answerKeyLine(_ line: String) -> [Int: String]? {
        let entry = #"(\d{1,4})\s*[.):]\s*([A-Za-z](?:\s*(?:,|&|and)\s*[A-Za-z])*)(?![A-Za-z])"#
        guard line.range(of: #"^\s*(?:"# + entry + #"\s*[,;]?\s*)+$"#, options: .regularExpression) != nil,
              let pattern = try? NSRegularExpression(pattern: entry) else { return nil }
        var keys: [Int: String] = [:]
        for match in pattern.matches(in: line, range: NSRange(line.startIndex..., in: line)) {
            guard let number = Range(match.range(at: 1), in: line).flatMap({ Int(line[$0]) }), let key = Range(match.range(at: 2), in: line) else { continue }
            keys[number] = String(line[key])
        }
        return keys.isEmpty ? nil : keys
    }

    /// "B — because …" / "A, C - why" / "D. why": the letters and the explanation after them.
    static func splitKey(_ raw: String) -> (String, String?) {
        guard let match = raw.range(of: #"^\s*[A-Za-z](?:\s*(?:,|&|and)\s*[A-Za-z])*(?=\s*(?:[—–:.)]|\s-\s|$))"#, options: .regularExpression) else { return (raw, nil) }
        let why = raw[match.upperBound...].drop { " —–-:.)".contains($0) }.trimmingCharacters(in: .whitespaces)
        return (String(raw[match]), why.isEmpty ? nil : why)
    }

    /// HTML (`<br/>`, entities) in the texts, as bank text. The source is Markdown already:
    /// fenced code is kept exactly, table and image lines line by line, prose as paragraphs.
    private func clean(_ item: Item) -> Item {
        var item = item
        item.stem.value = Self.markdown(item.stem.value)
        if case .choice(var body) = item.body {
            for index in body.options.indices { body.options[index].text.value = Self.markdown(body.options[index].text.value) }
            item.body = .choice(body)
        }
        return item
    }

    /// Autolinks (`<https://…>`) are Markdown, not HTML tags: escaped so the HTML reading keeps them as text.
    static func protectingAutolinks(_ prose: String) -> String {
        prose.replacingOccurrences(of: #"<((?:https?|ftp|mailto):[^<>\s]*)>"#, with: "&lt;$1&gt;", options: .regularExpression)
    }

    static func markdown(_ source: String) -> String {
        var blocks: [String] = []
        var prose: [String] = []
        var code: [String]?
        func flushProse() {
            if !prose.isEmpty { blocks.append(HTMLText.plain(protectingAutolinks(prose.joined(separator: " "))).text); prose = [] }
        }
        for line in source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if code != nil {
                code!.append(line)
                if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { blocks.append(code!.joined(separator: "\n")); code = nil }
            } else if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                flushProse()
                code = [line]
            } else if trimmed.hasPrefix("|") || trimmed.hasPrefix("![") {
                flushProse()
                blocks.append(trimmed)
            } else if trimmed.isEmpty {
                flushProse()
            } else {
                prose.append(line)
            }
        }
        flushProse()
        if let code { blocks.append(code.joined(separator: "\n")) }
        return TextNormalization.normalize(blocks.filter { !$0.isEmpty }.joined(separator: "\n\n").replacingOccurrences(of: "\n\n|", with: "\n|"))
    }
}

import Foundation

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
    }

    public func importItems(from source: ImportSource) -> ImportResult {
        let decoded = TextDecoding.decode(source.bytes)
        var problems: [ImportProblem] = TextDecoding.note(decoded, path: source.path).map { [$0] } ?? []
        var items: [Item] = []
        let prefix = Identifiers.prefix(forPath: source.path)
        var pending: Pending?
        var read = 0

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
            var options = question.options
            if let key = question.key {
                guard let positions = AnswerKey.positions(key, optionCount: options.count) else {
                    problems.append(ImportProblem(.skipped, at: location, item: label,
                                                  options.isEmpty ? "a key ('\(key)') but no options found" : "the key '\(key)' names no option (there are \(options.count))"))
                    return
                }
                for index in options.indices { options[index].correct = positions.contains(index) }
            }
            var notes: [ImportProblem] = []
            switch ItemBuilding.choice(id: "\(prefix)-\(read)", stem: question.stem, options: options, at: location, notes: &notes) {
            case .success(let item):
                items.append(item)
                problems += notes
                if question.feedback { problems.append(ImportProblem(.lost, at: location, item: item.id, "feedback lines not imported")) }
            case .failure(let error):
                problems.append(ImportProblem(.skipped, at: location, item: label, error.reason))
            }
        }

        for (index, raw) in decoded.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? String(raw.dropLast()) : String(raw)
            switch MarkdownLine.classify(line) {
            case .question(let text, _):
                finish()
                // "stem?   - A. first option" on one line: the first option was run into the stem.
                if let run = text.range(of: #"\s+[-*]\s+[Aa][.)]\s+"#, options: .regularExpression) {
                    pending = Pending(stem: String(text[..<run.lowerBound]), line: index + 1)
                    pending!.options.append(DraftOption(text: String(text[run.upperBound...]), correct: false,
                                                        location: source.location(line: index + 1)))
                } else {
                    pending = Pending(stem: text, line: index + 1)
                }
            case .option(let text, let correct):
                guard pending != nil, !pending!.afterKey else { continue }
                pending!.options.append(DraftOption(text: text, correct: correct ?? false, location: source.location(line: index + 1)))
            case .key(let key):
                guard pending != nil else { continue }
                pending!.key = key
                pending!.afterKey = true
            case .unsupportedAnswer(let kind):
                if pending != nil, pending!.options.isEmpty { pending!.unsupported = kind }
            case .feedback:
                pending?.feedback = true
            case .markup, .blank:
                continue
            case .text(let text, let indented):
                guard pending != nil, !pending!.afterKey, pending!.unsupported == nil else { continue }
                if pending!.options.isEmpty {
                    pending!.stem += "\n" + text
                } else if indented {
                    pending!.options[pending!.options.count - 1].text += " " + text  // hard-wrapped option
                }
            }
        }
        finish()
        for index in items.indices { items[index] = clean(items[index]) }
        return ImportResult(path: source.path, items: items, problems: problems, read: read)
    }

    /// HTML (`<br/>`, entities) and Markdown emphasis in the texts, as bank text.
    private func clean(_ item: Item) -> Item {
        var item = item
        item.stem.value = HTMLText.plain(item.stem.value.replacingOccurrences(of: "\n", with: " ")).text
        if case .choice(var body) = item.body {
            for index in body.options.indices { body.options[index].text.value = HTMLText.plain(body.options[index].text.value).text }
            item.body = .choice(body)
        }
        return item
    }
}

import Foundation

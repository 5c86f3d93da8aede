import QBankCore

/// Aiken (FORMATS.md §8): a question line, options `A) text` or `A. text` (no space
/// needed), `ANSWER: B`. Follows Moodle's importer (qformat_aiken) and its error
/// messages; beyond Moodle it accepts lowercase and several keys (`ANSWER: b, e`,
/// `ANSWER: BE`, imported as multiple response) and stem lines wrapped before the
/// first option.
public struct AikenImporter: ItemImporter {
    public static let format = InterchangeFormat.aiken

    public init() {}

    private struct Pending {
        var stem: String
        var line: Int
        var options: [DraftOption] = []
    }

    public func importItems(from source: ImportSource) -> ImportResult {
        let decoded = TextDecoding.decode(source.bytes)
        var problems: [ImportProblem] = TextDecoding.note(decoded, path: source.path).map { [$0] } ?? []
        var items: [Item] = []
        var sourceTexts: [String: String] = [:]
        let prefix = Identifiers.prefix(forPath: source.path)
        var pending: Pending?
        var read = 0
        let lines = decoded.text.split(separator: "\n", omittingEmptySubsequences: false)

        func skip(_ question: Pending, _ reason: String) {
            problems.append(ImportProblem(.skipped, at: source.location(line: question.line), item: question.stem, reason))
        }

        for (index, raw) in lines.enumerated() {
            let number = index + 1
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !line.isEmpty else { continue }
            if let (letter, text) = Self.option(line) {
                guard var question = pending else {
                    problems.append(ImportProblem(.error, at: source.location(line: number), "Question not started on line \(number)"))
                    continue
                }
                _ = letter
                question.options.append(DraftOption(text: text, correct: false, location: source.location(line: number)))
                pending = question
            } else if line.uppercased().hasPrefix("ANSWER:") || line.uppercased().hasPrefix("ANSWER :") {
                guard let question = pending else {
                    problems.append(ImportProblem(.error, at: source.location(line: number), "Question not started on line \(number)"))
                    continue
                }
                pending = nil
                read += 1
                guard question.options.count >= 2 else { skip(question, "Question must have at least 2 answers on line \(number)"); continue }
                let key = line.split(separator: ":", maxSplits: 1).last.map(String.init) ?? ""
                guard let positions = AnswerKey.positions(key, optionCount: question.options.count) else {
                    skip(question, "ANSWER '\(key.trimmingCharacters(in: .whitespaces))' on line \(number) names no option (A–\(Character(UnicodeScalar(64 + question.options.count)!)))")
                    continue
                }
                var options = question.options
                for position in positions { options[position].correct = true }
                var notes: [ImportProblem] = []
                switch ItemBuilding.choice(id: "\(prefix)-\(read)", stem: question.stem, options: options,
                                           at: source.location(line: question.line), notes: &notes) {
                case .success(let item):
                    items.append(item)
                    problems += notes
                    sourceTexts[item.id] = ([question.stem] + question.options.map(\.text)).joined(separator: "\n")
                case .failure(let error): skip(question, error.reason)
                }
            } else if var question = pending, question.options.isEmpty {
                question.stem += " " + line  // a stem wrapped over several lines
                pending = question
            } else {
                if let question = pending {
                    read += 1
                    skip(question, "Question not completed before next question start on line \(number)")
                }
                pending = Pending(stem: HTMLText.decodeEntities(line), line: number)
            }
        }
        if let question = pending {
            read += 1
            skip(question, "Question not completed before the end of the file (no ANSWER: line)")
        }
        var result = ImportResult(path: source.path, items: items, problems: problems, read: read)
        result.sourceTexts = sourceTexts
        return result
    }

    /// `A) text`, `A. text`, `A)text`: the letter and the text.
    static func option(_ line: String) -> (Character, String)? {
        guard let first = line.first, first.isASCII, first.isUppercase, line.count >= 2 else { return nil }
        let second = line[line.index(after: line.startIndex)]
        guard second == ")" || second == "." else { return nil }
        return (first, String(line.dropFirst(2)).trimmingCharacters(in: .whitespaces))
    }
}

import Foundation

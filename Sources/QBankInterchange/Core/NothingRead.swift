import QBankCore

extension ImportSource {
    /// The problem for a source with content from which no item was read (neither imported nor
    /// skipped): the run must not pass as clean, and the user needs to know what was seen and
    /// what would bring the file in.
    public static func nothingRead(from source: ImportSource, format: InterchangeFormat?, seen: [ImportProblem]) -> ImportProblem {
        let first = seen.first { $0.kind == .error || $0.kind == .unreadable }
        let saw = first.map { " (\($0.reason))" } ?? ""
        let hint: String = switch format {
        case .json: "for another JSON layout (e.g. an array of question objects) pass --map with \"json\": {\"items\": …, \"stem\": …, \"options\": …, \"key\": …} field paths (see README, import mapping)"
        case .xml: "qbank reads its own XML bank files here; for QTI or Moodle XML pass --from qti or --from moodle"
        case .qti: "no assessmentItem was found; for a package, import the .zip or the folder that holds imsmanifest.xml"
        case .csv: "add a header row naming the question, option and answer columns, or pass --map with \"csv\": {\"columns\": [...]}"
        case .markdown: "qbank reads `### question` + `- [x]` options, numbered questions with lettered options and text2qti quizzes; see README (Markdown import)"
        default: "check --from (\(InterchangeFormat.allCases.map(\.rawValue).joined(separator: "|")))"
        }
        return ImportProblem(.unreadable, at: first?.location ?? source.location(line: 1), "read 0 items from a non-empty source\(saw); \(hint)")
    }
}

import Foundation
import QBankCore
import QBankPsychometrics
import TestSupport

/// The psychometrics corpus (`../shared/corpus/psychometrics`), or `QBANK_SHARED/corpus/…`
/// when the shared folder is elsewhere (a git worktree).
enum Corpus {
    static var folder: URL? {
        let candidates = [Fixtures.sharedFolder, ProcessInfo.processInfo.environment["QBANK_SHARED"].map { URL(fileURLWithPath: $0) }]
        return candidates.compactMap { $0?.appendingPathComponent("corpus/psychometrics") }
            .first { FileManager.default.fileExists(atPath: $0.path) }
    }

    /// A CSV of plain (optionally quoted) fields, as R's write.csv writes these files.
    static func table(_ name: String) throws -> [[String]] {
        guard let folder else { throw CorpusMissing() }
        let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        return text.split(whereSeparator: \.isNewline).map { line in
            line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
        }
    }

    /// iqitems as one administration: every item single-response, scored, keyed by psych's key.
    static func iqitems() throws -> Administration {
        let keys = try table("iqitems.keys.csv").dropFirst()
        let key = keys.enumerated().map { index, row in
            KeyEntry(position: index + 1, id: row[0], type: "single", scored: true, answer: .choice(row[1]))
        }
        let rows = try table("iqitems.csv")
        let candidates = rows.dropFirst().map { row in
            Administration.Candidate(id: row[0], responses: row.dropFirst().map { $0.isEmpty ? nil : Answer.choice($0) })
        }
        return Administration(form: "iqitems", key: key, candidates: candidates)
    }

    struct CorpusMissing: Error {}
}

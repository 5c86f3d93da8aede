import QBankCore
import QBankInterchange
import QBankReporting

/// Turns the importers' results and the merge into `ImportReport` (`qbank import --format json`):
/// each problem goes to the item it is about (by id, or by the item's source position), the rest
/// stay with the source.
struct ImportReportBuilder {
    let results: [ImportResult]
    let outcome: BankMerge.Outcome

    func report(written: Bool, status: Int32) -> ImportReport {
        let sources = results.map { result -> ImportReport.Source in
            var claimed = Set<Int>()
            var items: [ImportReport.Item] = []
            for item in result.file.allItems {
                let mine = result.problems.indices.filter { index in
                    let problem = result.problems[index]
                    return problem.kind != .skipped && (problem.item == item.id || (problem.item != nil && problem.location == item.origin.location))
                }
                claimed.formUnion(mine)
                items.append(ImportReport.Item(status: mine.isEmpty ? "imported" : "changed", id: item.id, source: nil, location: item.origin.location,
                                               type: item.type.rawValue, reasons: mine.map { Self.problem(result.problems[$0]) }))
            }
            for (index, problem) in result.problems.enumerated() where problem.kind == .skipped {
                claimed.insert(index)
                items.append(ImportReport.Item(status: "skipped", id: nil, source: problem.item, location: problem.location, type: nil,
                                               reasons: [Self.problem(problem)]))
            }
            items.sort { ($0.location ?? SourceLocation(file: "", line: 0, column: 0)) < ($1.location ?? SourceLocation(file: "", line: 0, column: 0)) }
            let rest = result.problems.indices.filter { !claimed.contains($0) }.map { Self.problem(result.problems[$0]) }
            return ImportReport.Source(path: result.file.path, read: result.read, imported: result.imported, skipped: result.skipped,
                                       items: items, problems: rest)
        }
        let collisions = outcome.conflicts.map { conflict in
            ImportReport.Problem(kind: "collision", location: conflict.imported ?? SourceLocation(file: conflict.existingFile, line: 1, column: 1),
                                 reason: "id '\(conflict.id)' collides with \(conflict.existing.map(\.description) ?? conflict.existingFile)")
        }
        return ImportReport(sources: sources, merge: outcome.resolutions.map(Self.problem) + collisions, written: written, exitStatus: status)
    }

    static func problem(_ problem: ImportProblem) -> ImportReport.Problem {
        ImportReport.Problem(kind: problem.kind.rawValue, location: problem.location, reason: problem.reason)
    }
}

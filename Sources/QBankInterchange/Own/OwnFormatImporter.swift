import QBankCore
import QBankJSON
import QBankXML

/// qbank's own XML and JSON bank files: merging them into a bank. Items keep
/// everything (status, domain, task, statistics); schema problems are reported per
/// item and the items the reader could not build are listed as skipped.
public struct OwnFormatImporter: ItemImporter {
    public static let format = InterchangeFormat.xml
    let syntax: InterchangeFormat

    public init(syntax: InterchangeFormat) { self.syntax = syntax }

    public func importItems(from source: ImportSource) -> ImportResult {
        let result = syntax == .json ? JSONBankReader().read(source.bytes, path: source.path)
                                     : XMLBankReader().read(source.bytes, path: source.path)
        guard let file = result.file else {
            let diagnostic = result.diagnostics.first
            return .unreadable(source.path, ImportProblem(.unreadable, at: diagnostic?.location ?? source.location(line: 1),
                                                          diagnostic?.message ?? "the file cannot be read"))
        }
        // A file with schema errors is not merged item by item: the items the reader
        // dropped are exactly the ones with errors, so each error is reported.
        var problems: [ImportProblem] = []
        var failedItems = Set<String>()
        for diagnostic in result.diagnostics {
            // One `skipped` per failing item (its first error); further errors on it are details.
            let first = diagnostic.itemID.map { failedItems.insert($0).inserted } ?? false
            problems.append(ImportProblem(first ? .skipped : .error, at: diagnostic.location, item: diagnostic.itemID, diagnostic.message))
        }
        let items = file.items.filter { !failedItems.contains($0.id) }
        let cases = file.cases.compactMap { study -> CaseStudy? in
            if failedItems.contains(study.id) { return nil }
            var kept = study
            kept.items = study.items.filter { !failedItems.contains($0.id) }
            return kept
        }
        let skipped = problems.filter { $0.kind == .skipped }.count
        return ImportResult(path: source.path, items: items, cases: cases, problems: problems,
                            read: items.count + cases.flatMap(\.items).count + skipped)
    }
}

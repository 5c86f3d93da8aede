import QBankCore

/// Picks the importer for a source and runs it.
public enum ImportRunner {
    public static func importer(for format: InterchangeFormat) -> any ItemImporter {
        switch format {
        case .xml, .json: OwnFormatImporter(syntax: format)
        case .qti: QTIImporter()
        case .moodle: MoodleImporter()
        case .gift: GIFTImporter()
        case .aiken: AikenImporter()
        case .csv: CSVImporter()
        case .markdown: MarkdownImporter()
        }
    }

    /// Imports one source; `format` nil means detect it (and report when that fails). Items whose text no bank file
    /// could hold are skipped with the reason (`ImportResult.skipForbiddenCharacters`).
    public static func run(_ source: ImportSource, from format: InterchangeFormat?, csvColumns: [String]? = nil) -> ImportResult {
        guard let format = format ?? InterchangeFormat.detect(path: source.path, bytes: source.bytes) else {
            return .unreadable(source.path, ImportProblem(.unreadable, at: SourceLocation(file: source.path, line: 1, column: 1),
                "cannot tell the format from the name or content; pass --from \(InterchangeFormat.allCases.map(\.rawValue).joined(separator: "|"))"))
        }
        let importer = format == .csv ? CSVImporter(columns: csvColumns) : importer(for: format)
        var result = importer.importItems(from: source)
        result.finishImport()
        return result
    }
}

import QBankCore

/// Picks the exporter for `qbank export --to`.
public enum ExportRunner {
    public static func exporter(for format: ExportFormat) -> any FormExporter {
        switch format {
        case .qti3: QTIExporter(version: .v30)
        case .qti21: QTIExporter(version: .v21)
        case .moodle: MoodleExporter()
        }
    }

    /// Whether the format is a zip package (QTI) or a single XML file (Moodle).
    public static func isPackage(_ format: ExportFormat) -> Bool { format != .moodle }
}

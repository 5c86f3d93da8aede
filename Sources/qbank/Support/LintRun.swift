import Foundation
import QBankCore
import QBankFiles
import QBankRules

/// Loads banks and lints them: what `qbank lint` does before it reports.
struct LintRun {
    var diagnostics: [Diagnostic]
    var files: [String]
    var itemCount: Int
    var hasUnreadableInput: Bool
    /// The banks as loaded, for commands that report on more than findings.
    var banks: [BankLoader.LoadedBank]

    static func perform(paths: [String], selection: RuleSelection, progress: ProgressHandler? = nil) throws -> LintRun {
        let banks: [BankLoader.LoadedBank]
        do { banks = try BankLoader().load(paths, progress: progress) } catch { throw CLIError.files(error) }
        let engine = LintEngine(selection: selection)
        var diagnostics: [Diagnostic] = []
        for loaded in banks {
            // An unreadable file is never silenced: QB001 always reports.
            diagnostics += loaded.readDiagnostics.filter { $0.ruleID == ReaderRules.syntaxError.id || selection.isEnabled(description(of: $0)) }
            diagnostics += engine.lint(loaded.bank, progress: progress)
        }
        return LintRun(
            diagnostics: diagnostics.sorted(by: Diagnostic.reportOrder),
            files: banks.flatMap(\.filePaths),
            itemCount: banks.reduce(0) { $0 + $1.bank.allItems.count },
            hasUnreadableInput: banks.contains { $0.hasUnreadableInput }, banks: banks)
    }

    private static func description(of diagnostic: Diagnostic) -> RuleDescription {
        BuiltInRules.descriptions.first { $0.id == diagnostic.ruleID } ?? ReaderRules.schemaViolation
    }
}

/// Facts about where qbank runs, for repo-relative paths and source excerpts.
enum Workspace {
    /// The enclosing git work tree, or the current folder.
    static func rootDirectory() -> String {
        var folder = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        while true {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(".git").path) { return folder.path }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return FileManager.default.currentDirectoryPath }
            folder = parent
        }
    }

    /// Contents of the files findings point into, for the caret display.
    static func contents(of files: Set<String>) -> [String: String] {
        var result: [String: String] = [:]
        for file in files {
            if let data = FileManager.default.contents(atPath: file) { result[file] = String(decoding: data, as: UTF8.self) }
        }
        return result
    }
}

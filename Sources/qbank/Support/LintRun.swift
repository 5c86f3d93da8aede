import Foundation
import QBankCore
import QBankFiles
import QBankRules

/// Loads banks and lints them: what `qbank lint` does before it reports.
struct LintRun {
    var diagnostics: [Diagnostic]
    /// Findings inline suppressions (and later the baseline) took out of the count.
    var suppressed: [SuppressedDiagnostic]
    var files: [String]
    /// What folder walks passed over (non-bank XML/JSON, excluded and ignored paths), for `--verbose`.
    var skipped: [FileDiscovery.Skipped] = []
    var itemCount: Int
    var hasUnreadableInput: Bool
    /// The banks as loaded, for commands that report on more than findings.
    var banks: [BankLoader.LoadedBank]
    /// Content fingerprints of every item and case, for the baseline.
    var fingerprints: [FingerprintKey: String]

    /// - Parameter fingerprints: compute content fingerprints (only the baseline needs them).
    /// - Parameter excluding: files that are not bank files though they may sit among them (baselines).
    static func perform(
        paths: [String], engine: LintEngine, fingerprints wanted: Bool = false, excluding: [String] = [],
        standardInput: StandardInput? = nil, replacing: [String: [UInt8]] = [:], progress: ProgressHandler? = nil
    ) throws -> LintRun {
        var found = FileDiscovery.Found()
        let options = FileDiscovery.Options(settings: engine.settings)
        do {
            if let standardInput { found.files = try standardInput.bankFiles(options: options) } else { found = try FileDiscovery.discover(paths, options: options) }
        } catch { throw CLIError.files(error) }
        // Links leading out of the folder or round in it, and special files, are told even without --verbose.
        ShowFiles.tellSkipped(found.skipped.filter(\.notable))
        var contents = replacing
        if let standardInput, contents[FileDiscovery.absolute(standardInput.path)] == nil {
            contents[FileDiscovery.absolute(standardInput.path)] = standardInput.bytes
        }
        let banks = BankLoader().load(files: found.files, excluding: excluding, replacing: contents, progress: progress)
        var diagnostics: [Diagnostic] = []
        var suppressed: [SuppressedDiagnostic] = []
        var fingerprints: [FingerprintKey: String] = [:]
        for loaded in banks {
            for diagnostic in loaded.readDiagnostics {
                // An unreadable file is never silenced: QB001 always reports.
                if diagnostic.ruleID == ReaderRules.syntaxError.id { diagnostics.append(diagnostic); continue }
                let rule = BuiltInRules.description(of: diagnostic.ruleID) ?? ReaderRules.schemaViolation
                if let kept = engine.settings.apply(diagnostic, rule: rule) { diagnostics.append(kept) }
            }
            let outcome = engine.run(loaded.bank, progress: progress)
            diagnostics += outcome.diagnostics
            suppressed += outcome.suppressed
            if wanted { fingerprints.merge(ContentFingerprint.index(loaded.bank)) { first, _ in first } }
        }
        if let standardInput {
            diagnostics = diagnostics.filter(standardInput.concerns)
            suppressed = suppressed.filter { standardInput.concerns($0.diagnostic) }
        }
        return LintRun(
            diagnostics: diagnostics.sorted(by: Diagnostic.reportOrder),
            suppressed: suppressed,
            files: standardInput.map { [$0.path] } ?? banks.flatMap { $0.filePaths }, skipped: found.skipped,
            itemCount: standardInput.map { input in
                banks.flatMap(\.bank.files).filter { $0.path == input.path }.reduce(0) { $0 + $1.allItems.count }
            } ?? banks.reduce(0) { $0 + $1.bank.allItems.count },
            hasUnreadableInput: standardInput.map { input in diagnostics.contains { $0.ruleID == ReaderRules.syntaxError.id && input.concerns($0) } }
                ?? banks.contains { $0.hasUnreadableInput }, banks: banks,
            fingerprints: fingerprints)
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
}

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
    /// - Parameter cache: reuse and record results per bank (never with stdin or replaced contents, which are not on disk).
    static func perform(
        paths: [String], engine: LintEngine, fingerprints wanted: Bool = false, excluding: [String] = [],
        standardInput: StandardInput? = nil, replacing: [String: [UInt8]] = [:], cache: LintCache? = nil,
        progress: ProgressHandler? = nil
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
        var banks: [BankLoader.LoadedBank] = []
        var results: [LintCache.Entry] = []
        if let cache, standardInput == nil, contents.isEmpty {
            (banks, results) = cached(found.files, engine: engine, fingerprints: wanted, excluding: excluding, cache: cache, progress: progress)
        } else {
            banks = BankLoader().load(files: found.files, excluding: excluding, replacing: contents, progress: progress)
            results = banks.map { lint($0, engine: engine, fingerprints: wanted, progress: progress) }
        }
        var diagnostics = results.flatMap(\.diagnostics)
        var suppressed = results.flatMap(\.suppressed)
        if let standardInput {
            diagnostics = diagnostics.filter(standardInput.concerns)
            suppressed = suppressed.filter { standardInput.concerns($0.diagnostic) }
        }
        return LintRun(
            diagnostics: diagnostics.sorted(by: Diagnostic.reportOrder),
            suppressed: suppressed,
            files: standardInput.map { [$0.path] } ?? results.flatMap(\.filePaths), skipped: found.skipped,
            itemCount: standardInput.map { input in
                banks.flatMap(\.bank.files).filter { $0.path == input.path }.reduce(0) { $0 + $1.itemCount }
            } ?? results.reduce(0) { $0 + $1.itemCount },
            hasUnreadableInput: standardInput.map { input in diagnostics.contains { $0.ruleID == ReaderRules.syntaxError.id && input.concerns($0) } }
                ?? results.contains { $0.hasUnreadableInput }, banks: banks,
            fingerprints: results.reduce(into: [:]) { all, result in all.merge(result.fingerprints) { first, _ in first } })
    }

    static func lint(_ loaded: BankLoader.LoadedBank, engine: LintEngine, fingerprints wanted: Bool, progress: ProgressHandler?) -> LintCache.Entry {
        lint(loaded, engine: engine, fingerprints: wanted, reusing: [:], analyses: nil, progress: progress).entry
    }

    /// Lints one loaded bank: its read findings under the settings, then the rules (item rules
    /// skip the files `reusing` has findings for). Also returns every file's item-rule findings
    /// and the bank rules' findings before settings.
    static func lint(
        _ loaded: BankLoader.LoadedBank, engine: LintEngine, fingerprints wanted: Bool, reusing: [String: [Diagnostic]],
        analyses: BankAnalyses?, progress: ProgressHandler?
    ) -> (entry: LintCache.Entry, itemFindings: [String: [Diagnostic]], bankFindings: [Diagnostic]) {
        let run = engine.run(loaded.bank, reusing: reusing, analyses: analyses, bankFindings: nil, progress: progress)
        let entry = LintCache.Entry(
            diagnostics: settled(loaded.readDiagnostics, engine: engine) + run.outcome.diagnostics, suppressed: run.outcome.suppressed,
            filePaths: loaded.filePaths, itemCount: loaded.bank.itemCount, hasUnreadableInput: loaded.hasUnreadableInput,
            fingerprints: wanted ? ContentFingerprint.index(loaded.bank) : [:])
        return (entry, run.itemFindings, run.bankFindings)
    }

    /// Reading's findings under the settings; an unreadable file is never silenced: QB001 always reports.
    static func settled(_ readDiagnostics: [Diagnostic], engine: LintEngine) -> [Diagnostic] {
        readDiagnostics.compactMap { diagnostic in
            if diagnostic.ruleID == ReaderRules.syntaxError.id { return diagnostic }
            return engine.settings.apply(diagnostic, rule: BuiltInRules.description(of: diagnostic.ruleID) ?? ReaderRules.schemaViolation)
        }
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

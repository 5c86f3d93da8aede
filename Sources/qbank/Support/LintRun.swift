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

    /// Banks the cache knows are not read; in the others, files the cache knows are not read
    /// either (their signatures stand in for them and their item findings are reused), and the
    /// rest are read, linted, and stored. Returns the banks read (files the cache knew as
    /// signatures, which hold what the bank rules read) and every bank's results, in the order
    /// `BankLoader` groups them. A baseline run (`fingerprints`) reads every file of a missed bank.
    private static func cached(
        _ files: [String], engine: LintEngine, fingerprints wanted: Bool, excluding: [String], cache: LintCache, progress: ProgressHandler?
    ) -> ([BankLoader.LoadedBank], [LintCache.Entry]) {
        let groups = BankLoader.groups(files: files, excluding: excluding)
        let hashes = groups.map { cache.contentHashes(of: $0.files) }
        let keys = groups.indices.map { cache.key(blueprintPath: groups[$0].blueprintPath, files: groups[$0].files, hashes: hashes[$0], fingerprints: wanted) }
        let groupFileKeys = groups.indices.map { cache.fileKeys(blueprintPath: groups[$0].blueprintPath, files: groups[$0].files, hashes: hashes[$0]) }
        // Every entry this run stands on is marked used, so that pruning keeps the ones the next change will need.
        defer {
            cache.markUsed(keys + groupFileKeys.flatMap { $0 })
            cache.finishRun()
        }
        var results = keys.map(cache.entry(for:))
        let missing = results.indices.filter { results[$0] == nil }
        guard !missing.isEmpty else { return ([], results.compactMap { $0 }) }
        // Per file: its entry's key, its item findings, and (unless fingerprints are wanted) what reading it gave.
        var fileKeys: [String: String] = [:], reusing: [String: [Diagnostic]] = [:], known: [String: ReadResult] = [:]
        var knownMedia: [String: [String: String]] = [:], knownAnalyses: [String: [String: [UInt8]]] = [:]
        for index in missing {
            let recorded = ConcurrentSlots<(key: String, entry: LintCache.FileEntry?, signature: (read: ReadResult, analyses: [String: [UInt8]])?)>(
                count: groups[index].files.count)
            DispatchQueue.concurrentPerform(iterations: groups[index].files.count) { position in
                let key = groupFileKeys[index][position]
                let entry = cache.fileEntry(for: key)
                recorded.store((key, entry, wanted ? nil : entry.flatMap { cache.signature(of: $0, for: key) }), at: position)
            }
            for (file, record) in zip(groups[index].files, recorded.values) {
                guard let record else { continue }
                fileKeys[file] = record.key
                if let entry = record.entry { reusing[file] = entry.findings }
                if let signature = record.signature, let entry = record.entry {
                    known[file] = signature.read
                    knownMedia[file] = entry.media
                    knownAnalyses[file] = signature.analyses
                }
            }
        }
        let banks = BankLoader().load(files: missing.flatMap { groups[$0].files }, known: known, progress: progress)
        for loaded in banks {
            guard let index = missing.first(where: { groups[$0].blueprintPath == loaded.blueprintPath }) else { continue }
            let analyses = BankAnalyses(stored: knownAnalyses)
            let result = lint(loaded, engine: engine, fingerprints: wanted, reusing: reusing, analyses: analyses, progress: progress)
            var media: [String: String] = [:]
            for file in loaded.bank.files {
                if let stamps = knownMedia[file.path] { media.merge(stamps) { first, _ in first } }
                guard known[file.path] == nil, let key = fileKeys[file.path] else { continue }
                // A file read now: its findings and signature are stored unless a sound entry already holds them.
                guard reusing[file.path] == nil || !wanted else { continue }
                cache.storeFile(findings: result.itemFindings[file.path] ?? [], readDiagnostics: wanted ? nil : loaded.fileDiagnostics[file.path],
                                for: key, file: file, analyses: wanted ? [:] : analyses.made(for: file.path))
            }
            cache.store(result.entry, for: keys[index], bank: loaded.bank, media: media)
            results[index] = result.entry
        }
        return (banks, results.compactMap { $0 })
    }

    private static func lint(_ loaded: BankLoader.LoadedBank, engine: LintEngine, fingerprints wanted: Bool, progress: ProgressHandler?) -> LintCache.Entry {
        lint(loaded, engine: engine, fingerprints: wanted, reusing: [:], analyses: nil, progress: progress).entry
    }

    /// Lints one loaded bank: its read findings under the settings, then the rules (item rules
    /// skip the files `reusing` has findings for). Also returns every file's item-rule findings.
    private static func lint(
        _ loaded: BankLoader.LoadedBank, engine: LintEngine, fingerprints wanted: Bool, reusing: [String: [Diagnostic]],
        analyses: BankAnalyses?, progress: ProgressHandler?
    ) -> (entry: LintCache.Entry, itemFindings: [String: [Diagnostic]]) {
        var diagnostics: [Diagnostic] = []
        for diagnostic in loaded.readDiagnostics {
            // An unreadable file is never silenced: QB001 always reports.
            if diagnostic.ruleID == ReaderRules.syntaxError.id { diagnostics.append(diagnostic); continue }
            let rule = BuiltInRules.description(of: diagnostic.ruleID) ?? ReaderRules.schemaViolation
            if let kept = engine.settings.apply(diagnostic, rule: rule) { diagnostics.append(kept) }
        }
        let (outcome, itemFindings) = engine.run(loaded.bank, reusing: reusing, analyses: analyses, progress: progress)
        let entry = LintCache.Entry(
            diagnostics: diagnostics + outcome.diagnostics, suppressed: outcome.suppressed, filePaths: loaded.filePaths,
            itemCount: loaded.bank.itemCount, hasUnreadableInput: loaded.hasUnreadableInput,
            fingerprints: wanted ? ContentFingerprint.index(loaded.bank) : [:])
        return (entry, itemFindings)
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

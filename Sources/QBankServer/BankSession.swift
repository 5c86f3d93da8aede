import Foundation
import QBankCore
import QBankFiles
import QBankRules

/// One bank held in memory for the editor: every file under one `blueprint.json` (or,
/// without one, under the first file's folder), the blueprint, the configuration and
/// its baseline. An edit re-reads only the edited file; linting then runs on the models
/// already in memory.
final class BankSession {
    /// The blueprint the bank's files fall under, or nil for a bank without one.
    let blueprintPath: String?
    /// The folder searched for the bank's files.
    let root: String
    private(set) var files: [String: BankFileState] = [:]
    private(set) var blueprint: Blueprint?
    private var blueprintDiagnostics: [Diagnostic] = []
    private(set) var engine: LintEngine
    private var baselinePath: String?
    /// Why the configuration could not be used (the defaults are used instead), to tell the user once.
    private(set) var configurationProblem: String?

    /// A bank file's text (the editor's buffer when open, else the disk's) and its model.
    struct BankFileState {
        var text: [UInt8]
        var read: ReadResult
    }

    /// The session for the bank `file` belongs to, loaded from disk.
    init(containing file: String) {
        var cache: [String: String?] = [:]
        blueprintPath = FileDiscovery.blueprintPath(for: file, cache: &cache)
        root = ((blueprintPath ?? FileDiscovery.absolute(file)) as NSString).deletingLastPathComponent
        engine = LintEngine()
        loadConfiguration()
        reloadBlueprint()
        // Without a blueprint there is no bank folder to search: the bank is the files opened.
        let found = blueprintPath == nil ? [] : (try? FileDiscovery.bankFiles(in: [root])) ?? []
        let members = found.map(FileDiscovery.absolute).filter { isMember($0, cache: &cache) }
        let results = BankSession.readAll(members)
        for (path, state) in zip(members, results) { files[path] = state }
    }

    /// True when `path` (absolute) is one of this bank's files or would be if it existed
    /// (always false without a blueprint: such a bank is only the files opened).
    func isMember(_ path: String, cache: inout [String: String?]) -> Bool {
        guard blueprintPath != nil, path.hasPrefix(root.hasSuffix("/") ? root : root + "/"), path != baselinePath,
              FileDiscovery.isBankFile((path as NSString).lastPathComponent) else { return false }
        return FileDiscovery.blueprintPath(for: path, cache: &cache) == blueprintPath
    }

    /// Whether a change to `path` means reloading the whole session (blueprint, configuration, baseline).
    func isSessionFile(_ path: String) -> Bool {
        path == blueprintPath || path == baselinePath || (path as NSString).lastPathComponent == ConfigLoader.fileName
    }

    /// Takes new content for one file (typed in the editor, or changed on disk).
    func update(_ path: String, text: [UInt8]) {
        files[path] = BankFileState(text: text, read: BankLoader.read(bytes: text, path: path))
    }

    /// Re-reads one file from disk, or forgets it when it is gone.
    func reloadFromDisk(_ path: String) {
        guard let data = FileManager.default.contents(atPath: path) else {
            files[path] = nil
            return
        }
        update(path, text: [UInt8](data))
    }

    var paths: [String] { files.keys.sorted() }

    var bank: Bank { Bank(files: paths.compactMap { files[$0]?.read.file }, blueprint: blueprint) }

    /// What reading the files and the blueprint found, with the project's severities.
    private func readDiagnostics(of paths: [String], withBlueprint: Bool) -> [Diagnostic] {
        let found = paths.flatMap { files[$0]?.read.diagnostics ?? [] } + (withBlueprint ? blueprintDiagnostics : [])
        return found.compactMap { diagnostic in
            // An unreadable file is never silenced: QB001 always reports.
            if diagnostic.ruleID == ReaderRules.syntaxError.id { return diagnostic }
            return engine.settings.apply(diagnostic, rule: BuiltInRules.description(of: diagnostic.ruleID) ?? ReaderRules.schemaViolation)
        }
    }

    /// Rule codes of the rules that look at one item at a time.
    lazy var itemRuleIDs: Set<String> = Set(engine.rules.compactMap { $0 as? any ItemRule }.map { type(of: $0).description.id })

    /// The fast pass after a keystroke: reading and item findings of one file only.
    /// Bank findings (and the baseline) wait for `lintBank`.
    func lintItems(of path: String) -> [Diagnostic] {
        guard let file = files[path]?.read.file else { return readDiagnostics(of: [path], withBlueprint: false) }
        var itemEngine = engine
        itemEngine.rules = engine.rules.filter { $0 is any ItemRule }
        let found = itemEngine.run(Bank(files: [file], blueprint: blueprint)).diagnostics.filter { itemRuleIDs.contains($0.ruleID) }
        return readDiagnostics(of: [path], withBlueprint: false) + found
    }

    /// Every finding of the bank, as `qbank lint` reports it (configuration and baseline applied).
    func lintBank() -> [Diagnostic] {
        let bank = self.bank
        var found = readDiagnostics(of: paths, withBlueprint: true) + engine.run(bank).diagnostics
        if let baselinePath, let baseline = try? BaselineFile.read(baselinePath) {
            let syntax = found.filter { $0.ruleID == ReaderRules.syntaxError.id }
            let keying = BaselineFile.keying(forBaselineAt: baselinePath, fingerprints: ContentFingerprint.index(bank), workingDirectory: root)
            found = baseline.apply(to: found.filter { $0.ruleID != ReaderRules.syntaxError.id }, keying: keying).new + syntax
        }
        return found.sorted(by: Diagnostic.reportOrder)
    }

    /// Re-reads `qbank.json` (and the baseline it names) and the blueprint.
    func reloadSettings() {
        loadConfiguration()
        reloadBlueprint()
    }

    private func loadConfiguration() {
        configurationProblem = nil
        var settings = LintSettings(baseDirectory: root, workingDirectory: root)
        if let path = ConfigLoader.discover(for: [root], workingDirectory: root) {
            do { settings = try ConfigLoader.load(path, workingDirectory: root) } catch {
                configurationProblem = "\(error.description); qbank uses the default rules until it is fixed"
            }
        }
        do { engine = try LintEngine(settings: settings) } catch {
            configurationProblem = "\(error.description); qbank uses the default rules until it is fixed"
            engine = LintEngine()
        }
        baselinePath = engine.settings.baseline.map(FileDiscovery.absolute)
        itemRuleIDs = Set(engine.rules.compactMap { $0 as? any ItemRule }.map { type(of: $0).description.id })
    }

    private func reloadBlueprint() {
        guard let blueprintPath else { return }
        let loaded = BankLoader.readBlueprint(at: blueprintPath, displayedAs: blueprintPath)
        blueprint = loaded.blueprint
        blueprintDiagnostics = loaded.diagnostics
    }

    private static func readAll(_ paths: [String]) -> [BankFileState] {
        let slots = ConcurrentSlots<BankFileState>(count: paths.count)
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            let text = FileManager.default.contents(atPath: paths[index]).map { [UInt8]($0) } ?? []
            slots.store(BankFileState(text: text, read: BankLoader.read(paths[index])), at: index)
        }
        return slots.values.map { $0 ?? BankFileState(text: [], read: ReadResult(file: nil)) }
    }
}

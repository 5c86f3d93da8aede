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
        files[path] = BankFileState(text: text, read: BankLoader.read(text, path: path))
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
    lazy var itemRuleIDs: Set<String> = Set(engine.rules.compactMap(\.asItemRule).map { type(of: $0).description.id })

    /// The fast pass after a keystroke: reading and item findings of one file only.
    /// Bank findings (and the baseline) wait for `lintBank`. Stand-alone items whose content
    /// is unchanged since the last fast pass keep their findings, moved with the item's
    /// first line, so a keystroke costs one item's rules (and the file's parse), not the file's.
    func lintItems(of path: String) -> [Diagnostic] {
        let read = readDiagnostics(of: [path], withBlueprint: false)
        guard let file = files[path]?.read.file else {
            fastPass[path] = nil
            return read
        }
        let previous = fastPass[path].map { Dictionary($0.map { ($0.item.id, $0) }, uniquingKeysWith: { first, _ in first }) } ?? [:]
        let ids = file.items.map(\.id)
        let reusable = Set(ids).count == ids.count
        var changed: [Item] = [], kept: [Diagnostic] = []
        for item in file.items {
            if reusable, let last = previous[item.id], last.item == item, let old = last.line, let new = item.origin.location?.line {
                kept += last.findings.map { Self.moved($0, by: new - old, in: path) }
            } else {
                changed.append(item)
            }
        }
        var itemEngine = engine
        itemEngine.rules = engine.rules.filter { $0.asItemRule != nil }
        let subset = BankFile(path: file.path, items: changed, cases: file.cases)
        let fresh = itemEngine.run(Bank(files: [subset], blueprint: blueprint)).diagnostics.filter { itemRuleIDs.contains($0.ruleID) }
        let found = (kept + fresh).sorted(by: Diagnostic.reportOrder)
        fastPass[path] = reusable ? Self.spans(of: file, findings: found) : nil
        return read + found
    }

    /// The last fast pass of a file: each stand-alone item, the line it started on, and the findings inside it.
    private var fastPass: [String: [ItemSpan]] = [:]

    struct ItemSpan {
        var item: Item
        var line: Int?
        var findings: [Diagnostic]
    }

    /// Findings shared out to the stand-alone items they fall in (by line: an item runs to the next item or case).
    private static func spans(of file: BankFile, findings: [Diagnostic]) -> [ItemSpan] {
        let starts = (file.items.compactMap { $0.origin.location?.line } + file.cases.compactMap { $0.origin.location?.line }).sorted()
        return file.items.map { item in
            guard let line = item.origin.location?.line else { return ItemSpan(item: item, line: nil, findings: []) }
            let end = starts.first { $0 > line } ?? Int.max
            return ItemSpan(item: item, line: line, findings: findings.filter { $0.location.line >= line && $0.location.line < end })
        }
    }

    private static func moved(_ diagnostic: Diagnostic, by lines: Int, in path: String) -> Diagnostic {
        guard lines != 0 else { return diagnostic }
        var moved = diagnostic
        moved.location.line += lines
        moved.related = moved.related.map { related in
            var related = related
            if related.location.file == path { related.location.line += lines }
            return related
        }
        return moved
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
        fastPass.removeAll()
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
        itemRuleIDs = Set(engine.rules.compactMap(\.asItemRule).map { type(of: $0).description.id })
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

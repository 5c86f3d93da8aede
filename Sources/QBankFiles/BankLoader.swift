import Foundation
import QBankCore
import QBankJSON
import QBankXML

/// Reads bank files from disk, in parallel, and groups them into banks by the
/// `blueprint.json` they fall under. The only place that knows about folders.
public struct BankLoader: Sendable {
    public init() {}

    /// A bank as loaded: its model, and what reading it found.
    public struct LoadedBank: Sendable {
        /// The blueprint file this bank was grouped under, if any.
        public var blueprintPath: String?
        /// Every file of the bank as named in diagnostics, readable or not.
        public var filePaths: [String]
        public var bank: Bank
        /// QB001/QB002 findings from reading files and the blueprint.
        public var readDiagnostics: [Diagnostic]
        /// True when some file could not be read at all (exit code 2).
        public var hasUnreadableInput: Bool
        /// The reader's findings of each readable file, by path, for the lint cache.
        public var fileDiagnostics: [String: [Diagnostic]] = [:]
    }

    /// Loads every bank file under `paths`, except the files in `excluding` (a baseline
    /// or config file that lives among the bank files), telling `progress` (if any) as files are read.
    public func load(_ paths: [String], excluding: [String] = [], progress: ProgressHandler? = nil) throws(FilesError) -> [LoadedBank] {
        var skipped: [FileDiscovery.Skipped] = []
        return try load(paths, excluding: excluding, progress: progress, skipped: &skipped)
    }

    /// As `load(_:excluding:progress:)`, telling what the folder walk left out that a user must hear of (links
    /// outside the tree, loops, FIFOs).
    public func load(_ paths: [String], excluding: [String] = [], progress: ProgressHandler? = nil,
                     skipped: inout [FileDiscovery.Skipped]) throws(FilesError) -> [LoadedBank] {
        try load(files: FileDiscovery.bankFiles(in: paths, skipped: &skipped), excluding: excluding, progress: progress)
    }

    /// Loads files already found (`FileDiscovery.discover`), except those in `excluding`.
    /// `replacing` stands in for files (absolute path → bytes): an editor's unsaved buffer, or text `--fix` changed.
    /// Files `known` has (by path as found) are not read: the lint cache gives what reading them gave.
    public func load(files found: [String], excluding: [String] = [], replacing: [String: [UInt8]] = [:],
                     known: [String: ReadResult] = [:], progress: ProgressHandler? = nil) -> [LoadedBank] {
        let skipped = Set(excluding.map(FileDiscovery.absolute))
        let files = found.filter { !skipped.contains(FileDiscovery.absolute($0)) }
        let results = Self.readAll(files, replacing: replacing, known: known, progress: progress)
        return Self.groupIndices(files).map { key, members in
            var diagnostics = members.flatMap { results[$0].diagnostics }
            var unreadable = members.contains { results[$0].isUnreadable }
            var blueprint: Blueprint?
            if let key {
                let loaded = Self.readBlueprint(at: key, displayedAs: Self.displayPath(key, like: files[members[0]]))
                blueprint = loaded.blueprint
                diagnostics += loaded.diagnostics
                unreadable = unreadable || loaded.unreadable
            }
            return LoadedBank(
                blueprintPath: key, filePaths: members.map { files[$0] }, bank: Bank(files: members.compactMap { results[$0].file }, blueprint: blueprint),
                readDiagnostics: diagnostics, hasUnreadableInput: unreadable,
                fileDiagnostics: Dictionary(members.compactMap { index in results[index].file.map { ($0.path, results[index].diagnostics) } },
                                            uniquingKeysWith: { first, _ in first }))
        }
    }

    /// The banks `files` make, without reading them: each blueprint path (nil: none) with its
    /// files, in the order `load` returns them. The lint cache keys its entries by these groups.
    public static func groups(files found: [String], excluding: [String] = []) -> [(blueprintPath: String?, files: [String])] {
        let skipped = Set(excluding.map(FileDiscovery.absolute))
        let files = found.filter { !skipped.contains(FileDiscovery.absolute($0)) }
        return groupIndices(files).map { ($0.blueprintPath, $0.members.map { files[$0] }) }
    }

    /// Indices of `files` grouped by the blueprint they fall under, groups in order of first appearance.
    static func groupIndices(_ files: [String]) -> [(blueprintPath: String?, members: [Int])] {
        var cache: [String: String?] = [:]
        var groups: [String?: [Int]] = [:]
        var order: [String?] = []
        for index in files.indices {
            let key = FileDiscovery.blueprintPath(for: files[index], cache: &cache)
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(index)
        }
        return order.map { ($0, groups[$0] ?? []) }
    }

    /// Reads one file with the reader its extension calls for.
    public static func read(_ path: String) -> ReadResult {
        guard let bytes = FileBytes.read(path) else {
            return ReadResult(file: nil, diagnostics: [Diagnostic(
                ReaderRules.syntaxError, "cannot read the file; check it exists and is readable",
                at: SourceLocation(file: path, line: 1, column: 1))])
        }
        return read(bytes, path: path)
    }

    /// Reads bytes as the file at `path`, with the reader its extension calls for, and inspects the media it names.
    public static func read(_ bytes: [UInt8], path: String) -> ReadResult {
        var result: ReadResult
        if path.lowercased().hasSuffix(".json") {
            result = JSONBankReader().read(bytes, path: path)
        } else if path.lowercased().hasSuffix(".xml") {
            result = XMLBankReader().read(bytes, path: path)
        } else {
            return ReadResult(file: nil, diagnostics: [Diagnostic(
                ReaderRules.syntaxError, "not a bank file: bank files end in .xml or .json",
                at: SourceLocation(file: path, line: 1, column: 1))])
        }
        if result.file != nil { MediaInspector.attach(to: &result.file!, folder: (path as NSString).deletingLastPathComponent) }
        return result
    }

    /// Reads files on every core; results keep the order of `files`.
    static func readAll(_ files: [String], replacing: [String: [UInt8]] = [:], known: [String: ReadResult] = [:],
                        progress: ProgressHandler? = nil) -> [ReadResult] {
        let slots = ConcurrentSlots<ReadResult>(count: files.count)
        let counter = ProgressCounter(total: files.count, phase: "reading files", handler: progress)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            if let result = known[files[index]] {
                slots.store(result, at: index)
            } else if !replacing.isEmpty, let bytes = replacing[FileDiscovery.absolute(files[index])] {
                slots.store(read(bytes, path: files[index]), at: index)
            } else {
                slots.store(read(files[index]), at: index)
            }
            counter.advance()
        }
        return slots.values.map { $0 ?? ReadResult(file: nil) }
    }

    public static func readBlueprint(at path: String, displayedAs shown: String) -> (blueprint: Blueprint?, diagnostics: [Diagnostic], unreadable: Bool) {
        guard let data = FileManager.default.contents(atPath: path) else {
            return (nil, [Diagnostic(ReaderRules.syntaxError, "cannot read the blueprint", at: SourceLocation(file: shown, line: 1, column: 1))], true)
        }
        let result = BlueprintReader().read([UInt8](data), path: shown)
        let unreadable = result.diagnostics.contains { $0.ruleID == ReaderRules.syntaxError.id }
        return (result.blueprint, result.diagnostics, unreadable)
    }

    /// Shows a blueprint path the way the user named the bank files: relative when they were.
    static func displayPath(_ absoluteBlueprint: String, like file: String) -> String {
        guard !file.hasPrefix("/") else { return absoluteBlueprint }
        let cwd = FileManager.default.currentDirectoryPath
        let prefix = cwd.hasSuffix("/") ? cwd : cwd + "/"
        return absoluteBlueprint.hasPrefix(prefix) ? String(absoluteBlueprint.dropFirst(prefix.count)) : absoluteBlueprint
    }
}

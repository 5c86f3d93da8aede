import Foundation
import QBankCore
import QBankFiles
import QBankInterchange
import QBankJSON
import QBankXML

/// The import workflow: read every source, assign domains and tasks, merge into
/// the bank, write the changed files (atomically, canonical) or, on a collision
/// without a policy, nothing at all.
struct ImportRun {
    let into: String
    let syntax: BankSyntax
    let from: InterchangeFormat?
    let csvColumns: [String]?
    let jsonFields: JSONFieldMap?
    let assignment: Assignment
    /// `--format json`: the per-source, per-item report on stdout instead of the text one.
    var json = false

    static let extensions = ["xml", "json", "zip", "gift", "txt", "aiken", "csv", "tsv", "md", "markdown"]

    /// `keepGoing`: write what could be read even when another source cannot be (the exit status stays 2).
    func execute(_ sources: [String], dryRun: Bool, policy: ConflictPolicy?, verbose: Bool, keepGoing: Bool = false) throws -> Int32 {
        var results: [ImportResult] = []
        var unreadable = false
        var emptyFolderFiles = 0
        for (path, named) in try expand(sources) {
            var result: ImportResult
            let source: ImportSource, format: InterchangeFormat?
            if path.hasSuffix("/") {
                let entries = try packageFiles(path)
                (source, format) = (ImportSource(path: String(path.dropLast()), bytes: entries["imsmanifest.xml"] ?? []), .qti)
                result = QTIImporter().importPackage(entries: entries, path: source.path, separator: "/")
                result.finishImport()
            } else {
                guard let data = FileManager.default.contents(atPath: path) else { throw CLIError.files(.unreadable(path, "cannot read the file")) }
                source = ImportSource(path: path, bytes: [UInt8](data))
                format = from ?? InterchangeFormat.detect(path: path, bytes: source.bytes)
                if format == nil && !named { continue }  // a README or licence in a folder
                if format == .csv || (format == .json && jsonFields != nil) {
                    result = format == .csv ? CSVImporter(columns: csvColumns).importItems(from: source)
                                            : JSONMapImporter(map: jsonFields!).importItems(from: source)
                    result.finishImport()
                } else {
                    result = ImportRunner.run(source, from: format)
                }
            }
            if result.read == 0, !result.problems.contains(where: { $0.kind == .unreadable }), source.bytes.contains(where: { $0 > 0x20 }) {
                let problem = ImportSource.nothingRead(from: source, format: format, seen: result.problems)
                // A file met in a folder (a README, an index of links) may hold no question: a note, unless the whole run reads none.
                result.problems.append(named ? problem : ImportProblem(.note, at: problem.location, problem.reason))
                emptyFolderFiles += named ? 0 : 1
            }
            assignment.apply(to: &result)
            let folder = (path as NSString).deletingLastPathComponent
            result.placeLocalImages { relative in
                guard MediaFile.outsideBankReason(relative) == nil || relative.hasPrefix("../") else { return nil }
                let file = folder.isEmpty ? relative : (folder as NSString).appendingPathComponent(relative.removingPercentEncoding ?? relative)
                return FileManager.default.contents(atPath: file).map { [UInt8]($0) }
            }
            if result.problems.contains(where: { $0.kind == .unreadable }) { unreadable = true }
            results.append(result)
        }

        if emptyFolderFiles > 0, results.allSatisfy({ $0.read == 0 }) {
            unreadable = true
            Log.info("qbank: no item read from any source")
        }
        let bank = try existingBank()
        let targets = results.map { ($0, targetPath(for: $0.file.path, among: bank)) }
        let outcome = BankMerge().merge(targets, into: bank, policy: policy)
        if !json { report(results, outcome: outcome, verbose: verbose) }
        func finish(_ status: Int32, written: Bool = false) -> Int32 {
            if json { Console.out(ImportReportBuilder(results: results, outcome: outcome).report(written: written, status: status).json()) }
            return status
        }
        for conflict in outcome.conflicts {
            let at = conflict.imported.map { "\($0): " } ?? ""
            if FileManager.default.fileExists(atPath: conflict.existingFile) {
                Log.info("\(at)id '\(conflict.id)' is already in \(conflict.existingFile)")
            } else {
                let earlier = conflict.existing.map { " at \($0)" } ?? ""
                Log.info("\(at)id '\(conflict.id)' is also imported\(earlier) in this run (both would go to \(conflict.existingFile))")
            }
        }
        if unreadable && !keepGoing {
            Log.info("qbank: some sources cannot be read; nothing written (--keep-going writes the others)")
            return finish(ExitStatus.usage)
        }
        if !outcome.conflicts.isEmpty {
            Log.info("qbank: \(outcome.conflicts.count) id collision\(outcome.conflicts.count == 1 ? "" : "s"); nothing written. Pass --on-conflict rename|skip|replace")
            return finish(unreadable ? ExitStatus.usage : ExitStatus.findings)
        }
        for file in outcome.changedFiles where !file.path.lowercased().hasSuffix(".json") {
            if let data = FileManager.default.contents(atPath: file.path), CanonicalFormatter.hasComments(data) {
                throw CLIError.usage("\(file.path) has XML comments (suppressions among them), which rewriting it to merge the import would drop; "
                    + "move what they say into the items or import into another file; nothing written")
            }
        }
        if !dryRun {
            for file in outcome.changedFiles where !file.allItems.isEmpty || FileManager.default.fileExists(atPath: file.path) {
                let folder = (file.path as NSString).deletingLastPathComponent
                if !folder.isEmpty { try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
                let text = file.path.lowercased().hasSuffix(".json")
                    ? JSONBankWriter(schema: CanonicalFormatter.schemaLink(of: file.path, default: SchemaLinks.bankJSONSchema)).write(file)
                    : XMLBankWriter(schemaLocation: CanonicalFormatter.schemaLink(of: file.path, default: SchemaLinks.bankXSD)).write(file)
                do { try AtomicFile.write(text, to: file.path) } catch { throw CLIError.files(error) }
                Log.info("wrote \(file.path) (\(Self.count(file.allItems.count, "item")))")
            }
            try writeMedia(results, targets: targets)
        }
        if unreadable { return finish(ExitStatus.usage, written: !dryRun) }
        return finish(results.contains(where: { $0.skipped > 0 }) ? ExitStatus.findings : ExitStatus.clean, written: !dryRun)
    }

    /// "1 item", "3 items".
    static func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }

    /// Every file of an unzipped content package, by path from the folder (hidden files left out).
    private func packageFiles(_ folder: String) throws -> [String: [UInt8]] {
        var entries: [String: [UInt8]] = [:]
        for relative in (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []).sorted()
        where !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
            let path = folder + relative
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            guard let data = FileManager.default.contents(atPath: path) else { throw CLIError.files(.unreadable(path, "cannot read the file")) }
            entries[relative] = [UInt8](data)
        }
        return entries
    }

    /// Copies the images imported texts name into `media/` beside the bank file that names them.
    /// Names are content hashes, so an existing file of that name already holds these bytes.
    private func writeMedia(_ results: [ImportResult], targets: [(ImportResult, String)]) throws {
        for (result, target) in targets where !result.media.isEmpty {
            let folder = (target as NSString).deletingLastPathComponent
            for (relative, bytes) in result.media.sorted(by: { $0.key < $1.key }) {
                let path = folder.isEmpty ? relative : (folder as NSString).appendingPathComponent(relative)
                if FileManager.default.fileExists(atPath: path) { continue }
                try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                do { try AtomicFile.write(bytes: bytes, to: path) } catch { throw CLIError.files(error) }
                Log.info("wrote \(path)")
            }
        }
    }

    /// Files named directly, and files with a known extension found under folders.
    private func expand(_ sources: [String]) throws -> [(String, Bool)] {
        var files: [(String, Bool)] = []
        for source in sources {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: source, isDirectory: &isFolder) else { throw CLIError.files(.notFound(source)) }
            guard isFolder.boolValue else { files.append((source, true)); continue }
            // An unzipped QTI content package imports like its .zip (marked by a trailing slash).
            let folder = source.hasSuffix("/") ? source : source + "/"
            if FileManager.default.fileExists(atPath: folder + "imsmanifest.xml") { files.append((folder, true)); continue }
            let found = (FileManager.default.enumerator(atPath: source)?.allObjects as? [String] ?? [])
                .filter { path in
                    !path.split(separator: "/").contains { $0.hasPrefix(".") }
                        && Self.extensions.contains((path as NSString).pathExtension.lowercased())
                }
                .sorted()
            files += found.map { ((source as NSString).appendingPathComponent($0), false) }
        }
        return files
    }

    private var intoIsFile: Bool {
        let lower = into.lowercased()
        return lower.hasSuffix(".xml") || lower.hasSuffix(".json")
    }

    /// The bank's files as they are now: every bank file of the bank `--into` belongs to (under the folder of its
    /// `blueprint.json` when there is one above it), so ids are checked against the whole bank, not one file or folder.
    private func existingBank() throws -> [BankFile] {
        let folder = intoIsFile ? (into as NSString).deletingLastPathComponent : into
        let root = FileDiscovery.bankRoot(of: folder.isEmpty ? "." : folder)
        guard FileManager.default.fileExists(atPath: root) else { return [] }
        let banks: [BankLoader.LoadedBank]
        do { banks = try BankLoader().load([root]) } catch { throw CLIError.files(error) }
        if let broken = banks.first(where: \.hasUnreadableInput) {
            throw CLIError.usage("\(root): \(broken.filePaths.count) bank file(s) here cannot all be read; run `qbank lint \(root)` and fix them before importing")
        }
        let files = banks.flatMap(\.bank.files)
        let invalid = banks.flatMap(\.readDiagnostics).filter { $0.ruleID == "QB002" }
        if let first = invalid.first {
            throw CLIError.usage("\(first.location): \(first.message); fix the bank (`qbank lint \(root)`) before importing into it")
        }
        return files
    }

    /// Where a source's items go; an existing file is named as the bank named it, so the merge finds it whatever
    /// spelling of its path `--into` used.
    private func targetPath(for source: String, among bank: [BankFile]) -> String {
        if intoIsFile {
            let wanted = FileDiscovery.absolute(into)
            return bank.first { FileDiscovery.absolute($0.path) == wanted }?.path ?? into
        }
        var name = (source.split(separator: "!").first.map(String.init) ?? source)
        name = Identifiers.prefix(forPath: name)
        return (into as NSString).appendingPathComponent("\(name).\(syntax.rawValue)")
    }

    private func report(_ results: [ImportResult], outcome: BankMerge.Outcome, verbose: Bool) {
        var lines: [String] = []
        for result in results {
            lines.append("\(result.file.path): read \(result.read), imported \(result.imported), skipped \(result.skipped)")
            let problems = result.problems.sorted { $0.location < $1.location }
            for problem in problems {
                let item = problem.item.map { " [\($0)]" } ?? ""
                lines.append("  \(problem.location): \(problem.kind.rawValue)\(item): \(problem.reason)")
            }
            if verbose {
                for item in result.file.allItems {
                    let at = item.origin.location.map(\.description) ?? result.file.path
                    lines.append("  \(at): imported as \(item.id) (\(item.type.rawValue)\(item.status == .draft ? ", draft" : ""))")
                }
            }
        }
        for resolution in outcome.resolutions {
            lines.append("  \(resolution.location): \(resolution.kind.rawValue) [\(resolution.item ?? "")]: \(resolution.reason)")
        }
        let read = results.reduce(0) { $0 + $1.read }
        let imported = results.reduce(0) { $0 + $1.imported }
        let skipped = results.reduce(0) { $0 + $1.skipped }
        lines.append("total: read \(read), imported \(imported), skipped \(skipped)")
        Console.out(lines.joined(separator: "\n") + "\n")
    }
}

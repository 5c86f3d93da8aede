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
    let assignment: Assignment

    static let extensions = ["xml", "json", "zip", "gift", "txt", "aiken", "csv", "tsv", "md", "markdown"]

    func execute(_ sources: [String], dryRun: Bool, policy: ConflictPolicy?, verbose: Bool) throws -> Int32 {
        var results: [ImportResult] = []
        var unreadable = false
        for (path, named) in try expand(sources) {
            guard let data = FileManager.default.contents(atPath: path) else { throw CLIError.files(.unreadable(path, "cannot read the file")) }
            let source = ImportSource(path: path, bytes: [UInt8](data))
            let format = from ?? InterchangeFormat.detect(path: path, bytes: source.bytes)
            if format == nil && !named { continue }  // a README or licence in a folder
            var result = ImportRunner.run(source, from: format, csvColumns: csvColumns)
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

        let bank = try existingBank()
        let targets = results.map { ($0, targetPath(for: $0.file.path, among: bank)) }
        let outcome = BankMerge().merge(targets, into: bank, policy: policy)
        report(results, outcome: outcome, verbose: verbose)
        if !outcome.conflicts.isEmpty {
            for conflict in outcome.conflicts {
                let at = conflict.imported.map { "\($0): " } ?? ""
                Log.info("\(at)id '\(conflict.id)' is already in \(conflict.existingFile)")
            }
            Log.info("qbank: \(outcome.conflicts.count) id collision\(outcome.conflicts.count == 1 ? "" : "s"); nothing written. Pass --on-conflict rename|skip|replace")
            return ExitStatus.findings
        }
        if unreadable {
            Log.info("qbank: some sources cannot be read; nothing written")
            return ExitStatus.usage
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
                Log.info("wrote \(file.path) (\(file.allItems.count) items)")
            }
            try writeMedia(results, targets: targets)
        }
        return results.contains(where: { $0.skipped > 0 }) ? ExitStatus.findings : ExitStatus.clean
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

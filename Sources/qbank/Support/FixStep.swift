import Foundation
import QBankCore
import QBankFiles
import QBankRules

/// `qbank lint --fix` / `--diff`: lint, apply the fixes one pass allows, re-lint the changed text,
/// and repeat (at most `maximumPasses` times) until nothing more is fixable. Text is changed in
/// memory; the command then writes it (atomically) or shows it as a diff.
struct FixStep {
    static let maximumPasses = 10

    /// Fixed contents by absolute path, the originals, how files were named, and how many fixes applied.
    var contents: [String: [UInt8]] = [:]
    var originals: [String: [UInt8]] = [:]
    var names: [String: String] = [:]
    var applied = 0

    /// Files whose text differs from what was read, in name order.
    var changedFiles: [String] { contents.keys.filter { contents[$0] != originals[$0] }.sorted { names[$0]! < names[$1]! } }

    static func run(paths: [String], engine: LintEngine, excluding: [String], standardInput: StandardInput?,
                    baseline: String?, unsafe: Bool) throws -> FixStep {
        var step = FixStep()
        for _ in 0..<maximumPasses {
            var run = try LintRun.perform(paths: paths, engine: engine, fingerprints: baseline != nil, excluding: excluding,
                                          standardInput: standardInput, replacing: step.contents)
            // Baselined findings are accepted as they are: they are not fixed.
            if let baseline { _ = try BaselineStep.apply(baseline, to: &run) }
            let plan = FixPlan(run.diagnostics, unsafe: unsafe)
            var changed = false
            for (file, fixes) in plan.fixes.sorted(by: { $0.key < $1.key }) {
                let key = FileDiscovery.absolute(file)
                let standardInputKey = standardInput.map { FileDiscovery.absolute($0.path) }
                guard let before = step.contents[key] ?? (key == standardInputKey ? standardInput?.bytes : nil)
                        ?? FileManager.default.contents(atPath: file).map({ [UInt8]($0) }) else { continue }
                let after = FixPlan.apply(fixes, to: before)
                guard after != before else { continue }
                if step.originals[key] == nil { step.originals[key] = before }
                step.names[key] = file
                step.contents[key] = after
                step.applied += fixes.count
                changed = true
            }
            if !changed { break }
        }
        try step.keepReadable(paths: paths, engine: engine, excluding: excluding, standardInput: standardInput)
        return step
    }

    /// A fix must never leave a file the readers refuse: such a file keeps its original text.
    private mutating func keepReadable(paths: [String], engine: LintEngine, excluding: [String], standardInput: StandardInput?) throws {
        guard !contents.isEmpty else { return }
        let run = try LintRun.perform(paths: paths, engine: engine, excluding: excluding, standardInput: standardInput, replacing: contents)
        let broken = Set(run.diagnostics.filter { $0.ruleID == ReaderRules.syntaxError.id || $0.ruleID == ReaderRules.schemaViolation.id }
            .map { FileDiscovery.absolute($0.location.file) })
        for key in changedFiles where broken.contains(key) {
            let before = try LintRun.perform(paths: paths, engine: engine, excluding: excluding, standardInput: standardInput,
                                             replacing: [key: originals[key]!])
            // Only refuse fixes that made a readable file unreadable; a file broken before stays as the user left it.
            if before.diagnostics.contains(where: { FileDiscovery.absolute($0.location.file) == key && ($0.ruleID == ReaderRules.syntaxError.id || $0.ruleID == ReaderRules.schemaViolation.id) }) { continue }
            Log.info("qbank: the fixes to \(names[key]!) would make it invalid; left unchanged (a bug: please report it)")
            contents[key] = originals[key]
        }
    }

    /// Writes every changed file atomically (the stdin text goes to stdout instead).
    func write(standardInput: StandardInput?) throws {
        let standardInputKey = standardInput.map { FileDiscovery.absolute($0.path) }
        if let standardInputKey {
            Console.out(bytes: contents[standardInputKey] ?? standardInput!.bytes)
        }
        for key in changedFiles where key != standardInputKey {
            do { try AtomicFile.write(bytes: contents[key]!, to: names[key]!) } catch { throw CLIError.files(error) }
        }
    }

    /// Unified diffs of every changed file.
    func diff() -> String {
        changedFiles.map { UnifiedDiff.render(old: originals[$0]!, new: contents[$0]!, path: names[$0]!) }.joined()
    }
}

import Foundation
import QBankCore
import QBankFiles
import QBankRules

/// `--write-baseline` and `--baseline`: accept today's findings, then fail only on new ones.
enum BaselineStep {
    static func keying(for baselinePath: String, run: LintRun) -> Baseline.Keying {
        BaselineFile.keying(forBaselineAt: baselinePath, fingerprints: run.fingerprints)
    }

    /// Writes every finding of the run (QB001 excepted: an unreadable file is never accepted).
    static func write(_ run: LintRun, to path: String) throws {
        let accepted = run.diagnostics.filter { $0.ruleID != ReaderRules.syntaxError.id }
        let baseline = Baseline(accepting: accepted, keying: keying(for: path, run: run))
        do { try BaselineFile.write(baseline, to: path) } catch { throw CLIError.files(error) }
        Log.info("qbank: wrote \(accepted.count) finding\(accepted.count == 1 ? "" : "s") (\(baseline.entries.count) entr\(baseline.entries.count == 1 ? "y" : "ies")) to \(path)")
    }

    /// Moves baselined findings to the suppressed list (SARIF `external`) and reports stale entries.
    /// Returns the number of stale entries.
    static func apply(_ path: String, to run: inout LintRun) throws -> Int {
        let baseline: Baseline
        do { baseline = try BaselineFile.read(path) } catch { throw CLIError.usage(error.description) }
        let candidates = run.diagnostics.filter { $0.ruleID != ReaderRules.syntaxError.id }
        let outcome = baseline.apply(to: candidates, keying: keying(for: path, run: run))
        run.diagnostics = (outcome.new + run.diagnostics.filter { $0.ruleID == ReaderRules.syntaxError.id }).sorted(by: Diagnostic.reportOrder)
        run.suppressed += outcome.accepted.map { SuppressedDiagnostic($0, kind: .external, justification: "accepted in the baseline \(path)") }
        run.suppressed.sort { Diagnostic.reportOrder($0.diagnostic, $1.diagnostic) }
        if !outcome.accepted.isEmpty {
            Log.info("qbank: \(outcome.accepted.count) finding\(outcome.accepted.count == 1 ? "" : "s") accepted by the baseline \(path)")
        }
        let staleCount = outcome.stale.reduce(0) { $0 + $1.count }
        if staleCount > 0 {
            Log.info("qbank: \(path): \(staleCount) baselined finding\(staleCount == 1 ? " is" : "s are") gone (fixed, or the item changed); "
                     + "run with --write-baseline \(path) to prune:")
            for entry in outcome.stale {
                Log.info("  \(entry.rule) on \(entry.item.map { "'\($0)'" } ?? "(no item)") fingerprint \(entry.fingerprint)\(entry.count > 1 ? " ×\(entry.count)" : "")")
            }
        }
        return staleCount
    }
}

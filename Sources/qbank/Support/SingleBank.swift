import QBankCore
import QBankFiles
import QBankRules

/// Loads the one bank a command works on (balance, assemble) with its blueprint, or
/// says in the user's terms why it cannot (exit 2).
enum SingleBank {
    static func load(_ path: String, purpose: String) throws -> (bank: Bank, blueprint: Blueprint) {
        let banks: [BankLoader.LoadedBank]
        var skipped: [FileDiscovery.Skipped] = []
        do { banks = try BankLoader().load([path], skipped: &skipped) } catch { throw CLIError.files(error) }
        ShowFiles.tellSkipped(skipped)
        guard banks.count == 1, let loaded = banks.first else {
            throw CLIError.usage("\(path) holds \(banks.count) banks (one per blueprint.json); name one bank folder")
        }
        if loaded.hasUnreadableInput {
            throw CLIError.usage("\(path) has files that cannot be read; run `qbank lint \(path)` to see them")
        }
        guard let blueprint = loaded.bank.blueprint else {
            let problems = loaded.readDiagnostics.filter { $0.location.file.hasSuffix("blueprint.json") }.prefix(20)
                .map { "\n  \($0.location): \($0.message)" }.joined()
            throw CLIError.usage("\(path) has no readable blueprint.json; \(purpose)\(problems)")
        }
        try refuseInconsistentItems(loaded.bank)
        return (loaded.bank, blueprint)
    }

    /// Rules whose errors make a bank's supply undefined: an id that repeats, a domain or task the blueprint lacks.
    static let prerequisites: [any Rule.Type] = [DuplicateIDRule.self, UnknownDomainRule.self, TaskNotInDomainRule.self]

    /// Balance and assemble count items per domain and task by id, so a bank that breaks a prerequisite is refused
    /// (exit 1) with those findings, inline suppressions notwithstanding: a suppressed duplicate is still a duplicate.
    static func refuseInconsistentItems(_ bank: Bank) throws {
        let codes = Set(prerequisites.map { $0.description.id })
        let outcome = LintEngine(selection: RuleSelection(select: Array(codes)), rules: prerequisites).run(bank)
        let findings = (outcome.diagnostics + outcome.suppressed.map(\.diagnostic)).filter { codes.contains($0.ruleID) }
        guard !findings.isEmpty else { return }
        let lines = findings.prefix(20).map { "  \($0.location): \($0.ruleID) \($0.message)" }
        let more = findings.count > 20 ? ["  … and \(findings.count - 20) more; run `qbank lint` to see them all"] : []
        throw CLIError.findings("the bank's items do not fit its blueprint, so its supply cannot be counted:\n"
            + (lines + more).joined(separator: "\n"))
    }
}

import QBankCore
import QBankFiles

/// Loads the one bank a command works on (balance, assemble) with its blueprint, or
/// says in the user's terms why it cannot (exit 2).
enum SingleBank {
    static func load(_ path: String, purpose: String) throws -> (bank: Bank, blueprint: Blueprint) {
        let banks: [BankLoader.LoadedBank]
        do { banks = try BankLoader().load([path]) } catch { throw CLIError.files(error) }
        guard banks.count == 1, let loaded = banks.first else {
            throw CLIError.usage("\(path) holds \(banks.count) banks (one per blueprint.json); name one bank folder")
        }
        if loaded.hasUnreadableInput {
            throw CLIError.usage("\(path) has files that cannot be read; run `qbank lint \(path)` to see them")
        }
        guard let blueprint = loaded.bank.blueprint else {
            throw CLIError.usage("\(path) has no readable blueprint.json; \(purpose)")
        }
        return (loaded.bank, blueprint)
    }
}

import QBankCore
import QBankFiles

/// `--update-bank`: merges new statistics into each item's stored ones and writes them back
/// file by file (StatsWriteBack: only the stats and status bytes change, atomically).
enum BankUpdate {
    /// `update(existing)` returns the item's new statistics; items not in the bank are reported.
    static func write(bank path: String, ids: [String], update: (String, ItemStats) -> ItemStats) throws {
        let (bank, _) = try SingleBank.load(path, purpose: "statistics are written into the bank's items")
        var byFile: [String: [String: StatsWriteBack.Change]] = [:]
        var found = Set<String>()
        for file in bank.files {
            for item in file.allItems where ids.contains(item.id) {
                byFile[file.path, default: [:]][item.id] = StatsWriteBack.Change(stats: update(item.id, item.stats ?? ItemStats()))
                found.insert(item.id)
            }
        }
        var written = 0
        for (file, changes) in byFile.sorted(by: { $0.key < $1.key }) {
            do { written += try StatsWriteBack.apply(changes, toFileAt: file).count } catch { throw CLIError.files(error) }
        }
        let missing = ids.filter { !found.contains($0) }
        if !missing.isEmpty { Log.info("not in \(path), left alone: " + missing.joined(separator: ", ")) }
        Log.info("statistics of \(written) item\(written == 1 ? "" : "s") written into \(path)")
    }
}

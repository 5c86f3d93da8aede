import QBankCore

/// Picks an id for a new item that no item or case study in the bank uses, following
/// the pattern the task's items already use (`mla-1.1-027` after `mla-1.1-026`).
public enum FreshID {
    public static func next(task: String, in bank: Bank?) -> String {
        let items = bank?.allItems ?? []
        let taken = Set(items.map(\.id) + (bank?.allCases.map(\.id) ?? []))
        var best: (prefix: String, width: Int, highest: Int, count: Int)?
        var groups: [String: (width: Int, highest: Int, count: Int)] = [:]
        for item in items where item.task == task {
            guard let (prefix, digits) = split(item.id) else { continue }
            let current = groups[prefix] ?? (0, 0, 0)
            groups[prefix] = (max(current.width, digits.count), max(current.highest, Int(digits) ?? 0), current.count + 1)
        }
        for (prefix, group) in groups.sorted(by: { $0.key < $1.key }) where group.count > (best?.count ?? 0) {
            best = (prefix, group.width, group.highest, group.count)
        }
        let exam = bank?.blueprint?.exam.lowercased().split(separator: "-").first.map(String.init)
        let prefix = best?.prefix ?? "\(exam ?? "item")-\(task)-"
        let width = best?.width ?? 3
        var number = (best?.highest ?? 0) + 1
        while true {
            let digits = String(number)
            let id = prefix + String(repeating: "0", count: max(0, width - digits.count)) + digits
            if !taken.contains(id) { return id }
            number += 1
        }
    }

    /// `mla-1.1-026` → (`mla-1.1-`, `026`); nil when the id does not end in digits.
    static func split(_ id: String) -> (String, String)? {
        let digits = id.reversed().prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count < id.count else { return nil }
        return (String(id.dropLast(digits.count)), String(digits.reversed()))
    }
}

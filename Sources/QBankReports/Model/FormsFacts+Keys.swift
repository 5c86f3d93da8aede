import QBankCore

/// Why a forms folder cannot be reported against this bank. The message names the file
/// (with line and column where there is one) and what to do.
public struct FormsMismatch: Error, Sendable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) { self.description = description }
}

extension FormsFacts {
    /// Resolves key files against the bank. Every slot must name a bank item with the same
    /// domain, task and type: otherwise the forms were assembled from another bank (or an
    /// older version of this one) and their figures would be wrong.
    public init(keys: [FormKey], bank: Bank, blueprint: Blueprint) throws(FormsMismatch) {
        guard !keys.isEmpty else { throw FormsMismatch("no form keys to report on") }
        var items: [String: Item] = [:], caseOf: [String: String] = [:]
        for item in bank.allItems where items[item.id] == nil { items[item.id] = item }
        for study in bank.allCases { for item in study.items { caseOf[item.id] = study.id } }
        var forms: [Form] = [], seen: [String: String] = [:]
        for key in keys {
            if let exam = key.blueprint, exam != blueprint.exam {
                throw FormsMismatch("\(key.path):1:1: this key is for exam \(exam), but the bank's blueprint is \(blueprint.exam); pass the forms folder assembled from this bank")
            }
            if let other = seen[key.form] {
                throw FormsMismatch("\(key.path):1:1: form '\(key.form)' is also in \(other); keep one set of forms per folder")
            }
            seen[key.form] = key.path
            var entries: [Entry] = [], ids: Set<String> = []
            for slot in key.slots {
                let at = "\(key.path):\(slot.line):\(slot.column)"
                guard let item = items[slot.id] else {
                    throw FormsMismatch("\(at): item '\(slot.id)' is not in the bank; the forms come from another bank or an older version of it: re-run qbank assemble")
                }
                guard ids.insert(slot.id).inserted else { throw FormsMismatch("\(at): item '\(slot.id)' is on form '\(key.form)' twice; re-run qbank assemble") }
                if item.domain != slot.domain || item.task != slot.task || item.type.rawValue != slot.type {
                    throw FormsMismatch("""
                        \(at): the key has '\(slot.id)' as domain \(slot.domain), task \(slot.task), \(slot.type), but the bank \
                        has domain \(item.domain), task \(item.task), \(item.type.rawValue); the bank changed since assembly: re-run qbank assemble
                        """)
                }
                entries.append(Entry(position: slot.position, item: item, scored: slot.scored, caseID: caseOf[slot.id]))
            }
            let file = key.path.split(separator: "/").last.map(String.init) ?? key.path
            forms.append(Form(name: key.form, file: file, entries: entries.sorted { $0.position < $1.position }))
        }
        self.init(blueprint: blueprint, forms: forms)
    }
}

import QBankCore

/// A hash of what an item says, so a baseline entry follows the item wherever it
/// moves and goes stale when its content changes.
///
/// Covered: type, domain, task, select, stem, every option/step/prompt/response (id,
/// text, key, rationale), references and enemies. Not covered, because they change
/// without the item changing: origins (line numbers), status, statistics, tags,
/// suppressions and `shuffle`. FNV-1a over a canonical serialisation: the same on
/// every platform and run.
public enum ContentFingerprint {
    public static func of(_ item: Item) -> String {
        var text = "item\u{1}\(item.type.rawValue)\u{1}\(item.domain)\u{1}\(item.task)\u{1}\(item.stem.value)"
        switch item.body {
        case .choice(let body):
            text += "\u{1}\(body.select.map(String.init) ?? "")"
            for option in body.options { text += "\u{2}\(option.id)\u{3}\(option.text.value)\u{3}\(option.isCorrect)\u{3}\(option.rationale ?? "")" }
        case .ordering(let steps):
            for step in steps { text += "\u{2}\(step.id)\u{3}\(step.text.value)\u{3}\(step.rationale ?? "")" }
        case .matching(let body):
            for prompt in body.prompts { text += "\u{2}\(prompt.id)\u{3}\(prompt.text.value)\u{3}\(prompt.responseID)\u{3}\(prompt.rationale ?? "")" }
            for response in body.responses { text += "\u{4}\(response.id)\u{3}\(response.text.value)" }
        }
        for reference in item.references { text += "\u{5}\(reference.title)\u{3}\(reference.url)" }
        for enemy in item.enemies { text += "\u{6}\(enemy.id)" }
        return hex(BankText.fnv1a(text))
    }

    /// A case study: its title, scenario and the fingerprints of its items.
    public static func of(_ study: CaseStudy) -> String {
        var text = "case\u{1}\(study.title ?? "")\u{1}\(study.scenario.value)"
        for item in study.items { text += "\u{2}" + of(item) }
        return hex(BankText.fnv1a(text))
    }

    /// A finding with no item (bank-wide, or about a whole file): its file and message.
    public static func of(file: String, message: String) -> String {
        hex(BankText.fnv1a("file\u{1}\(file)\u{1}\(message)"))
    }

    static func hex(_ value: UInt64) -> String { StableHash.hex(value) }

    /// Fingerprints of every item and case of a bank, by file and id.
    public static func index(_ bank: Bank) -> [FingerprintKey: String] {
        var result: [FingerprintKey: String] = [:]
        for file in bank.files {
            for item in file.items { result[FingerprintKey(file: file.path, id: item.id)] = of(item) }
            for study in file.cases {
                result[FingerprintKey(file: file.path, id: study.id)] = of(study)
                for item in study.items { result[FingerprintKey(file: file.path, id: item.id)] = of(item) }
            }
        }
        return result
    }
}

/// An item or case by the file it is in and its id.
public struct FingerprintKey: Hashable, Sendable, Codable {
    public var file: String
    public var id: String

    public init(file: String, id: String) {
        self.file = file
        self.id = id
    }
}

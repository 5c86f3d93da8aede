import QBankAssembly
import QBankCore

/// `FORM.key.json`, the scoring key, kept apart from the form:
/// `{"form", "seed", "blueprint", "items": [{"position", "id", "domain", "task", "type", "scored", "answer"}]}`.
/// Answers: single → option id; multiple → option ids (authored order); ordering → step
/// ids in the correct order; matching → {prompt id: response id}.
public enum KeyExporter {
    public static func json(_ form: DeliveredForm, seed: UInt64, blueprint: Blueprint) -> String {
        json(name: form.name, items: form.items.map { ($0.item, $0.scored) }, seed: seed, blueprint: blueprint)
    }

    /// A key for `items` in this order (positions 1…n), e.g. the calibration booklet of `qbank simulate --whole-bank`.
    public static func json(name: String, items: [(item: Item, scored: Bool)], seed: UInt64, blueprint: Blueprint) -> String {
        let entries: [JSONValue] = items.enumerated().map { index, entry in
            .object([
                "position": .int(index + 1), "id": .string(entry.item.id), "domain": .int(entry.item.domain),
                "task": .string(entry.item.task), "type": .string(entry.item.type.rawValue), "scored": .bool(entry.scored),
                "answer": answer(entry.item),
            ])
        }
        return JSONValue.object([
            "form": .string(name), "seed": .int(Int(clamping: seed)), "blueprint": .string(blueprint.exam), "items": .array(entries),
        ]).rendered()
    }

    static func answer(_ item: Item) -> JSONValue {
        switch item.body {
        case .choice(let body):
            let keys = body.keys.map { JSONValue.string($0.id) }
            return body.select == nil ? (keys.first ?? .null) : .array(keys)
        case .ordering(let steps):
            return .array(steps.map { .string($0.id) })
        case .matching(let body):
            return .object(Dictionary(body.prompts.map { ($0.id, JSONValue.string($0.responseID)) }, uniquingKeysWith: { a, _ in a }))
        }
    }
}

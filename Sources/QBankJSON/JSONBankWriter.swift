import QBankCore

/// Prints a bank file as canonical JSON: two-space indentation, keys in the order of
/// the schema, defaults (`shuffle: true`, `correct: false`) and empty lists omitted,
/// non-ASCII kept as UTF-8. Reading the output gives the same model, and writing
/// that model again gives the same bytes.
public struct JSONBankWriter: BankWriter {
    /// The JSON Schema link written as `"$schema"` first (nil: no link).
    public var schema: String?

    public init(schema: String? = nil) { self.schema = schema }

    public func write(_ file: BankFile) -> String {
        var out = JSONOutput()
        out.open("{")
        if let schema { out.field("$schema") { $0.string(schema) } }
        out.field("format") { $0.string(JSONBankReader.format) }
        if !file.items.isEmpty { out.field("items") { $0.array(file.items, item) } }
        if !file.cases.isEmpty { out.field("cases") { $0.array(file.cases, caseStudy) } }
        out.close("}")
        out.bytes.append(0x0A)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    private func item(_ out: inout JSONOutput, _ item: Item) {
        out.open("{")
        out.field("id") { $0.string(item.id) }
        out.field("type") { $0.string(item.type.rawValue) }
        if case .choice(let choice) = item.body, let select = choice.select { out.field("select") { $0.raw(String(select)) } }
        if item.domain != 0 { out.field("domain") { $0.raw(String(item.domain)) } }
        if !item.task.isEmpty { out.field("task") { $0.string(item.task) } }
        out.field("status") { $0.string(item.status.rawValue) }
        if !item.shuffle { out.field("shuffle") { $0.raw("false") } }
        out.field("stem") { $0.string(item.stem.value) }
        switch item.body {
        case .choice(let choice):
            out.field("options") { $0.array(choice.options, option) }
        case .ordering(let steps):
            out.field("steps") { $0.array(steps, step) }
        case .matching(let matching):
            out.field("prompts") { $0.array(matching.prompts, prompt) }
            out.field("responses") { $0.array(matching.responses, response) }
        }
        if !item.references.isEmpty {
            out.field("references") {
                $0.array(item.references) { out, r in
                    out.open("{")
                    out.field("title") { $0.string(r.title) }
                    out.field("url") { $0.string(r.url) }
                    out.close("}")
                }
            }
        }
        if !item.tags.isEmpty { out.field("tags") { $0.array(item.tags) { $0.string($1) } } }
        if !item.enemies.isEmpty { out.field("enemies") { $0.array(item.enemies) { $0.string($1.id) } } }
        if let stats = item.stats { out.field("stats") { self.stats(&$0, stats) } }
        suppressions(&out, item.suppressions)
        out.close("}")
    }

    private func option(_ out: inout JSONOutput, _ o: Option) {
        out.open("{")
        out.field("id") { $0.string(o.id) }
        out.field("text") { $0.string(o.text.value) }
        if o.isCorrect { out.field("correct") { $0.raw("true") } }
        if let r = o.rationale { out.field("rationale") { $0.string(r) } }
        out.close("}")
    }

    private func step(_ out: inout JSONOutput, _ s: Step) {
        out.open("{")
        out.field("id") { $0.string(s.id) }
        out.field("text") { $0.string(s.text.value) }
        if let r = s.rationale { out.field("rationale") { $0.string(r) } }
        out.close("}")
    }

    private func prompt(_ out: inout JSONOutput, _ p: MatchPrompt) {
        out.open("{")
        out.field("id") { $0.string(p.id) }
        out.field("text") { $0.string(p.text.value) }
        out.field("response") { $0.string(p.responseID) }
        if let r = p.rationale { out.field("rationale") { $0.string(r) } }
        out.close("}")
    }

    private func response(_ out: inout JSONOutput, _ r: MatchResponse) {
        out.open("{")
        out.field("id") { $0.string(r.id) }
        out.field("text") { $0.string(r.text.value) }
        out.close("}")
    }

    private func stats(_ out: inout JSONOutput, _ s: ItemStats) {
        out.open("{")
        let fields: [(String, String?)] = [
            ("pValue", s.pValue.map(\.description)), ("pointBiserial", s.pointBiserial.map(\.description)),
            ("responses", s.responses.map(String.init)), ("irtA", s.irtA.map(\.description)),
            ("irtB", s.irtB.map(\.description)), ("irtC", s.irtC.map(\.description)),
            ("irtSeA", s.irtSeA.map(\.description)), ("irtSeB", s.irtSeB.map(\.description)), ("irtSeC", s.irtSeC.map(\.description)),
        ]
        for case let (key, value?) in fields { out.field(key) { $0.raw(value) } }
        for case let (key, value?) in [("irtModel", s.irtModel), ("source", s.source), ("forms", s.forms), ("window", s.window)] {
            out.field(key) { $0.string(value) }
        }
        if let angoff = s.angoff { out.field("angoff") { $0.raw(angoff.description) } }
        out.close("}")
    }

    /// One suppression as an object, several as an array of objects.
    private func suppressions(_ out: inout JSONOutput, _ list: [Suppression]) {
        guard !list.isEmpty else { return }
        if list.count == 1 {
            out.field("qbank") { self.suppression(&$0, list[0]) }
        } else {
            out.field("qbank") { $0.array(list, suppression) }
        }
    }

    private func suppression(_ out: inout JSONOutput, _ s: Suppression) {
        out.open("{")
        if !s.rules.isEmpty { out.field("disable") { $0.array(s.rules) { $0.string($1) } } }
        if let reason = s.reason { out.field("reason") { $0.string(reason) } }
        out.close("}")
    }

    private func caseStudy(_ out: inout JSONOutput, _ c: CaseStudy) {
        out.open("{")
        out.field("id") { $0.string(c.id) }
        if let t = c.title { out.field("title") { $0.string(t) } }
        out.field("scenario") { $0.string(c.scenario.value) }
        out.field("items") { $0.array(c.items, item) }
        suppressions(&out, c.suppressions)
        out.close("}")
    }
}

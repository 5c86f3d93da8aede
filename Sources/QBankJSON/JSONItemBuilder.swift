import QBankCore

/// Checks one item object against `$defs/item` and builds the `Item`, or nil when a
/// field the model cannot do without is missing or unusable (the reason is reported).
struct JSONItemBuilder {
    let context: SchemaContext

    static let itemFields = ["id", "type", "select", "domain", "task", "status", "shuffle", "stem", "options",
                             "steps", "prompts", "responses", "references", "tags", "enemies", "stats", "qbank"]
    static let types = ItemType.allCases.map(\.rawValue)
    static let statuses = ItemStatus.allCases.map(\.rawValue)
    /// The body fields each type requires; every other body field is forbidden for it.
    static let bodyFields: [ItemType: [String]] = [
        .single: ["options"], .multiple: ["options", "select"],
        .ordering: ["steps"], .matching: ["prompts", "responses"],
    ]
    static let allBodyFields = ["select", "options", "steps", "prompts", "responses"]

    func build(_ value: JSONValue, index: Int) -> Item? {
        let rawID = value["id"]?.stringValue
        let subject = rawID.map { "item '\($0)'" } ?? "item #\(index + 1)"
        guard let o = ObjectView(value, context, subject: subject, itemID: rawID, known: Self.itemFields,
                                 required: ["id", "type", "status", "stem"], noun: "an item") else { return nil }
        let id = o.string("id", matching: Patterns.isItemID, rule: "must be 1–64 letters, digits, '.', '_' or '-', starting with a letter or digit")?.stringValue
        let type = o.oneOf("type", Self.types).flatMap(ItemType.init(rawValue:))
        // Absent domain/task mean "not assigned yet" (imported drafts); the linter flags them.
        let domain = o.member("domain") == nil ? 0 : o.integer("domain", 1...99, rule: "must be an integer from 1 to 99")
        let task = o.member("task") == nil ? "" : o.string("task", matching: Patterns.isTask, rule: "must be a task statement 'D.T' such as '2.3'")?.stringValue
        let status = o.oneOf("status", Self.statuses).flatMap(ItemStatus.init(rawValue:))
        let shuffle = o.bool("shuffle") ?? true
        let stem = o.text("stem")
        let body = type.flatMap { buildBody($0, o) }
        let references = o.array("references")?.arrayValue?.compactMap { reference($0, o) } ?? []
        let tags = o.array("tags")?.arrayValue?.compactMap { tag($0, o) } ?? []
        let enemies = o.array("enemies")?.arrayValue?.compactMap { enemy($0, o) } ?? []
        let itemStats = o.member("stats").flatMap { buildStats($0.value, o) }
        let suppressions = self.suppressions(o)
        guard let id, let domain, let task, let status, let stem, let body else { return nil }
        return Item(id: id, domain: domain, task: task, status: status, shuffle: shuffle, stem: stem, body: body,
                    references: references, tags: tags, enemies: enemies, stats: itemStats, suppressions: suppressions,
                    origin: context.origin(value.position))
    }

    /// The if/then part of the schema: the body fields must be exactly those of the type.
    private func buildBody(_ type: ItemType, _ o: ObjectView) -> ItemBody? {
        let needed = Self.bodyFields[type]!
        for key in Self.allBodyFields where !needed.contains(key) {
            guard let m = o.member(key) else { continue }
            let owner = key == "select" ? "multiple" : key == "options" ? "single and multiple" : key == "steps" ? "ordering" : "matching"
            o.report("'\(key)' is not allowed on a \(type.rawValue) item; it belongs to \(owner) items", at: m.keyPosition)
        }
        for key in needed where o.member(key) == nil {
            o.report("a \(type.rawValue) item needs '\(key)'", at: o.position)
        }
        switch type {
        case .single, .multiple:
            let select = type == .multiple ? o.integer("select", 1...Int.max, rule: "must be an integer of at least 1") : nil
            guard let options = parts("options", o, option) else { return nil }
            if type == .multiple && select == nil { return nil }
            return .choice(ChoiceBody(options: options, select: select))
        case .ordering:
            return parts("steps", o, step).map { .ordering($0) }
        case .matching:
            guard let prompts = parts("prompts", o, prompt), let responses = parts("responses", o, response) else { return nil }
            return .matching(MatchingBody(prompts: prompts, responses: responses))
        }
    }

    private func parts<T>(_ key: String, _ o: ObjectView, _ build: (JSONValue, Int, ObjectView) -> T?) -> [T]? {
        guard let array = o.array(key)?.arrayValue else { return nil }
        // Sized once: `compactMap` grows by appending, and an item's options kept up to twice their room.
        var values: [T] = []
        values.reserveCapacity(array.count)
        for (index, element) in array.enumerated() {
            if let value = build(element, index, o) { values.append(value) }
        }
        return values
    }

    private func part(_ v: JSONValue, _ index: Int, _ o: ObjectView, noun: String, known: [String], required: [String]) -> ObjectView? {
        let name = v["id"]?.stringValue.map { "\(noun) '\($0)'" } ?? "\(noun) #\(index + 1)"
        return ObjectView(v, context, subject: "\(o.subject), \(name)", itemID: o.itemID,
                          known: known, required: required, noun: (noun == "option" ? "an " : "a ") + noun)
    }

    private func partID(_ p: ObjectView) -> String? {
        p.string("id", matching: Patterns.isPartID, rule: "must be 1–32 letters, digits, '.', '_' or '-', starting with a letter or digit")?.stringValue
    }

    private func rationale(_ p: ObjectView) -> String? { p.string("rationale")?.stringValue.map(TextNormalization.normalize) }

    private func option(_ v: JSONValue, _ index: Int, _ o: ObjectView) -> Option? {
        guard let p = part(v, index, o, noun: "option", known: ["id", "text", "correct", "rationale"], required: ["id", "text"]) else { return nil }
        let id = partID(p), text = p.text("text"), correct = p.bool("correct") ?? false, why = rationale(p)
        guard let id, let text else { return nil }
        // See `Origin.elementSource`; read without a report, which `bool("shuffle")` makes once for the item.
        let keepSource = o.member("shuffle")?.value.boolValue == false
        return Option(id: id, text: text, isCorrect: correct, rationale: why, origin: context.elementOrigin(v.position, keepSource: keepSource))
    }

    private func step(_ v: JSONValue, _ index: Int, _ o: ObjectView) -> Step? {
        guard let p = part(v, index, o, noun: "step", known: ["id", "text", "rationale"], required: ["id", "text"]) else { return nil }
        let id = partID(p), text = p.text("text"), why = rationale(p)
        guard let id, let text else { return nil }
        return Step(id: id, text: text, rationale: why, origin: context.origin(v.position))
    }

    private func prompt(_ v: JSONValue, _ index: Int, _ o: ObjectView) -> MatchPrompt? {
        guard let p = part(v, index, o, noun: "prompt", known: ["id", "text", "response", "rationale"], required: ["id", "text", "response"]) else { return nil }
        let id = partID(p), text = p.text("text"), why = rationale(p)
        let response = p.string("response", matching: Patterns.isPartID, rule: "must be a response id (1–32 letters, digits, '.', '_' or '-')")?.stringValue
        guard let id, let text, let response else { return nil }
        return MatchPrompt(id: id, text: text, responseID: response, rationale: why, origin: context.origin(v.position))
    }

    private func response(_ v: JSONValue, _ index: Int, _ o: ObjectView) -> MatchResponse? {
        guard let p = part(v, index, o, noun: "response", known: ["id", "text"], required: ["id", "text"]) else { return nil }
        let id = partID(p), text = p.text("text")
        guard let id, let text else { return nil }
        return MatchResponse(id: id, text: text, origin: context.origin(v.position))
    }

    private func reference(_ v: JSONValue, _ o: ObjectView) -> Reference? {
        guard let p = ObjectView(v, context, subject: "\(o.subject), reference", itemID: o.itemID,
                                 known: ["title", "url"], required: ["title", "url"], noun: "a reference") else { return nil }
        let title = p.text("title")?.value
        let url = p.string("url", matching: Patterns.isURL, rule: "must be an http:// or https:// URL without spaces")?.stringValue
        guard let title, let url else { return nil }
        return Reference(title: title, url: url)
    }

    private func tag(_ v: JSONValue, _ o: ObjectView) -> String? {
        guard let s = v.stringValue else {
            o.report("each tag must be a string, not \(v.kindDescription)", at: v.position)
            return nil
        }
        if !Patterns.isTag(s) {
            o.report("tag '\(s)' must be lower case letters, digits, '.', '+' or '-' (at most 64), starting with a letter or digit", at: v.position)
        }
        return TextNormalization.normalize(s)
    }

    private func enemy(_ v: JSONValue, _ o: ObjectView) -> EnemyReference? {
        guard let s = v.stringValue else {
            o.report("each enemy must be an item id string, not \(v.kindDescription)", at: v.position)
            return nil
        }
        if !Patterns.isItemID(s) { o.report("enemy '\(s)' is not a valid item id", at: v.position) }
        return EnemyReference(s, origin: context.elementOrigin(v.position))
    }

    /// `"qbank"`: one suppression object, or an array of them (what several XML
    /// comments before one item become).
    func suppressions(_ o: ObjectView) -> [Suppression] {
        guard let member = o.member("qbank") else { return [] }
        if let array = member.value.arrayValue {
            if array.isEmpty { o.report("'qbank' must be an object or a non-empty array of objects", at: member.value.position) }
            return array.compactMap { suppression($0, o) }
        }
        return suppression(member.value, o).map { [$0] } ?? []
    }

    private func suppression(_ v: JSONValue, _ o: ObjectView) -> Suppression? {
        guard let p = ObjectView(v, context, subject: "\(o.subject), qbank", itemID: o.itemID,
                                 known: ["disable", "reason"], required: [], noun: "'qbank' (an object or an array of objects)") else { return nil }
        var rules: [String] = []
        if let list = p.array("disable")?.arrayValue {
            for token in list {
                guard let text = token.stringValue else {
                    p.report("each rule in 'disable' must be a string, not \(token.kindDescription)", at: token.position)
                    continue
                }
                if !Suppression.isWellFormedRuleToken(text) {
                    p.report("'\(text)' is not a rule code or name (letters and digits, words joined by single hyphens)", at: token.position)
                }
                rules.append(text)
            }
        }
        let reason = p.string("reason")
        if let raw = reason?.stringValue, !Suppression.isWritableReason(Suppression.normalizeReason(raw) ?? "") {
            p.report("'reason' must not contain '--' or end with '-' (it is written as an XML comment)", at: reason!.position)
        }
        return Suppression(rules: rules, reason: Suppression.normalizeReason(reason?.stringValue), origin: context.origin(v.position))
    }

    private func buildStats(_ v: JSONValue, _ o: ObjectView) -> ItemStats? {
        guard let p = ObjectView(v, context, subject: "\(o.subject), stats", itemID: o.itemID,
                                 known: ["pValue", "pointBiserial", "responses", "irtA", "irtB", "irtC", "irtSeA", "irtSeB", "irtSeC",
                                         "irtModel", "source", "forms", "window", "angoff"], required: [], noun: "'stats'") else { return nil }
        return ItemStats(
            pValue: p.number("pValue", min: 0, max: 1, rule: "must be from 0 to 1"),
            pointBiserial: p.number("pointBiserial", min: -1, max: 1, rule: "must be from -1 to 1"),
            responses: p.integer("responses", 0...Int.max, rule: "must be an integer of at least 0"),
            irtA: p.number("irtA", min: 0, rule: "must be at least 0"),
            irtB: p.number("irtB"),
            irtC: p.number("irtC", min: 0, max: 1, rule: "must be from 0 to 1"),
            irtSeA: p.number("irtSeA", min: 0, rule: "must be at least 0"),
            irtSeB: p.number("irtSeB", min: 0, rule: "must be at least 0"),
            irtSeC: p.number("irtSeC", min: 0, rule: "must be at least 0"),
            irtModel: p.string("irtModel", matching: { ["rasch", "2pl", "3pl"].contains($0) }, rule: "must be rasch, 2pl or 3pl")?.stringValue,
            source: p.string("source", matching: { ["administered", "simulated"].contains($0) }, rule: "must be administered or simulated")?.stringValue,
            forms: p.string("forms")?.stringValue,
            window: p.string("window")?.stringValue,
            angoff: p.number("angoff", min: 0, max: 1, rule: "must be from 0 to 1"))
    }
}

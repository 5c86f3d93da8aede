import QBankCore
import QBankMarkdown

/// Writes one item as a QTI 2.1 or 3.0 `assessmentItem`.
///
/// Candidate-facing: the response declaration carries the key (QTI scores with it),
/// nothing else does: no rationales, no status, no statistics. Ordering steps are
/// written scrambled (the bank authors them in the correct order). The item's
/// bank id, domain, task and case id travel in `title` and `label`, which the
/// importer reads back.
struct QTIItemWriter {
    let version: QTIVersion
    /// Item text as XHTML; images point into the package's `media/` folder.
    var html = RichHTML()

    func write(_ item: Item, in study: CaseStudy? = nil) -> String {
        let v = version
        var x = XMLText()
        var root: [(String, String)] = [("xmlns", v.namespace), ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
                                        ("xsi:schemaLocation", v.schemaLocation),
                                        ("identifier", QTIIdentifiers.item(item.id)), ("title", item.id)]
        root.append(("label", QTILabel(domain: item.domain, task: item.task, caseID: study?.id).text))
        root += [(v.attribute("adaptive"), "false"), (v.attribute("timeDependent"), "false")]
        x.open(v.element("assessmentItem"), root)

        let (cardinality, baseType, values) = response(item)
        x.open(v.element("responseDeclaration"), [("identifier", "RESPONSE"), ("cardinality", cardinality),
                                                  (v.attribute("baseType"), baseType)])
        x.open(v.element("correctResponse"))
        for value in values { x.element(v.element("value"), text: value) }
        x.close(v.element("correctResponse"))
        x.close(v.element("responseDeclaration"))
        x.empty(v.element("outcomeDeclaration"), [("identifier", "SCORE"), ("cardinality", "single"), (v.attribute("baseType"), "float")])

        x.open(v.element("itemBody"))
        if let study {
            x.open("div", [("class", "qbank-scenario")])
            if let title = study.title { x.element("h3", markup: HTMLText.inline(title)) }
            x.markup(html.blocks(study.scenario.value))
            x.close("div")
        }
        x.markup(html.blocks(item.stem.value))
        interaction(item, &x)
        x.close(v.element("itemBody"))
        x.empty(v.element("responseProcessing"), [("template", v.matchCorrectTemplate)])
        x.close(v.element("assessmentItem"))
        return x.text
    }

    private func response(_ item: Item) -> (String, String, [String]) {
        switch item.body {
        case .choice(let body):
            let keys = body.keys.map { QTIIdentifiers.part($0.id) }
            return (body.select == nil ? "single" : "multiple", "identifier", keys)
        case .ordering(let steps):
            return ("ordered", "identifier", steps.map { QTIIdentifiers.part($0.id) })
        case .matching(let body):
            return ("multiple", "directedPair", body.prompts.map { "\(QTIIdentifiers.part($0.id)) \(QTIIdentifiers.part($0.responseID))" })
        }
    }

    private func interaction(_ item: Item, _ x: inout XMLText) {
        let v = version
        let shuffle = item.shuffle ? "true" : "false"
        switch item.body {
        case .choice(let body):
            let count = String(body.select ?? 1)
            x.open(v.element("choiceInteraction"), [(v.attribute("responseIdentifier"), "RESPONSE"), ("shuffle", shuffle),
                                                   (v.attribute("maxChoices"), count), (v.attribute("minChoices"), count)])
            for option in body.options { choice(v.element("simpleChoice"), option.id, option.text.value, &x) }
            x.close(v.element("choiceInteraction"))
        case .ordering(let steps):
            x.open(v.element("orderInteraction"), [(v.attribute("responseIdentifier"), "RESPONSE"), ("shuffle", shuffle)])
            for step in Self.scrambled(steps, seed: item.id) { choice(v.element("simpleChoice"), step.id, step.text.value, &x) }
            x.close(v.element("orderInteraction"))
        case .matching(let body):
            x.open(v.element("matchInteraction"), [(v.attribute("responseIdentifier"), "RESPONSE"), ("shuffle", shuffle),
                                                  (v.attribute("maxAssociations"), String(body.prompts.count))])
            x.open(v.element("simpleMatchSet"))
            for prompt in body.prompts {
                choice(v.element("simpleAssociableChoice"), prompt.id, prompt.text.value, &x, extra: [(v.attribute("matchMax"), "1")])
            }
            x.close(v.element("simpleMatchSet"))
            x.open(v.element("simpleMatchSet"))
            for response in body.responses {
                choice(v.element("simpleAssociableChoice"), response.id, response.text.value, &x,
                       extra: [(v.attribute("matchMax"), String(body.prompts.count))])
            }
            x.close(v.element("simpleMatchSet"))
            x.close(v.element("matchInteraction"))
        }
    }

    private func choice(_ name: String, _ id: String, _ text: String, _ x: inout XMLText, extra: [(String, String)] = []) {
        var markup = html.fragment(text)
        if markup.hasSuffix("\n") { markup.removeLast() }
        x.element(name, [("identifier", QTIIdentifiers.part(id))] + extra, markup: markup)
    }

    /// A fixed, id-derived order that is never the correct one (for 2+ steps).
    static func scrambled(_ steps: [Step], seed: String) -> [Step] {
        guard steps.count > 1 else { return steps }
        var order = steps.sorted { StableHash.fnv1a64(seed + "/" + $0.id) < StableHash.fnv1a64(seed + "/" + $1.id) }
        if order.map(\.id) == steps.map(\.id) { order.append(order.removeFirst()) }
        return order
    }
}

/// QTI identifiers are XML NCNames; bank ids may start with a digit. Such ids get
/// a `qb_` prefix on the way out and lose it on the way back.
enum QTIIdentifiers {
    static func item(_ id: String) -> String { isNCName(id) ? id : "qb_" + id }
    static func part(_ id: String) -> String { isNCName(id) ? id : "qb_" + id }
    static func bank(_ identifier: String) -> String {
        identifier.hasPrefix("qb_") && !isNCName(String(identifier.dropFirst(3))) ? String(identifier.dropFirst(3)) : identifier
    }

    static func isNCName(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, first.properties.isAlphabetic || first == "_" else { return false }
        return !id.contains(":") && !id.contains(" ")
    }
}

/// Bank metadata in the QTI `label`: `qbank domain=1 task=1.1 case=case-01`.
struct QTILabel {
    var domain: Int
    var task: String
    var caseID: String?

    var text: String {
        var parts = ["qbank"]
        if domain != 0 { parts.append("domain=\(domain)") }
        if !task.isEmpty { parts.append("task=\(task)") }
        if let caseID { parts.append("case=\(caseID)") }
        return parts.joined(separator: " ")
    }

    /// Nil when the label is not one qbank wrote.
    init?(_ label: String?) {
        guard let label, label.hasPrefix("qbank") else { return nil }
        domain = 0
        task = ""
        for part in label.split(separator: " ").dropFirst() {
            let pair = part.split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2 else { continue }
            switch pair[0] {
            case "domain": domain = Int(pair[1]) ?? 0
            case "task": task = pair[1]
            case "case": caseID = pair[1]
            default: break
            }
        }
    }

    init(domain: Int, task: String, caseID: String?) {
        self.domain = domain
        self.task = task
        self.caseID = caseID
    }
}

import QBankCore
import QBankXML

/// One QTI 2.x/3.0 item as the bank model, or why it cannot be one.
struct QTIItemReading {
    var item: Item?
    /// The case study an item exported by qbank belongs to (from its label and scenario).
    var caseInfo: (id: String, title: String?, scenario: String)?
    var problems: [ImportProblem] = []
    /// The question and option text as the source gave it (HTML), for the conservation check.
    var sourceText: String?
}

/// Maps `assessmentItem` (2.x names; 3.0 is normalised first) onto the bank's item
/// types: choiceInteraction → single/multiple, orderInteraction → ordering,
/// matchInteraction → matching. Anything else is skipped with the reason.
struct QTIItemReader {
    /// Where a package's image goes in the bank (see `ImportedMedia`); nil outside a package.
    var image: HTMLText.ImagePlacer = { _ in nil }

    static let supported = ["choiceInteraction", "orderInteraction", "matchInteraction"]

    /// `stimulus` resolves a 3.0 `assessmentStimulusRef` href to its text, in a package.
    func read(_ raw: XMLTreeElement, stimulus: (String) -> (id: String, title: String?, text: String)? = { _ in nil }) -> QTIItemReading {
        let root = QTIMarkup.normalised(raw)
        let location = root.location
        let label = QTILabel(root["label"])
        let sourceName = root["title"] ?? root["identifier"] ?? "item"
        var reading = QTIItemReading()
        func skip(_ reason: String) -> QTIItemReading {
            reading.problems.append(ImportProblem(.skipped, at: location, item: root["identifier"] ?? sourceName, reason))
            return reading
        }
        guard root.name == "assessmentItem" else { return skip("not a QTI assessmentItem (root element '\(root.name)')") }
        let id: String? = if label != nil, let title = root["title"], Identifiers.itemID(title) == title { title }
                          else { root["identifier"].map(QTIIdentifiers.bank).flatMap { Identifiers.itemID($0) } }
        guard let id else { return skip("the item has no usable identifier") }
        guard let itemBody = root.element("itemBody") else { return skip("the item has no itemBody") }
        // Template items are generated at delivery: their text read as it stands is nonsense ("a b of c").
        let generated = ["templateDeclaration", "templateProcessing"].filter { !root.elements($0).isEmpty }
            + ["printedVariable", "templateInline", "templateBlock"].filter { !itemBody.descendants($0).isEmpty }
        if !generated.isEmpty {
            return skip("generated item: its text is produced at delivery (\(generated.joined(separator: ", "))); qbank items hold fixed text")
        }

        var walk = BodyWalk(image: image)
        walk.visit(itemBody.children)
        for name in walk.lost { reading.problems.append(ImportProblem(.lost, at: location, item: id, "\(name) not imported")) }
        guard !walk.interactions.isEmpty else { return skip("the item has no interaction (text-only content)") }
        if walk.interactions.count > 1 {
            let names = walk.interactions.map(\.name).joined(separator: ", ")
            return skip("composite item with \(walk.interactions.count) interactions (\(names)); qbank items have exactly one")
        }
        let interaction = walk.interactions[0]
        guard Self.supported.contains(interaction.name) else {
            return skip("\(interaction.name) is not supported; qbank imports choiceInteraction, orderInteraction and matchInteraction")
        }
        // Feedback inside a choice becomes that option's rationale (below); any other feedback is reported.
        let choiceFeedback = interaction.name == "choiceInteraction"
            ? interaction.elements("simpleChoice").reduce(0) { $0 + QTIMarkup.feedback(in: $1.children).count } : 0
        let allFeedback = root.elements("modalFeedback").count + QTIMarkup.feedback(in: itemBody.children).count
        if allFeedback > choiceFeedback {
            reading.problems.append(ImportProblem(.lost, at: location, item: id,
                "\(allFeedback - choiceFeedback) feedback element\(allFeedback - choiceFeedback == 1 ? "" : "s") not imported (qbank keeps rationales per option, not item feedback)"))
        }
        if root.elements("responseDeclaration").contains(where: { $0.element("mapping") != nil }) {
            reading.problems.append(ImportProblem(.lost, at: location, item: id, "partial-credit mapping not imported; qbank items are scored all or nothing"))
        }

        var stemHTML = walk.html
        if let prompt = interaction.element("prompt") { stemHTML += "<p>" + QTIMarkup.html(prompt.children) + "</p>" }
        let stem = HTMLText.plain(stemHTML, image: image)
        for name in stem.lost { reading.problems.append(ImportProblem(.lost, at: location, item: id, "\(name) in the stem not imported")) }
        guard !stem.text.isEmpty else { return skip("the item has no question text") }

        let responseID = interaction["responseIdentifier"] ?? "RESPONSE"
        let declaration = root.elements("responseDeclaration").first { $0["identifier"] == responseID }
        var values = declaration?.element("correctResponse")?.elements("value").map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) } ?? []
        if values.isEmpty, let mapping = declaration?.element("mapping") {
            values = mapping.elements("mapEntry").filter { (Double($0["mappedValue"] ?? "") ?? 0) > 0 }.compactMap { $0["mapKey"] }
        }
        guard !values.isEmpty else { return skip("no correctResponse for \(responseID), so the item cannot be scored") }

        var shuffle = interaction["shuffle"] == "true"
        // qbank pins no single option, so a shuffled interaction with a fixed choice ("None of the above")
        // comes in unshuffled, in source order, which keeps the pinned choice where it was.
        let pinned = (interaction.descendants("simpleChoice") + interaction.descendants("simpleAssociableChoice")).filter { $0["fixed"] == "true" }
        if shuffle, !pinned.isEmpty {
            shuffle = false
            let names = pinned.map { "'\($0["identifier"] ?? "?")'" }.joined(separator: ", ")
            reading.problems.append(ImportProblem(.note, at: location, item: id,
                "choice \(names) is fixed in place (fixed=\"true\"); imported with shuffle off so it stays where it is"))
        }
        let origin = Origin(location)
        let body: ItemBody
        switch interaction.name {
        case "choiceInteraction":
            let choices = interaction.elements("simpleChoice")
            let ids = partIDs(choices)
            var options: [Option] = []
            for (index, choice) in choices.enumerated() {
                let text = HTMLText.plain(QTIMarkup.html(choice.children), image: image)
                for name in text.lost { reading.problems.append(ImportProblem(.lost, at: choice.location, item: id, "\(name) in an option not imported")) }
                let feedback = QTIMarkup.feedback(in: choice.children).map { HTMLText.plain($0, image: image).text }.filter { !$0.isEmpty }
                options.append(Option(id: ids[index], text: Text(text.text, origin: Origin(choice.location)),
                                      isCorrect: values.contains(choice["identifier"] ?? "\u{0}"),
                                      rationale: feedback.isEmpty ? nil : feedback.joined(separator: "\n\n"), origin: Origin(choice.location)))
            }
            let keys = options.filter(\.isCorrect).count
            guard options.count >= 2 else { return skip("a choice interaction needs at least 2 choices") }
            guard keys > 0 else { return skip("the correctResponse names no existing choice") }
            body = .choice(ChoiceBody(options: options, select: keys > 1 ? keys : nil))
        case "orderInteraction":
            let choices = interaction.elements("simpleChoice")
            let ids = partIDs(choices)
            var byIdentifier: [String: Step] = [:]
            for (index, choice) in choices.enumerated() {
                let text = HTMLText.plain(QTIMarkup.html(choice.children), image: image).text
                byIdentifier[choice["identifier"] ?? ""] = Step(id: ids[index], text: Text(text, origin: Origin(choice.location)), origin: Origin(choice.location))
            }
            let steps = values.compactMap { byIdentifier[$0] }
            guard steps.count == choices.count else {
                return skip("the correct order names \(steps.count) of \(choices.count) choices; qbank orders every step")
            }
            body = .ordering(steps)
        default:
            let sets = interaction.elements("simpleMatchSet")
            guard sets.count == 2 else { return skip("a matchInteraction needs two simpleMatchSets, this one has \(sets.count)") }
            let sources = sets[0].elements("simpleAssociableChoice"), targets = sets[1].elements("simpleAssociableChoice")
            let sourceIDs = partIDs(sources), targetIDs = partIDs(targets, avoiding: Set(sourceIDs))
            var targetOf: [String: String] = [:]
            for value in values {
                let pair = value.split(separator: " ").map(String.init)
                guard pair.count == 2 else { continue }
                if targetOf[pair[0]] != nil { return skip("prompt '\(pair[0])' has more than one correct response; qbank matches each prompt to one") }
                targetOf[pair[0]] = pair[1]
            }
            var prompts: [MatchPrompt] = []
            for (index, source) in sources.enumerated() {
                guard let target = targetOf[source["identifier"] ?? ""], let t = targets.firstIndex(where: { $0["identifier"] == target }) else {
                    return skip("prompt '\(source["identifier"] ?? "?")' has no correct response")
                }
                prompts.append(MatchPrompt(id: sourceIDs[index], text: Text(HTMLText.plain(QTIMarkup.html(source.children), image: image).text, origin: Origin(source.location)),
                                           responseID: targetIDs[t], origin: Origin(source.location)))
            }
            let responses = targets.enumerated().map { index, target in
                MatchResponse(id: targetIDs[index], text: Text(HTMLText.plain(QTIMarkup.html(target.children), image: image).text, origin: Origin(target.location)),
                              origin: Origin(target.location))
            }
            body = .matching(MatchingBody(prompts: prompts, responses: responses))
        }

        reading.sourceText = QTIMarkup.html(itemBody.children.filter { if case .element(let e) = $0 { e.name != "rubricBlock" } else { true } })
        reading.item = Item(id: id, domain: label?.domain ?? 0, task: label?.task ?? "", status: .draft, shuffle: shuffle,
                            stem: Text(stem.text, origin: origin), body: body, origin: origin)
        if let scenario = walk.scenario {
            let caseID = label?.caseID ?? ("case-" + id)
            reading.caseInfo = (caseID, scenario.title, scenario.text)
        } else if let ref = (walk.stimulusRefs + root.elements("assessmentStimulusRef")).first {
            if let found = stimulus(ref["href"] ?? "") {
                reading.caseInfo = (label?.caseID ?? Identifiers.itemID(found.id) ?? "case-" + id, found.title, found.text)
            } else {
                reading.problems.append(ImportProblem(.lost, at: location, item: id, "shared stimulus '\(ref["href"] ?? "?")' not found; imported without it"))
            }
        }
        return reading
    }

    /// Source identifiers when they are valid, unique part ids; else a, b, c, ….
    private func partIDs(_ choices: [XMLTreeElement], avoiding: Set<String> = []) -> [String] {
        let raw = choices.map { QTIIdentifiers.bank($0["identifier"] ?? "") }
        let valid = raw.allSatisfy { Identifiers.itemID($0, limit: 32) == $0 } && Set(raw).count == raw.count && avoiding.isDisjoint(with: raw)
        if valid { return raw }
        let offset = avoiding.isEmpty ? 0 : avoiding.count
        return choices.indices.map { Identifiers.optionID($0 + offset) }
    }
}

/// Splits an itemBody into the stem's HTML, the interactions, qbank's scenario
/// block and what is dropped (rubric blocks, feedback).
private struct BodyWalk {
    var image: HTMLText.ImagePlacer
    var html = ""
    var interactions: [XMLTreeElement] = []
    var scenario: (title: String?, text: String)?
    var stimulusRefs: [XMLTreeElement] = []
    var lost: [String] = []

    mutating func visit(_ nodes: [XMLTreeNode]) {
        for node in nodes {
            switch node {
            case .text(let text): html += QTIMarkup.escape(text)
            case .element(let element):
                if QTIMarkup.isInteraction(element.name) {
                    interactions.append(element)
                } else if element.name == "div", element["class"] == "qbank-scenario" {
                    let title = element.element("h3").map { HTMLText.plain(QTIMarkup.html($0.children), image: image).text }
                    let rest = element.children.filter { if case .element(let e) = $0 { e.name != "h3" } else { true } }
                    scenario = (title, HTMLText.plain(QTIMarkup.html(rest), image: image).text)
                } else if element.name == "rubricBlock" {
                    lost.append("rubric block")
                } else if element.name == "feedbackBlock" || element.name == "feedbackInline" || element.name == "templateBlock" {
                    continue
                } else if element.name == "assessmentStimulusRef" {
                    stimulusRefs.append(element)
                } else if ["p", "div", "span", "strong", "b", "em", "i", "code", "br", "ul", "ol", "li", "pre", "blockquote",
                           "table", "tr", "td", "th", "tbody", "thead", "h1", "h2", "h3", "h4", "h5", "h6", "sub", "sup", "img", "object", "math", "a"].contains(element.name) {
                    let before = interactions.count
                    var inner = BodyWalk(image: image)
                    inner.visit(element.children)
                    if inner.interactions.isEmpty && inner.scenario == nil && element.name != "img" && element.name != "object" {
                        html += QTIMarkup.openTag(element) + inner.html + "</\(element.name)>"
                    } else if element.name == "img" || element.name == "object" {
                        html += QTIMarkup.html([node])
                    } else {
                        html += QTIMarkup.openTag(element) + inner.html + "</\(element.name)>"
                    }
                    interactions += inner.interactions
                    if scenario == nil { scenario = inner.scenario }
                    stimulusRefs += inner.stimulusRefs
                    lost += inner.lost
                    _ = before
                } else {
                    var inner = BodyWalk(image: image)
                    inner.visit(element.children)
                    html += inner.html
                    interactions += inner.interactions
                    lost += inner.lost
                }
            }
        }
    }
}

import Foundation

/// A text of an item with the place it was read from, for checks and exporters that
/// treat every text field alike.
public struct PlacedText: Sendable {
    public var value: String
    public var origin: Origin
    /// What the text is, for messages: "stem", "option 'b'", "rationale of step 's2'", "scenario".
    public var role: String
}

extension Item {
    /// Stem, then each option, step, prompt and response, each followed by its rationale.
    public var placedTexts: [PlacedText] {
        var texts = [PlacedText(value: stem.value, origin: stem.origin.location == nil ? origin : stem.origin, role: "stem")]
        func part(_ kind: String, _ id: String, _ text: Text, _ rationale: String?, _ partOrigin: Origin) {
            texts.append(PlacedText(value: text.value, origin: text.origin.location == nil ? partOrigin : text.origin, role: "\(kind) '\(id)'"))
            if let rationale { texts.append(PlacedText(value: rationale, origin: partOrigin, role: "rationale of \(kind) '\(id)'")) }
        }
        switch body {
        case .choice(let body): body.options.forEach { part("option", $0.id, $0.text, $0.rationale, $0.origin) }
        case .ordering(let steps): steps.forEach { part("step", $0.id, $0.text, $0.rationale, $0.origin) }
        case .matching(let body):
            body.prompts.forEach { part("prompt", $0.id, $0.text, $0.rationale, $0.origin) }
            body.responses.forEach { part("response", $0.id, $0.text, nil, $0.origin) }
        }
        return texts
    }
}

extension Item {
    /// Whether the stem, a part or a rationale satisfies `test`. Unlike `placedTexts`, it
    /// builds nothing, so a pre-check over every item costs only the test.
    public func containsText(where test: (String) -> Bool) -> Bool {
        if test(stem.value) { return true }
        func any<Part>(_ parts: [Part], _ text: (Part) -> String, _ rationale: (Part) -> String?) -> Bool {
            parts.indices.contains { test(text(parts[$0])) || rationale(parts[$0]).map(test) == true }
        }
        switch body {
        case .choice(let body): return any(body.options, \.text.value, \.rationale)
        case .ordering(let steps): return any(steps, \.text.value, \.rationale)
        case .matching(let body):
            return any(body.prompts, \.text.value, \.rationale) || any(body.responses, \.text.value, { _ in nil })
        }
    }
}

extension Item {
    /// The item with `transform` applied to every text: stem, parts and rationales.
    public func mappingTexts(_ transform: (String) -> String) -> Item {
        var copy = self
        copy.stem.value = transform(stem.value)
        switch copy.body {
        case .choice(var body):
            for index in body.options.indices {
                body.options[index].text.value = transform(body.options[index].text.value)
                body.options[index].rationale = body.options[index].rationale.map(transform)
            }
            copy.body = .choice(body)
        case .ordering(var steps):
            for index in steps.indices {
                steps[index].text.value = transform(steps[index].text.value)
                steps[index].rationale = steps[index].rationale.map(transform)
            }
            copy.body = .ordering(steps)
        case .matching(var body):
            for index in body.prompts.indices {
                body.prompts[index].text.value = transform(body.prompts[index].text.value)
                body.prompts[index].rationale = body.prompts[index].rationale.map(transform)
            }
            for index in body.responses.indices { body.responses[index].text.value = transform(body.responses[index].text.value) }
            copy.body = .matching(body)
        }
        return copy
    }
}

extension CaseStudy {
    public var placedScenario: PlacedText {
        PlacedText(value: scenario.value, origin: scenario.origin.location == nil ? origin : scenario.origin, role: "scenario")
    }
}

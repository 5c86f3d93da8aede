import QBankCore

/// The optional parts of a blueprint: `constraints` (assembly) and `scoring` (the scale).
/// Shape errors and contradictions (min above max, minimums that cannot fit in a form)
/// are QB002, at the value that is wrong.
extension BlueprintReader {
    func buildConstraints(_ value: JSONValue, form: FormSpec?, domains: [BlueprintDomain], scoredCounts: [Int: Int],
                          _ context: SchemaContext) -> FormConstraints {
        guard let c = ObjectView(value, context, subject: "constraints", itemID: nil,
                                 known: ["formats", "minScoredPerTask", "caseStudies", "difficulty", "information"],
                                 required: [], noun: "'constraints'") else { return .none }
        var constraints = FormConstraints()
        if let formats = c.member("formats") {
            let names = ItemType.allCases.map(\.rawValue)
            if let f = ObjectView(formats.value, context, subject: "constraints.formats", itemID: nil, known: names, required: [],
                                  noun: "'formats'") {
                for member in f.members {
                    guard let type = ItemType(rawValue: member.key),
                          let range = countRange(member.value, subject: "constraints.formats.\(member.key)", context) else { continue }
                    constraints.formats[type] = range
                }
                let minimums = constraints.formats.values.compactMap(\.min).reduce(0, +)
                if let form, minimums > form.scored {
                    f.report("the format minimums add up to \(minimums), more than the \(form.scored) scored items of a form", at: formats.value.position)
                }
            }
        }
        if let m = c.member("minScoredPerTask") {
            constraints.minScoredPerTask = c.integer("minScoredPerTask", 0...1_000_000, rule: "must be an integer from 0 to 1000000")
            if let minimum = constraints.minScoredPerTask {
                for domain in domains {
                    let need = minimum * domain.tasks.count, have = scoredCounts[domain.id] ?? 0
                    if need > have {
                        c.report("domain \(domain.id) has \(have) scored items per form, fewer than \(domain.tasks.count) tasks × \(minimum) (\(need)); lower 'minScoredPerTask'", at: m.value.position)
                    }
                }
            }
        }
        if let cases = c.member("caseStudies") { constraints.caseStudies = countRange(cases.value, subject: "constraints.caseStudies", context) }
        if let d = c.member("difficulty"), let w = ObjectView(d.value, context, subject: "constraints.difficulty", itemID: nil,
                                                               known: ["minMeanP", "maxMeanP"], required: ["minMeanP", "maxMeanP"],
                                                               noun: "'difficulty'") {
            let low = w.number("minMeanP", min: 0, max: 1, rule: "must be a proportion from 0 to 1")
            let high = w.number("maxMeanP", min: 0, max: 1, rule: "must be a proportion from 0 to 1")
            if let low, let high {
                if low > high { w.report("'minMeanP' (\(low)) must not exceed 'maxMeanP' (\(high))", at: w.member("minMeanP")!.value.position) }
                constraints.difficulty = DifficultyWindow(minMeanP: low, maxMeanP: high)
            }
        }
        if let i = c.member("information"), let t = ObjectView(i.value, context, subject: "constraints.information", itemID: nil,
                                                                known: ["theta"], required: ["theta"], noun: "'information'") {
            var thetas: [Double] = []
            if let array = t.array("theta", minItems: 1)?.arrayValue {
                for point in array {
                    guard let theta = point.doubleValue, (-6...6).contains(theta) else {
                        t.report("'theta' points must be numbers from -6 to 6", at: point.position); continue
                    }
                    thetas.append(theta)
                }
                if array.count > 9 { t.report("'theta' takes at most 9 ability points", at: t.member("theta")!.value.position) }
            }
            if !thetas.isEmpty { constraints.information = InformationTarget(theta: thetas) }
        }
        return constraints
    }

    func buildScoring(_ value: JSONValue, _ context: SchemaContext) -> ScoreScale {
        guard let s = ObjectView(value, context, subject: "scoring", itemID: nil,
                                 known: ["minScaled", "maxScaled", "cutScaled", "cutFraction", "cutTheta"],
                                 required: ["minScaled", "maxScaled", "cutScaled", "cutFraction"], noun: "'scoring'") else { return .standard }
        let low = s.integer("minScaled", 0...1_000_000, rule: "must be an integer from 0 to 1000000")
        let high = s.integer("maxScaled", 0...1_000_000, rule: "must be an integer from 0 to 1000000")
        let cut = s.integer("cutScaled", 0...1_000_000, rule: "must be an integer from 0 to 1000000")
        let fraction = s.number("cutFraction", min: 0, max: 1, exclusiveMin: true, rule: "must be greater than 0 and at most 1")
        guard let low, let high, let cut, let fraction else { return .standard }
        if !(low < cut && cut < high) {
            s.report("'cutScaled' (\(cut)) must lie strictly between 'minScaled' (\(low)) and 'maxScaled' (\(high))", at: s.member("cutScaled")!.value.position)
        }
        let cutTheta = s.number("cutTheta", min: -6, max: 6, rule: "must be an ability from -6 to 6")
        return ScoreScale(minimum: low, maximum: high, cut: cut, cutFraction: fraction, cutTheta: cutTheta)
    }

    func buildPromotion(_ value: JSONValue, _ context: SchemaContext) -> PromotionCriteria {
        let defaults = PromotionCriteria()
        guard let p = ObjectView(value, context, subject: "promotion", itemID: nil,
                                 known: ["minResponses", "minPointBiserial", "minPValue", "maxPValue"], required: [], noun: "'promotion'") else { return defaults }
        let low = p.number("minPValue", min: 0, max: 1, rule: "must be from 0 to 1") ?? defaults.minimumP
        let high = p.number("maxPValue", min: 0, max: 1, rule: "must be from 0 to 1") ?? defaults.maximumP
        if low > high, let at = p.member("minPValue") { p.report("'minPValue' (\(low)) must not exceed 'maxPValue' (\(high))", at: at.value.position) }
        return PromotionCriteria(
            minimumResponses: p.integer("minResponses", 0...1_000_000_000, rule: "must be an integer of at least 0") ?? defaults.minimumResponses,
            minimumPointBiserial: p.number("minPointBiserial", min: -1, max: 1, rule: "must be from -1 to 1") ?? defaults.minimumPointBiserial,
            minimumP: low, maximumP: high)
    }

    private func countRange(_ value: JSONValue, subject: String, _ context: SchemaContext) -> CountRange? {
        guard let r = ObjectView(value, context, subject: subject, itemID: nil, known: ["min", "max"], required: [],
                                 noun: "a count range") else { return nil }
        let low = r.integer("min", 0...1_000_000, rule: "must be an integer from 0 to 1000000")
        let high = r.integer("max", 0...1_000_000, rule: "must be an integer from 0 to 1000000")
        if let low, let high, low > high { r.report("'min' (\(low)) must not exceed 'max' (\(high))", at: r.member("min")!.value.position) }
        return CountRange(min: low, max: high)
    }
}

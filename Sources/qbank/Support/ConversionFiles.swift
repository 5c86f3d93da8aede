import QBankAssembly
import QBankCore
import QBankPsychometrics
import QBankReporting

/// The FORM.conversion.json files `qbank assemble` writes beside the keys: each form's raw cut
/// and raw → scaled table by IRT true-score equating to the first form, when every scored item has
/// IRT parameters and there is a standard on the ability scale — the blueprint's `scoring.cutTheta`,
/// or else the modified-Angoff ratings of the forms' scored items (`AngoffStandard`); otherwise
/// none, and a note that today's rule (raw cut = ⌈cutFraction × scored items⌉) applies.
enum ConversionFiles {
    static func make(_ forms: [DeliveredForm], scale: ScoreScale) -> (files: [(String, String)], note: String) {
        let fallback = "raw cut = ceil(\(scale.cutFraction) × scored items) on every form"
        let scored = forms.map { $0.items.filter(\.scored).map(\.item) }
        let rated = scored.joined().contains { $0.stats?.angoff != nil }
        guard scale.cutTheta != nil || rated else {
            return ([], "no conversion tables: the blueprint sets no scoring.cutTheta and no scored item has an Angoff rating; \(fallback)")
        }
        let parameters = scored.map { items in items.map(Self.parameters) }
        let missing = zip(scored, parameters).flatMap { items, found in zip(items, found).filter { $0.1 == nil }.map(\.0.id) }
        guard missing.isEmpty, let base = parameters.first?.compactMap({ $0 }), let baseName = forms.first?.name else {
            return ([], "no conversion tables: \(missing.count) scored item\(missing.count == 1 ? " has" : "s have") no IRT parameters (e.g. \(missing.prefix(3).joined(separator: ", "))); \(fallback)")
        }
        let standard: (theta: Double, label: String?)
        switch Self.standard(scale: scale, scored: scored) {
        case .success(let found): standard = found
        case .failure(let reason): return ([], "no conversion tables: \(reason.message); \(fallback)")
        }
        var files: [(String, String)] = []
        var cuts: [String] = []
        for (form, items) in zip(forms, parameters) {
            let table = ConversionTable(form: form.name, items: items.compactMap { $0 }, base: base, scale: scale, cutTheta: standard.theta)
            files.append(("\(form.name).conversion.json", ConversionTableJSON.render(table, base: baseName, standard: standard.label)))
            cuts.append("\(form.name) \(table.rawCut)/\(table.maxRaw)")
        }
        let at = standard.label.map { "θ = \(Format.fixed(standard.theta)) (\($0))" } ?? "θ = \(standard.theta)"
        return (files, "conversion tables by IRT true-score equating at \(at): raw cuts " + cuts.joined(separator: ", "))
    }

    struct Refusal: Error { var message: String }

    /// The blueprint's cutTheta, or the Angoff cut over the distinct scored items of all forms,
    /// each counted once; a scored item without a rating refuses (no silent partial standard).
    /// The label is nil for the blueprint's cutTheta (the default standard) and names the Angoff panel otherwise.
    static func standard(scale: ScoreScale, scored: [[Item]]) -> Result<(theta: Double, label: String?), Refusal> {
        if let cutTheta = scale.cutTheta { return .success((cutTheta, nil)) }
        var seen = Set<String>()
        let items = scored.joined().filter { seen.insert($0.id).inserted }
        let unrated = items.filter { $0.stats?.angoff == nil }.map(\.id)
        guard unrated.isEmpty else {
            return .failure(Refusal(message: "the blueprint sets no scoring.cutTheta and \(unrated.count) scored item\(unrated.count == 1 ? " has" : "s have") no Angoff rating (e.g. \(unrated.prefix(3).joined(separator: ", ")))"))
        }
        let pairs = items.compactMap { item in Self.parameters(item).flatMap { p in item.stats?.angoff.map { (p, $0) } } }
        do {
            let theta = try AngoffStandard.cutTheta(pairs)
            let sum = pairs.reduce(0) { $0 + $1.1 }
            return .success((theta, "standard: modified Angoff over \(pairs.count) rated scored items, expected raw score \(Format.fixed(sum))"))
        } catch {
            switch error {
            case .unreachable(let expected, let lowest, let highest, let count):
                return .failure(Refusal(message: "the Angoff ratings of the \(count) scored items sum to \(Format.fixed(expected)), "
                    + "outside the expected raw scores \(Format.fixed(lowest))–\(Format.fixed(highest)) that a finite ability reaches (all ratings 0 or 1?)"))
            }
        }
    }

    static func parameters(_ item: Item) -> ItemParameters? {
        guard let a = item.stats?.irtA, let b = item.stats?.irtB else { return nil }
        return ItemParameters(a: a, b: b, c: item.stats?.irtC ?? 0)
    }
}

import QBankAssembly
import QBankCore
import QBankPsychometrics
import QBankReporting

/// The FORM.conversion.json files `qbank assemble` writes beside the keys: each form's raw cut
/// and raw → scaled table by IRT true-score equating to the first form, when the blueprint sets
/// `scoring.cutTheta` and every scored item has IRT parameters; otherwise none, and a note that
/// today's rule (raw cut = ⌈cutFraction × scored items⌉) applies.
enum ConversionFiles {
    static func make(_ forms: [DeliveredForm], scale: ScoreScale) -> (files: [(String, String)], note: String) {
        let fallback = "raw cut = ceil(\(scale.cutFraction) × scored items) on every form"
        guard let cutTheta = scale.cutTheta else {
            return ([], "no conversion tables: the blueprint sets no scoring.cutTheta; \(fallback)")
        }
        let parameters = forms.map { form in
            form.items.filter(\.scored).map { delivered -> ItemParameters? in
                guard let a = delivered.item.stats?.irtA, let b = delivered.item.stats?.irtB else { return nil }
                return ItemParameters(a: a, b: b, c: delivered.item.stats?.irtC ?? 0)
            }
        }
        let missing = zip(forms, parameters).flatMap { form, items in zip(form.items.filter(\.scored), items).filter { $0.1 == nil }.map(\.0.item.id) }
        guard missing.isEmpty, let base = parameters.first?.compactMap({ $0 }), let baseName = forms.first?.name else {
            return ([], "no conversion tables: \(missing.count) scored item\(missing.count == 1 ? " has" : "s have") no IRT parameters (e.g. \(missing.prefix(3).joined(separator: ", "))); \(fallback)")
        }
        var files: [(String, String)] = []
        var cuts: [String] = []
        for (form, items) in zip(forms, parameters) {
            let table = ConversionTable(form: form.name, items: items.compactMap { $0 }, base: base, scale: scale, cutTheta: cutTheta)
            files.append(("\(form.name).conversion.json", ConversionTableJSON.render(table, base: baseName)))
            cuts.append("\(form.name) \(table.rawCut)/\(table.maxRaw)")
        }
        return (files, "conversion tables by IRT true-score equating at θ = \(cutTheta): raw cuts " + cuts.joined(separator: ", "))
    }
}

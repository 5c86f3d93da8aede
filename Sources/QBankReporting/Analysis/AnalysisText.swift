import QBankPsychometrics

/// `qbank analyze` for a terminal: per form reliability, then one line per item and the
/// flagged items with their reasons.
public enum AnalysisText {
    public static func render(_ analysis: ItemAnalysis) -> String {
        var out = ""
        for form in analysis.forms {
            out += "\(form.form): \(form.candidates) candidates, \(form.scoredItems) scored items, "
            out += "KR-20 \(Format.fixed(form.alpha)), SEM \(Format.fixed(form.sem, 2)), "
            out += "mean \(Format.fixed(form.meanRaw, 2)) (sd \(Format.fixed(form.sdRaw, 2)))\n"
        }
        out += "omitted responses count as \(analysis.convention == .wrong ? "wrong" : "missing (psych convention)")\n\n"
        out += pad("item", 24) + pad("n", 7) + pad("p", 7) + pad("r.bis", 7) + pad("omit", 7) + "distractors below \(Format.fixed(analysis.thresholds.nonFunctioningShare * 100, 0))%\n"
        for item in analysis.items {
            let weak = item.options.filter { !$0.isKey && $0.share < analysis.thresholds.nonFunctioningShare }.map(\.option)
            out += pad(item.id + (item.scored ? "" : "*"), 24) + pad(String(item.n), 7) + pad(Format.fixed(item.pValue), 7)
            out += pad(item.pointBiserial.map { Format.fixed($0) } ?? "–", 7) + pad(Format.fixed(item.omitRate), 7)
            out += (weak.isEmpty ? "" : weak.joined(separator: " ")) + "\n"
        }
        if analysis.items.contains(where: { !$0.scored }) { out += "* unscored (pretest): correlated with the scored total\n" }
        let flagged = analysis.items.filter { !$0.flags.isEmpty }
        out += "\n\(flagged.count) item\(flagged.count == 1 ? "" : "s") flagged\n"
        for item in flagged {
            out += "  \(item.id): " + item.flags.map(\.description).joined(separator: "; ") + "\n"
        }
        return out
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}

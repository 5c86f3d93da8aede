import QBankPsychometrics

/// `qbank angoff` output: each rated item's mean rating (what `--update-bank` stores as `angoff`),
/// the number of raters and their spread, and the panel's expected raw score.
public enum AngoffReport {
    public static func text(_ panel: AngoffPanel) -> String {
        let pad = CalibrationReport.pad
        var out = "Modified-Angoff panel: \(panel.raters.count) rater\(panel.raters.count == 1 ? "" : "s"), "
        out += "\(panel.ratings) rating\(panel.ratings == 1 ? "" : "s") of \(panel.items.count) item\(panel.items.count == 1 ? "" : "s")\n\n"
        out += pad("item", 24) + pad("raters", 8) + pad("rating", 8) + pad("sd", 8) + "min–max\n"
        for item in panel.items {
            out += pad(item.id, 24) + pad(String(item.raters), 8) + pad(Format.fixed(item.mean), 8)
            out += pad(item.sd.map { Format.fixed($0) } ?? "–", 8) + Format.fixed(item.min, 2) + "–" + Format.fixed(item.max, 2) + "\n"
        }
        out += "\nexpected raw score of a minimally competent candidate on these items: \(Format.fixed(panel.expectedRawScore))\n"
        return out
    }

    public static func json(_ panel: AngoffPanel) -> String {
        let document: JSONValue = [
            "raters": .array(panel.raters.map { .string($0) }), "ratings": .int(panel.ratings),
            "expectedRawScore": .double(panel.expectedRawScore),
            "items": .array(panel.items.map { item in
                [
                    "id": .string(item.id), "raters": .int(item.raters), "angoff": .double(item.mean),
                    "sd": item.sd.map { .double($0) } ?? .null, "min": .double(item.min), "max": .double(item.max),
                ]
            }),
        ]
        return document.rendered()
    }
}

import QBankCore
import QBankPsychometrics

/// `qbank analyze --format html`: one self-contained page, no script; per form an inline
/// SVG score histogram, an item map (difficulty × discrimination, flagged items marked)
/// and the item and distractor tables.
public enum AnalysisHTML {
    public static func render(_ analysis: ItemAnalysis) -> String {
        var out = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Item analysis</title>
            <style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:auto;padding:1rem}table{border-collapse:collapse}\
            td,th{padding:.2rem .5rem;border-bottom:1px solid #ddd;text-align:right}td:first-child,th:first-child{text-align:left}\
            .flag{color:#b00020}svg{max-width:100%}.bar{fill:#4a78b0}.point{fill:#4a78b0}.point.flagged{fill:#b00020}\
            .axis{stroke:#888}text{font-size:11px}</style></head><body>
            <h1>Item analysis</h1>

            """
        out += "<p>Omitted responses count as \(analysis.convention == .wrong ? "wrong" : "missing (R psych's convention)").</p>\n"
        for form in analysis.forms {
            out += "<h2>\(text(form.form))</h2>\n<p>\(form.candidates) candidates, \(form.scoredItems) scored items, KR-20 \(Format.fixed(form.alpha)), "
            out += "SEM \(Format.fixed(form.sem, 2)), mean \(Format.fixed(form.meanRaw, 2)) (sd \(Format.fixed(form.sdRaw, 2))).</p>\n"
            out += histogram(form) + "\n"
        }
        out += "<h2>Item map</h2>\n" + itemMap(analysis.items) + "\n"
        out += "<h2>Items</h2>\n<table><tr><th>Item</th><th>Scored</th><th>n</th><th>p</th><th>r (corrected)</th><th>Omit</th><th>Flags</th></tr>\n"
        for item in analysis.items {
            out += "<tr><td>\(text(item.id))</td><td>\(item.scored ? "yes" : "no")</td><td>\(item.n)</td><td>\(Format.fixed(item.pValue))</td>"
            out += "<td>\(item.pointBiserial.map { Format.fixed($0) } ?? "–")</td><td>\(Format.fixed(item.omitRate))</td>"
            out += "<td class=\"flag\">\(text(item.flags.map(\.description).joined(separator: "; ")))</td></tr>\n"
        }
        out += "</table>\n<h2>Distractors</h2>\n<table><tr><th>Item</th><th>Option</th><th>Share</th><th>Mean total</th><th>r with rest</th></tr>\n"
        for item in analysis.items {
            for option in item.options {
                let weak = !option.isKey && option.share < analysis.thresholds.nonFunctioningShare
                out += "<tr><td>\(text(item.id))</td><td>\(text(option.option))\(option.isKey ? " (key)" : "")</td>"
                out += "<td\(weak ? " class=\"flag\"" : "")>\(Format.fixed(option.share))</td><td>\(Format.fixed(option.meanTotal, 2))</td>"
                out += "<td>\(option.restCorrelation.map { Format.fixed($0) } ?? "–")</td></tr>\n"
            }
        }
        return out + "</table>\n</body></html>\n"
    }

    /// Candidates per raw score, one bar each.
    static func histogram(_ form: FormStatistics) -> String {
        let width = 600.0, height = 160.0
        let peak = Double(max(1, form.distribution.max() ?? 1))
        let step = width / Double(max(1, form.distribution.count))
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height + 20))\" role=\"img\" data-chart=\"distribution-\(attribute(form.form))\">"
        out += "<title>Score distribution of \(text(form.form))</title>"
        for (score, count) in form.distribution.enumerated() {
            let h = Double(count) / peak * height
            out += "<rect class=\"bar\" x=\(quoted(Double(score) * step)) y=\(quoted(height - h)) width=\(quoted(max(1, step - 1))) height=\(quoted(h)) "
            out += "data-label=\"\(score)\" data-value=\"\(count)\"><title>raw \(score): \(count)</title></rect>"
        }
        out += "<line class=\"axis\" x1=\"0\" x2=\"\(Int(width))\" y1=\"\(Int(height))\" y2=\"\(Int(height))\"/>"
        out += "<text x=\"0\" y=\"\(Int(height + 14))\">0</text><text x=\"\(Int(width))\" y=\"\(Int(height + 14))\" text-anchor=\"end\">\(form.distribution.count - 1)</text>"
        return out + "</svg>"
    }

    /// p on the horizontal axis (0–1), corrected point-biserial on the vertical (−0.2–1).
    static func itemMap(_ items: [ItemStatistics]) -> String {
        let width = 600.0, height = 300.0, low = -0.2, high = 1.0
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width) + 40) \(Int(height) + 30)\" role=\"img\" data-chart=\"item-map\">"
        out += "<title>Item map: difficulty (p) against discrimination (corrected point-biserial)</title>"
        let zero = 30 + height * high / (high - low)
        out += "<line class=\"axis\" x1=\"30\" x2=\"\(Int(width) + 30)\" y1=\(quoted(zero)) y2=\(quoted(zero))/>"
        out += "<text x=\"30\" y=\"\(Int(height) + 28)\">p = 0</text><text x=\"\(Int(width) + 30)\" y=\"\(Int(height) + 28)\" text-anchor=\"end\">p = 1</text>"
        out += "<text x=\"0\" y=\"40\">r 1</text>"
        for item in items {
            guard let r = item.pointBiserial, item.pValue.isFinite else { continue }
            let x = 30 + item.pValue * width, y = 30 + (high - min(max(r, low), high)) / (high - low) * height
            out += "<circle class=\"point\(item.flags.isEmpty ? "" : " flagged")\" cx=\(quoted(x)) cy=\(quoted(y)) r=\"4\" "
            out += "data-label=\"\(attribute(item.id))\" data-value=\"\(Format.fixed(item.pValue)),\(Format.fixed(r))\">"
            out += "<title>\(text(item.id)): p \(Format.fixed(item.pValue)), r \(Format.fixed(r))</title></circle>"
        }
        return out + "</svg>"
    }

    private static func quoted(_ value: Double) -> String { "\"\(Format.fixed(value, 1))\"" }
    private static func text(_ value: String) -> String { XMLEscaping.text(value) }
    private static func attribute(_ value: String) -> String { XMLEscaping.attribute(value) }
}

import Foundation
import QBankPsychometrics

/// `qbank analyze --format markdown`: the same figures as tables a pull request or wiki shows.
public enum AnalysisMarkdown {
    public static func render(_ analysis: ItemAnalysis) -> String {
        var out = "# Item analysis\n\n"
        out += "Omitted responses count as \(analysis.convention == .wrong ? "wrong" : "missing (R psych's convention)"). "
        out += "Flags: p below \(Format.fixed(analysis.thresholds.minimumP, 2)) or above \(Format.fixed(analysis.thresholds.maximumP, 2)), "
        out += "corrected point-biserial below \(Format.fixed(analysis.thresholds.minimumDiscrimination, 2)), a distractor that discriminates better than the key.\n\n"
        out += "| Form | Candidates | Scored items | KR-20 | SEM | Mean | SD |\n|---|---:|---:|---:|---:|---:|---:|\n"
        for form in analysis.forms {
            out += "| \(form.form) | \(form.candidates) | \(form.scoredItems) | \(Format.fixed(form.alpha)) | \(Format.fixed(form.sem, 2)) "
            out += "| \(Format.fixed(form.meanRaw, 2)) | \(Format.fixed(form.sdRaw, 2)) |\n"
        }
        for form in analysis.forms {
            out += "\n## Score distribution, \(form.form)\n\n| Raw score | Candidates |\n|---:|---:|\n"
            for (score, count) in form.distribution.enumerated() where count > 0 { out += "| \(score) | \(count) |\n" }
        }
        out += "\n## Items\n\n| Item | Scored | n | p | r (corrected) | Omit | Non-functioning distractors | Flags |\n|---|---|---:|---:|---:|---:|---|---|\n"
        for item in analysis.items {
            let weak = item.options.filter { !$0.isKey && $0.share < analysis.thresholds.nonFunctioningShare }.map(\.option)
            out += "| \(cell(item.id)) | \(item.scored ? "yes" : "no") | \(item.n) | \(Format.fixed(item.pValue)) "
            out += "| \(item.pointBiserial.map { Format.fixed($0) } ?? "–") | \(Format.fixed(item.omitRate)) "
            out += "| \(cell(weak.joined(separator: ", "))) | \(cell(item.flags.map(\.description).joined(separator: "; "))) |\n"
        }
        out += "\n## Distractors\n\n| Item | Option | Share | Mean total | r with rest |\n|---|---|---:|---:|---:|\n"
        for item in analysis.items {
            for option in item.options {
                out += "| \(cell(item.id)) | \(cell(option.option))\(option.isKey ? " (key)" : "") | \(Format.fixed(option.share)) "
                out += "| \(Format.fixed(option.meanTotal, 2)) | \(option.restCorrelation.map { Format.fixed($0) } ?? "–") |\n"
            }
        }
        return out
    }

    /// Table cells keep pipes and line breaks out of the table structure.
    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}

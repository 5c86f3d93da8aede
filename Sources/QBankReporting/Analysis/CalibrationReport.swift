import QBankPsychometrics

/// `qbank calibrate` output: text for a terminal, JSON for scripts (and `--anchors`).
public enum CalibrationReport {
    public static let schemaVersion = 1

    public static func text(_ calibration: Calibration) -> String {
        var out = "\(calibration.model.rawValue.uppercased()) calibration of \(calibration.items.count) items, \(calibration.candidates) candidates: "
        out += calibration.converged ? "converged in \(calibration.cycles) EM cycles" : "NOT converged after \(calibration.cycles) EM cycles"
        out += ", log-likelihood \(Format.fixed(calibration.logLikelihood, 2)), θ mean \(Format.fixed(calibration.populationMean)) sd \(Format.fixed(calibration.populationSD))\n\n"
        out += pad("item", 24) + pad("n", 7) + pad("a", 14) + pad("b", 15) + pad("c", 14) + "RMSD\n"
        for item in calibration.items {
            let p = item.parameters
            out += pad(item.id + (item.anchored ? " (anchor)" : ""), 24) + pad(String(item.responses), 7)
            out += pad(value(p.a, item.seA, show: calibration.model != .rasch), 14) + pad(value(p.b, item.seB, show: true), 15)
            out += pad(value(p.c, item.seC, show: calibration.model == .threePL), 14)
            out += Format.fixed(item.rmsd) + (item.misfits ? "  misfit" : "") + "\n"
        }
        let misfits = calibration.items.filter(\.misfits).map(\.id)
        out += "\n" + (misfits.isEmpty ? "no item misfits" : "\(misfits.count) misfitting: " + misfits.joined(separator: ", ")) + "\n"
        return out
    }

    public static func json(_ calibration: Calibration) -> String {
        let document: JSONValue = [
            "version": .int(schemaVersion), "model": .string(calibration.model.rawValue),
            "candidates": .int(calibration.candidates), "cycles": .int(calibration.cycles), "converged": .bool(calibration.converged),
            "logLikelihood": .double(calibration.logLikelihood),
            "population": ["mean": .double(calibration.populationMean), "sd": .double(calibration.populationSD)],
            "items": .array(calibration.items.map { item in
                [
                    "id": .string(item.id), "n": .int(item.responses), "anchor": .bool(item.anchored),
                    "a": .double(item.parameters.a), "b": .double(item.parameters.b), "c": .double(item.parameters.c),
                    "seA": optional(item.seA), "seB": optional(item.seB), "seC": optional(item.seC),
                    "rmsd": optional(item.rmsd), "misfit": .bool(item.misfits),
                ]
            }),
        ]
        return document.rendered()
    }

    /// The parameters `qbank simulate` drew responses from, and where each came from (bank or drawn).
    public static func generating(_ parameters: [String: ItemParameters], drawn: Set<String>, seed: UInt64) -> String {
        let document: JSONValue = [
            "seed": .string(String(seed)),
            "items": .array(parameters.keys.sorted().map { id in
                let p = parameters[id]!
                return ["id": .string(id), "a": .double(p.a), "b": .double(p.b), "c": .double(p.c), "source": .string(drawn.contains(id) ? "drawn" : "bank")]
            }),
        ]
        return document.rendered()
    }

    private static func value(_ x: Double, _ se: Double?, show: Bool) -> String {
        guard show else { return "–" }
        return Format.fixed(x) + (se.map { " (\(Format.fixed($0)))" } ?? "")
    }

    private static func optional(_ x: Double?) -> JSONValue {
        guard let x, x.isFinite else { return .null }
        return .double(x)
    }

    /// `text` left-aligned in a column `width` wide (at least one space after it).
    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}

/// `FORM.conversion.json`: the form's raw cut and raw → scaled table from IRT true-score equating.
public enum ConversionTableJSON {
    /// `standard` names a cut θ not from the blueprint (modified Angoff), for `score` to repeat;
    /// nil (the blueprint's scoring.cutTheta) writes no key, as tables did before Angoff.
    public static func render(_ table: ConversionTable, base: String, standard: String? = nil) -> String {
        var members: [String: JSONValue] = [
            "form": .string(table.form),
            "method": .string("IRT true-score equating to \(base) (Kolen & Brennan 2014, section 6.4): raw cut = ceil(TCC(cutTheta))"),
            "cutTheta": .double(table.cutTheta), "rawCut": .int(table.rawCut), "maxRaw": .int(table.maxRaw),
            "table": .array(table.rows.map { row in
                ["raw": .int(row.raw), "scaled": .int(row.scaled), "theta": row.theta.map { .double($0) } ?? .null]
            }),
        ]
        if let standard { members["standard"] = .string(standard) }
        return JSONValue.object(members).rendered()
    }
}

import QBankCore

/// The analysis of one administered form: its reliability and score distribution, and
/// each item's difficulty, discrimination and distractors against this form's scored total.
struct FormAnalysis {
    var statistics: FormStatistics
    var items: [ItemStatistics]

    init(_ administration: Administration, convention: OmitConvention, thresholds: AnalysisThresholds) {
        let matrix = ScoreMatrix(administration, convention: convention)
        let key = administration.key
        let count = administration.candidates.count
        let columns = key.indices.map { i in matrix.scores.map { $0[i] } }
        let scored = key.indices.filter { key[$0].scored }

        // Pairwise covariances of every item with every scored item (psych's cov(use = "pairwise")).
        var covariance = [[Double]](repeating: [Double](repeating: 0, count: key.count), count: key.count)
        for i in key.indices {
            covariance[i][i] = Sample.covariance(columns[i], columns[i])
            for j in scored where j >= i || !key[i].scored {
                let c = Sample.covariance(columns[i], columns[j])
                covariance[i][j] = c
                covariance[j][i] = c
            }
        }
        let rowSums = key.indices.map { i in scored.reduce(0.0) { $0 + covariance[i][$1] } }
        let total = scored.reduce(0.0) { $0 + rowSums[$1] }
        let trace = scored.reduce(0.0) { $0 + covariance[$1][$1] }
        let k = Double(scored.count)
        let alpha = k > 1 && total > 0 ? (1 - trace / total) * k / (k - 1) : .nan
        var correlationSum = 0.0
        for i in scored {
            for j in scored { correlationSum += covariance[i][j] / (covariance[i][i] * covariance[j][j]).squareRoot() }
        }
        let standardizedAlpha = k > 1 ? (1 - k / correlationSum) * k / (k - 1) : .nan

        // Raw totals count omitted scores as 0; proportions are over the items answered.
        let raw = matrix.scores.map { row in scored.reduce(0.0) { $0 + (row[$1].isNaN ? 0 : row[$1]) } }
        let proportions = matrix.scores.map { row -> Double in
            let present = scored.filter { !row[$0].isNaN }
            return present.isEmpty ? .nan : present.reduce(0.0) { $0 + row[$1] } / Double(present.count)
        }
        let rawStats = Sample.describe(raw)
        let proportionStats = Sample.describe(proportions)
        var distribution = [Int](repeating: 0, count: scored.count + 1)
        for r in raw { distribution[Int(r)] += 1 }
        statistics = FormStatistics(
            form: administration.form, candidates: count, scoredItems: scored.count, alpha: alpha,
            standardizedAlpha: standardizedAlpha, meanRaw: rawStats.mean, sdRaw: rawStats.sd,
            sem: rawStats.sd * max(0, 1 - alpha).squareRoot(), meanProportion: proportionStats.mean,
            sdProportion: proportionStats.sd, distribution: distribution
        )

        // psych's uncorrected r: missing scores take the item's median, the total sums every scored item.
        let medians = columns.map(Sample.median01)
        let imputedTotal = matrix.scores.map { row in scored.reduce(0.0) { $0 + (row[$1].isNaN ? medians[$1] : row[$1]) } }
        items = key.indices.map { i in
            let column = columns[i]
            let described = Sample.describe(column)
            let omits = matrix.omitted.reduce(0) { $0 + ($1[i] ? 1 : 0) }
            let restVariance = key[i].scored ? total - 2 * rowSums[i] + covariance[i][i] : total
            let restCovariance = key[i].scored ? rowSums[i] - covariance[i][i] : rowSums[i]
            let pointBiserial = covariance[i][i] > 0 && restVariance > 0 ? restCovariance / (covariance[i][i] * restVariance).squareRoot() : nil
            let imputed = column.map { $0.isNaN ? medians[i] : $0 }
            let p = described.mean
            var item = ItemStatistics(
                id: key[i].id, type: key[i].type, scored: key[i].scored, forms: [administration.form], candidates: count,
                n: described.n, omitRate: count > 0 ? Double(omits) / Double(count) : 0, pValue: p,
                sd: FormAnalysis.binarySD(p: p, n: described.n), itemTotal: Sample.correlation(imputed, imputedTotal),
                pointBiserial: pointBiserial, options: [], flags: []
            )
            if key[i].type == "single", case .choice(let keyed) = key[i].answer {
                let rest = raw.indices.map { raw[$0] - (key[i].scored && !column[$0].isNaN ? column[$0] : 0) }
                item.options = FormAnalysis.options(administration.candidates.map { $0.responses[i] }, keyed: keyed, raw: raw, rest: rest)
            }
            item.flags = FormAnalysis.flags(item, thresholds: thresholds)
            return item
        }
    }

    /// R's sd of a 0/1 column: √(p(1 − p) · n/(n − 1)).
    static func binarySD(p: Double, n: Int) -> Double {
        n > 1 ? (p * (1 - p) * Double(n) / Double(n - 1)).squareRoot() : .nan
    }

    /// Every option anyone chose (the key even if nobody did), over the candidates who answered.
    static func options(_ responses: [Answer?], keyed: String, raw: [Double], rest: [Double]) -> [OptionStatistics] {
        let chosen = responses.map { response -> String? in
            if case .choice(let id) = response { return id }
            return response == nil ? nil : "(other)"
        }
        let answered = chosen.indices.filter { chosen[$0] != nil }
        let labels = Set(answered.map { chosen[$0]! }).union([keyed]).sorted()
        let restOfAnswered = answered.map { rest[$0] }
        return labels.map { label in
            let picks = answered.filter { chosen[$0] == label }
            let indicator = answered.map { chosen[$0] == label ? 1.0 : 0.0 }
            return OptionStatistics(
                option: label, isKey: label == keyed, count: picks.count,
                share: answered.isEmpty ? 0 : Double(picks.count) / Double(answered.count),
                meanTotal: picks.isEmpty ? .nan : picks.reduce(0.0) { $0 + raw[$1] } / Double(picks.count),
                restCorrelation: Sample.correlation(indicator, restOfAnswered)
            )
        }
    }

    static func flags(_ item: ItemStatistics, thresholds: AnalysisThresholds) -> [ItemFlag] {
        var flags: [ItemFlag] = []
        if item.pValue < thresholds.minimumP { flags.append(.tooHard(item.pValue)) }
        if item.pValue > thresholds.maximumP { flags.append(.tooEasy(item.pValue)) }
        if let r = item.pointBiserial {
            if r < 0 { flags.append(.negativeDiscrimination(r)) } else if r < thresholds.minimumDiscrimination { flags.append(.lowDiscrimination(r)) }
        }
        let keyR = item.options.first { $0.isKey }?.restCorrelation ?? item.pointBiserial ?? 0
        if let best = item.options.filter({ !$0.isKey && ($0.restCorrelation ?? -1) > keyR && $0.restCorrelation! > 0 })
            .max(by: { $0.restCorrelation! < $1.restCorrelation! }) {
            flags.append(.distractorBeatsKey(option: best.option, correlation: best.restCorrelation!))
        }
        return flags
    }
}

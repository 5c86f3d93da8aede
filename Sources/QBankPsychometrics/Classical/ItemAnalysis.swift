import QBankCore

/// Classical item analysis of one or more administered forms. Items are matched by id
/// across forms: counts pool, correlations are the n-weighted mean of each form's.
public struct ItemAnalysis: Sendable {
    public var convention: OmitConvention
    public var thresholds: AnalysisThresholds
    public var forms: [FormStatistics]
    public var items: [ItemStatistics]

    public init(_ administrations: [Administration], convention: OmitConvention = .wrong, thresholds: AnalysisThresholds = AnalysisThresholds()) {
        self.convention = convention
        self.thresholds = thresholds
        var forms: [FormStatistics] = []
        var perForm: [[ItemStatistics]] = []
        for administration in administrations {
            let form = FormAnalysis(administration, convention: convention, thresholds: thresholds)
            forms.append(form.statistics)
            perForm.append(form.items)
        }
        self.forms = forms
        self.items = ItemAnalysis.pool(perForm, thresholds: thresholds)
    }

    /// Items in first-seen order; an item on several forms pooled into one entry.
    static func pool(_ perForm: [[ItemStatistics]], thresholds: AnalysisThresholds) -> [ItemStatistics] {
        var order: [String] = []
        var groups: [String: [ItemStatistics]] = [:]
        for item in perForm.joined() {
            if groups[item.id] == nil { order.append(item.id) }
            groups[item.id, default: []].append(item)
        }
        return order.map { id in
            let group = groups[id]!
            guard group.count > 1 else { return group[0] }
            return merge(group, thresholds: thresholds)
        }
    }

    private static func merge(_ group: [ItemStatistics], thresholds: AnalysisThresholds) -> ItemStatistics {
        var merged = group[0]
        let n = group.reduce(0) { $0 + $1.n }
        let candidates = group.reduce(0) { $0 + $1.candidates }
        merged.forms = group.flatMap(\.forms)
        merged.n = n
        merged.candidates = candidates
        merged.scored = group.contains { $0.scored }
        merged.pValue = group.reduce(0) { $0 + $1.pValue * Double($1.n) } / Double(max(n, 1))
        merged.sd = FormAnalysis.binarySD(p: merged.pValue, n: n)
        merged.omitRate = group.reduce(0) { $0 + $1.omitRate * Double($1.candidates) } / Double(max(candidates, 1))
        merged.itemTotal = weighted(group.map { ($0.itemTotal, $0.n) })
        merged.pointBiserial = weighted(group.map { ($0.pointBiserial, $0.n) })
        var options: [String: OptionStatistics] = [:]
        var optionOrder: [String] = []
        var answered = 0
        for item in group {
            answered += item.options.reduce(0) { $0 + $1.count }
            for option in item.options {
                if var seen = options[option.option] {
                    let count = seen.count + option.count
                    seen.meanTotal = count > 0 ? (seen.meanTotal * Double(seen.count) + option.meanTotal * Double(option.count)) / Double(count) : 0
                    seen.restCorrelation = weighted([(seen.restCorrelation, seen.count), (option.restCorrelation, option.count)])
                    seen.count = count
                    options[option.option] = seen
                } else {
                    optionOrder.append(option.option)
                    options[option.option] = option
                }
            }
        }
        merged.options = optionOrder.sorted().map { key in
            var option = options[key]!
            option.share = answered > 0 ? Double(option.count) / Double(answered) : 0
            return option
        }
        merged.flags = FormAnalysis.flags(merged, thresholds: thresholds)
        return merged
    }

    private static func weighted(_ values: [(Double?, Int)]) -> Double? {
        let present = values.compactMap { value, weight in value.map { ($0, Double(weight)) } }
        let total = present.reduce(0) { $0 + $1.1 }
        guard total > 0 else { return nil }
        return present.reduce(0) { $0 + $1.0 * $1.1 } / total
    }
}

import Foundation

/// A horizontal bar chart. Horizontal bars keep long labels (task statements) readable
/// on a phone, where a column chart would have to rotate or truncate them.
public struct ReportChart: Sendable, Equatable {
    /// Stable id; the table that carries the same numbers names it.
    public var id: String
    public var caption: String
    public var bars: [ReportBar]
    /// The value at the right edge of the plot.
    public var axisMax: Double
    /// Appended to axis tick labels, e.g. `%`.
    public var unit: String
    /// What the bars show and, when bars have targets, what the marker shows.
    public var barLegend: String
    public var targetLegend: String?
    /// The word before a target in a bar's value text: "27.6% · target 28.0%".
    public var targetWord: String

    /// What the whisker on each bar shows, when bars have a spread.
    public var spreadLegend: String?

    /// - parameter axisMax: a fixed right edge (e.g. 1 for proportions); by default a round number above the largest value.
    public init(id: String, caption: String, bars: [ReportBar], unit: String = "", barLegend: String, targetLegend: String? = nil,
                targetWord: String = "target", spreadLegend: String? = nil, axisMax: Double? = nil) {
        self.id = id
        self.caption = caption
        self.bars = bars
        self.unit = unit
        self.barLegend = barLegend
        self.targetLegend = targetLegend
        self.targetWord = targetWord
        self.spreadLegend = spreadLegend
        let largest = bars.map { max($0.value + ($0.spread ?? 0), $0.target ?? 0) }.max() ?? 0
        self.axisMax = axisMax ?? NiceScale.ceiling(largest)
    }
}

public struct ReportBar: Sendable, Equatable {
    /// The full label, also the first cell of the chart's table row.
    public var label: String
    /// Shown instead of `label` on narrow screens.
    public var shortLabel: String
    public var value: Double
    /// `value` as printed in the table, e.g. `27.6`.
    public var valueText: String
    public var target: Double?
    public var targetText: String?
    /// Drawn in the accent colour, e.g. the domain that limits the number of forms.
    public var emphasis: Bool
    /// Drawn as a whisker from `value - spread` to `value + spread`, e.g. one standard deviation.
    public var spread: Double?

    public init(label: String, shortLabel: String? = nil, value: Double, valueText: String, target: Double? = nil, targetText: String? = nil,
                emphasis: Bool = false, spread: Double? = nil) {
        self.label = label
        self.shortLabel = shortLabel ?? label
        self.value = value
        self.valueText = valueText
        self.target = target
        self.targetText = targetText
        self.emphasis = emphasis
        self.spread = spread
    }
}

/// Axis maxima people read easily (1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten), close above the largest value so bars use the width.
enum NiceScale {
    static func ceiling(_ value: Double) -> Double {
        guard value > 0 else { return 1 }
        let exponent = Int(log10(value).rounded(.down))
        // Divide by an exact power of ten below 1, so 0.3 stays 0.3 and not 0.30000000000000004.
        let scale = { (step: Double) in exponent >= 0 ? step * pow(10, Double(exponent)) : step / pow(10, Double(-exponent)) }
        for step in [1.0, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10] where scale(step) >= value { return scale(step) }
        return scale(10)
    }
}

/// Draws a `ReportChart` as inline SVG. Horizontal positions are percentages of the
/// chart's width, so bars stretch with the page while text keeps its size: the chart
/// stays legible from a desktop window down to a phone without any script.
///
/// Every bar carries `data-label` and `data-value` (and `data-target`), so tests can
/// read the numbers back and compare them with the Markdown twin.
enum BarChartSVG {
    static let rowHeight = 46
    static let axisHeight = 22

    static func render(_ chart: ReportChart) -> String {
        let height = chart.bars.count * rowHeight + axisHeight
        let titleID = "chart-\(chart.id)-title"
        var out = #"<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="100%" height="\#(height)" role="img""#
        out += #" aria-labelledby="\#(titleID)" data-chart="\#(Markup.escape(chart.id))" data-axis-max="\#(number(chart.axisMax))">"#
        out += "\n<title id=\"\(titleID)\">\(Markup.escape(chart.caption))</title>\n"
        let plotBottom = chart.bars.count * rowHeight
        for tick in ticks(chart) {
            let x = percent(tick / chart.axisMax * 100)
            out += #"<line class="grid" x1="\#(x)" x2="\#(x)" y1="18" y2="\#(plotBottom)"/>"# + "\n"
        }
        for (index, bar) in chart.bars.enumerated() {
            out += row(bar, chart: chart, top: index * rowHeight)
        }
        for (index, tick) in ticks(chart).enumerated() {
            let anchor = index == 0 ? "start" : (tick == chart.axisMax ? "end" : "middle")
            out += #"<text class="tick" x="\#(percent(tick / chart.axisMax * 100))" y="\#(plotBottom + 16)" text-anchor="\#(anchor)">\#(number(tick))\#(Markup.escape(chart.unit))</text>"# + "\n"
        }
        out += "</svg>"
        return out
    }

    private static func row(_ bar: ReportBar, chart: ReportChart, top: Int) -> String {
        let width = chart.axisMax > 0 ? bar.value / chart.axisMax * 100 : 0
        var value = Markup.escape(bar.valueText + chart.unit)
        if let targetText = bar.targetText { value += #"<tspan class="muted"> · \#(Markup.escape(chart.targetWord)) \#(Markup.escape(targetText + chart.unit))</tspan>"# }
        var out = "<g class=\"row\">\n"
        out += #"<title>\#(Markup.escape(bar.label)): \#(Markup.escape(bar.valueText + chart.unit))</title>"# + "\n"
        out += #"<text class="label long" x="0" y="\#(top + 15)">\#(Markup.escape(bar.label))</text>"# + "\n"
        out += #"<text class="label short" x="0" y="\#(top + 15)">\#(Markup.escape(bar.shortLabel))</text>"# + "\n"
        out += #"<text class="value" x="100%" y="\#(top + 15)" text-anchor="end">\#(value)</text>"# + "\n"
        out += #"<rect class="track" x="0" y="\#(top + 21)" width="100%" height="16"/>"# + "\n"
        var attributes = #"data-label="\#(Markup.escape(bar.label))" data-value="\#(Markup.escape(bar.valueText))""#
        if let target = bar.targetText { attributes += #" data-target="\#(Markup.escape(target))""# }
        out += #"<rect class="bar\#(bar.emphasis ? " accent" : "")" x="0" y="\#(top + 21)" width="\#(percent(width))" height="16" \#(attributes)/>"# + "\n"
        if let spread = bar.spread, chart.axisMax > 0 {
            let low = percent(max(0, bar.value - spread) / chart.axisMax * 100), high = percent(min(chart.axisMax, bar.value + spread) / chart.axisMax * 100)
            out += #"<line class="whisker" x1="\#(low)" x2="\#(high)" y1="\#(top + 29)" y2="\#(top + 29)"/>"# + "\n"
            out += #"<line class="whisker" x1="\#(low)" x2="\#(low)" y1="\#(top + 24)" y2="\#(top + 34)"/>"# + "\n"
            out += #"<line class="whisker" x1="\#(high)" x2="\#(high)" y1="\#(top + 24)" y2="\#(top + 34)"/>"# + "\n"
        }
        if let target = bar.target, chart.axisMax > 0 {
            let x = percent(target / chart.axisMax * 100)
            out += #"<line class="target" x1="\#(x)" x2="\#(x)" y1="\#(top + 17)" y2="\#(top + 41)"/>"# + "\n"
        }
        out += "</g>\n"
        return out
    }

    /// Gridlines at zero, the middle and the end of the axis.
    private static func ticks(_ chart: ReportChart) -> [Double] {
        [0, chart.axisMax / 2, chart.axisMax]
    }

    static func percent(_ value: Double) -> String {
        NumberText.fixed(value, places: 2) + "%"
    }

    /// A tick or axis value without trailing zeros: 12.5, 25, 0.5.
    static func number(_ value: Double) -> String {
        var text = NumberText.fixed(value, places: 2)
        while text.hasSuffix("0") && text.contains(".") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}

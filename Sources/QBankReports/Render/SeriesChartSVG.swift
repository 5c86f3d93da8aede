/// Draws the several-series charts (stacked bars, lines, matrices) as inline SVG, in the
/// style of `BarChartSVG`: horizontal positions in percent so charts follow the page
/// width, text at a fixed size. Every drawn value carries `data-series`, `data-label`
/// and `data-value`, so tests can read it back and compare it with the Markdown table.
enum SeriesChartSVG {
    /// Series colours; CSS classes `s0`…`s5`, reused in the HTML legend.
    static let palette = 6

    static func figure(_ chart: StackedChart) -> String {
        let legend = chart.segmentLegend.enumerated().map { swatch($0.offset) + Markup.escape($0.element) }
        return wrap(caption: chart.caption, svg: svg(chart), legend: legend)
    }

    static func figure(_ chart: LineChart) -> String {
        let legend = chart.series.enumerated().map { swatch($0.offset, line: true) + Markup.escape($0.element.name) }
        return wrap(caption: chart.caption, svg: svg(chart), legend: legend)
    }

    static func figure(_ chart: MatrixChart) -> String {
        let legend = ["<span class=\"swatch first\"></span>\(Markup.escape(chart.cellLegend))",
                      "<span class=\"swatch diag\"></span>\(Markup.escape(chart.diagonalLegend))"]
        return wrap(caption: chart.caption, svg: svg(chart), legend: legend)
    }

    private static func wrap(caption: String, svg: String, legend: [String]) -> String {
        "<figure>\n<figcaption>\(Markup.escape(caption))</figcaption>\n\(svg)\n<p class=\"legend\">\(legend.joined())</p>\n</figure>\n"
    }

    private static func swatch(_ index: Int, line: Bool = false) -> String {
        "<span class=\"swatch s\(index % palette)\(line ? " line" : "")\(index == 0 ? " first" : "")\"></span>"
    }

    /// - parameter axisMax: the value at the right edge, for charts whose bar widths are proportional to values.
    private static func open(_ id: String, caption: String, height: Int, axisMax: Double?) -> String {
        let titleID = "chart-\(id)-title"
        var out = #"<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="100%" height="\#(height)" role="img""#
        out += #" aria-labelledby="\#(titleID)" data-chart="\#(Markup.escape(id))""#
        out += (axisMax.map { #" data-axis-max="\#(BarChartSVG.number($0))">"# } ?? ">")
        return out + "\n<title id=\"\(titleID)\">\(Markup.escape(caption))</title>\n"
    }

    private static func data(series: String, label: String, value: String) -> String {
        #"data-series="\#(Markup.escape(series))" data-label="\#(Markup.escape(label))" data-value="\#(Markup.escape(value))""#
    }

    static let stackedRow = 52

    static func svg(_ chart: StackedChart) -> String {
        let plotBottom = chart.rows.count * stackedRow
        var out = open(chart.id, caption: chart.caption, height: plotBottom + 22, axisMax: chart.axisMax)
        for tick in [0, chart.axisMax / 2, chart.axisMax] {
            let x = BarChartSVG.percent(tick / chart.axisMax * 100)
            out += #"<line class="grid" x1="\#(x)" x2="\#(x)" y1="18" y2="\#(plotBottom)"/>"# + "\n"
        }
        for (index, row) in chart.rows.enumerated() {
            let top = index * stackedRow
            let total = row.values.reduce(0, +)
            out += "<g class=\"row\">\n<title>\(Markup.escape(row.label)): "
            out += zip(chart.segmentLegend, row.valueTexts).map { "\(Markup.escape($0)) \(Markup.escape($1))" }.joined(separator: ", ") + "</title>\n"
            out += #"<text class="label" x="0" y="\#(top + 15)">\#(Markup.escape(row.label))</text>"# + "\n"
            out += #"<text class="value" x="100%" y="\#(top + 15)" text-anchor="end">\#(BarChartSVG.number(total))</text>"# + "\n"
            var start = 0.0
            for (segment, value) in row.values.enumerated() {
                let x = start / chart.axisMax * 100, width = value / chart.axisMax * 100
                out += #"<rect class="seg s\#(segment % palette)" x="\#(BarChartSVG.percent(x))" y="\#(top + 21)" width="\#(BarChartSVG.percent(width))" height="24" "#
                out += data(series: row.label, label: chart.segments[segment], value: row.valueTexts[segment]) + "/>\n"
                if value > 0 {
                    out += #"<text class="inside" x="\#(BarChartSVG.percent(x + width / 2))" y="\#(top + 38)" text-anchor="middle">\#(Markup.escape(row.valueTexts[segment]))</text>"# + "\n"
                }
                start += value
            }
            out += "</g>\n"
        }
        for (index, tick) in [0, chart.axisMax / 2, chart.axisMax].enumerated() {
            let anchor = ["start", "middle", "end"][index]
            out += #"<text class="tick" x="\#(BarChartSVG.percent(tick / chart.axisMax * 100))" y="\#(plotBottom + 16)" text-anchor="\#(anchor)">\#(BarChartSVG.number(tick))</text>"# + "\n"
        }
        return out + "</svg>"
    }

    /// The plot spans this share of the width, leaving room for the y tick labels on the left.
    static let lineLeft = 9.0, lineRight = 94.0
    static let lineTop = 30, linePlot = 200

    static func svg(_ chart: LineChart) -> String {
        let bottom = lineTop + linePlot
        var out = open(chart.id, caption: chart.caption, height: bottom + 44, axisMax: nil)
        let low = chart.xs.min() ?? 0, high = chart.xs.max() ?? 0
        let xOf = { (value: Double) -> String in
            let share = high > low ? (value - low) / (high - low) : 0.5
            return BarChartSVG.percent(lineLeft + share * (lineRight - lineLeft))
        }
        let yOf = { (value: Double) -> Int in bottom - Int((value / chart.yMax * Double(linePlot)).rounded()) }
        out += #"<text class="muted" x="0" y="12">\#(Markup.escape(chart.yTitle))</text>"# + "\n"
        for tick in [0, chart.yMax / 2, chart.yMax] {
            let y = yOf(tick)
            out += #"<line class="grid" x1="\#(BarChartSVG.percent(lineLeft))" x2="100%" y1="\#(y)" y2="\#(y)"/>"# + "\n"
            out += #"<text class="tick" x="\#(BarChartSVG.percent(lineLeft - 1))" y="\#(y + 4)" text-anchor="end">\#(BarChartSVG.number(tick))</text>"# + "\n"
        }
        for (x, text) in zip(chart.xs, chart.xTexts) {
            out += #"<line class="grid" x1="\#(xOf(x))" x2="\#(xOf(x))" y1="\#(lineTop)" y2="\#(bottom)"/>"# + "\n"
            out += #"<text class="tick" x="\#(xOf(x))" y="\#(bottom + 16)" text-anchor="middle">\#(Markup.escape(text))</text>"# + "\n"
        }
        out += #"<text class="muted" x="\#(BarChartSVG.percent((lineLeft + lineRight) / 2))" y="\#(bottom + 36)" text-anchor="middle">\#(Markup.escape(chart.xTitle))</text>"# + "\n"
        for (index, series) in chart.series.enumerated() {
            let style = "s\(index % palette)"
            out += "<g class=\"series\">\n<title>\(Markup.escape(series.name)): "
            out += zip(chart.xTexts, series.valueTexts).map { "\(Markup.escape($0)) → \(Markup.escape($1))" }.joined(separator: ", ") + "</title>\n"
            for k in series.values.indices.dropFirst() {
                out += #"<line class="ln \#(style)" x1="\#(xOf(chart.xs[k - 1]))" x2="\#(xOf(chart.xs[k]))" y1="\#(yOf(series.values[k - 1]))" y2="\#(yOf(series.values[k]))"/>"# + "\n"
            }
            for k in series.values.indices {
                out += #"<circle class="pt \#(style)" cx="\#(xOf(chart.xs[k]))" cy="\#(yOf(series.values[k]))" r="4" "#
                out += data(series: series.name, label: chart.xTexts[k], value: series.valueTexts[k]) + "/>\n"
            }
            out += "</g>\n"
        }
        return out + "</svg>"
    }

    static let matrixRow = 34, matrixLabel = 22.0

    static func svg(_ chart: MatrixChart) -> String {
        let n = chart.names.count
        let top = 24
        var out = open(chart.id, caption: chart.caption, height: top + n * matrixRow + 4, axisMax: nil)
        let cellWidth = (100 - matrixLabel) / Double(max(n, 1))
        let largest = chart.values.indices.flatMap { r in chart.values[r].indices.filter { $0 != r }.map { chart.values[r][$0] } }.max() ?? 0
        for (column, name) in chart.names.enumerated() {
            let x = BarChartSVG.percent(matrixLabel + cellWidth * (Double(column) + 0.5))
            out += #"<text class="label" x="\#(x)" y="16" text-anchor="middle">\#(Markup.escape(name))</text>"# + "\n"
        }
        for (row, name) in chart.names.enumerated() {
            out += #"<text class="label" x="0" y="\#(top + row * matrixRow + 22)">\#(Markup.escape(name))</text>"# + "\n"
        }
        // Column by column, the order the Markdown table's series columns are read in.
        for column in 0..<n {
            for (row, name) in chart.names.enumerated() {
                let y = top + row * matrixRow
                let value = chart.values[row][column]
                let x = matrixLabel + cellWidth * Double(column)
                let diagonal = row == column
                // Shade by share of the largest off-diagonal overlap; an empty cell is white with a border, unlike the grey diagonal.
                let strength = diagonal || largest == 0 ? 0 : Double(value) / Double(largest)
                let kind = diagonal ? " diag" : (value == 0 ? " empty" : "")
                out += #"<rect class="cell\#(kind)" x="\#(BarChartSVG.percent(x))" y="\#(y)" width="\#(BarChartSVG.percent(cellWidth))" height="\#(matrixRow)""#
                if !diagonal && value > 0 { out += #" fill-opacity="\#(NumberText.fixed(0.08 + 0.82 * strength, places: 2))""# }
                out += " " + data(series: chart.names[column], label: name, value: String(value)) + "/>\n"
                let textClass = !diagonal && strength > 0.55 ? "inside" : "value"
                out += #"<text class="\#(textClass)" x="\#(BarChartSVG.percent(x + cellWidth / 2))" y="\#(y + 22)" text-anchor="middle">\#(value)</text>"# + "\n"
            }
        }
        return out + "</svg>"
    }
}

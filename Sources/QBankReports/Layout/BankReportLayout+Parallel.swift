import QBankCore

/// Overlap and parallelism of assembled forms.
extension BankReportLayout {
    static func overlap(_ facts: FormsFacts) -> ReportSection {
        let forms = facts.forms, names = forms.map(\.name), n = forms.count
        let matrix = (0..<n).map { a in (0..<n).map { b in facts.overlap(a, b) } }
        let pairs = (0..<n).flatMap { a in (a + 1..<n).map { (a, $0) } }
        let largest = pairs.map { matrix[$0.0][$0.1] }.max() ?? 0
        var blocks: [ReportBlock] = []
        if pairs.isEmpty {
            blocks.append(.paragraph("One form: nothing to compare."))
        } else if largest == 0 {
            blocks.append(.paragraph("The forms are **disjoint**: no item is on two forms."))
        } else {
            blocks.append(.paragraph("At most **\(largest)** items are shared by two forms. Shared items are exposed to more candidates; the table lists every pair."))
        }
        let chart = MatrixChart(id: "form-overlap", caption: "Items shared by each pair of forms", names: names, values: matrix,
                                cellLegend: "items on both forms (darker: more)", diagonalLegend: "items on the form")
        blocks.append(.matrix(chart))
        blocks.append(.table(ReportTable(
            columns: ["form"] + names, numericColumns: Set(1...n),
            rows: (0..<n).map { a in [ReportCell(names[a])] + (0..<n).map { ReportCell(String(matrix[a][$0]), strong: $0 != a && matrix[a][$0] > 0) } },
            chart: chart.id, chartSeries: names)))
        if !pairs.isEmpty {
            blocks.append(.table(ReportTable(
                columns: ["pair", "shared items", "scored on both", "% of shorter form"], numericColumns: [1, 2, 3],
                rows: pairs.map { a, b in
                    [ReportCell("\(names[a]) & \(names[b])"), ReportCell(String(matrix[a][b])), ReportCell(String(facts.overlap(a, b, scoredOnly: true))),
                     ReportCell(NumberText.percent(matrix[a][b], of: min(forms[a].entries.count, forms[b].entries.count)))]
                })))
        }
        return ReportSection(id: "form-overlap", title: "Assembled forms: overlap", blocks: blocks)
    }

    static func parallelism(_ facts: FormsFacts) -> ReportSection {
        var blocks: [ReportBlock] = [.heading("Difficulty (p-values)")]
        let summaries = facts.forms.indices.map { facts.pValues(of: $0) }
        let window = facts.blueprint.constraints.difficulty
        if summaries.allSatisfy({ $0 == nil }) {
            blocks.append(.paragraph("No scored item on these forms has a p-value, so their difficulty cannot be compared yet."))
        } else {
            let means = summaries.compactMap { $0?.mean }
            let spread = (means.max() ?? 0) - (means.min() ?? 0)
            var text = "Mean p-value (proportion correct) of the scored items that have one, on each form, with one standard deviation either side. "
            text += "The means differ by at most **\(NumberText.fixed(spread, places: 3))**."
            if let window {
                text += " The blueprint's window is \(NumberText.fixed(window.minMeanP, places: 2))–\(NumberText.fixed(window.maxMeanP, places: 2)); the marker is its middle."
            }
            blocks.append(.paragraph(text))
            let target = window.map { Double(NumberText.fixed($0.target, places: 3)) ?? $0.target }
            var bars: [ReportBar] = [], rows: [[ReportCell]] = []
            for (form, summary) in zip(facts.forms, summaries) {
                guard let summary else {
                    rows.append([ReportCell(form.name), ReportCell("0 of \(form.scored.count)"), "–", "–", "–", "–"])
                    continue
                }
                let mean = NumberText.fixed(summary.mean, places: 3)
                bars.append(ReportBar(label: form.name, value: Double(mean) ?? summary.mean, valueText: mean, target: target,
                                      targetText: target.map { NumberText.fixed($0, places: 3) }, spread: summary.standardDeviation))
                rows.append([ReportCell(form.name), ReportCell("\(summary.count) of \(summary.scored)"), ReportCell(mean),
                             ReportCell(NumberText.fixed(summary.standardDeviation, places: 3)),
                             ReportCell(NumberText.fixed(summary.minimum, places: 2)), ReportCell(NumberText.fixed(summary.maximum, places: 2))])
            }
            let chart = ReportChart(id: "form-p-values", caption: "Mean p-value of the scored items on each form", bars: bars,
                                    barLegend: "mean p-value", targetLegend: window == nil ? nil : "middle of the blueprint's window",
                                    spreadLegend: "± 1 SD", axisMax: 1)
            blocks.append(.chart(chart))
            // Forms without p-values have no bar, so the table only pairs with the chart when every form has one.
            let paired = summaries.allSatisfy { $0 != nil }
            blocks.append(.table(ReportTable(columns: ["form", "items with p", "mean p", "SD", "min", "max"],
                                             numericColumns: [1, 2, 3, 4, 5], rows: rows, chart: paired ? chart.id : nil,
                                             chartColumn: paired ? "mean p" : nil)))
        }
        blocks.append(.heading("Test information (IRT)"))
        blocks += information(facts)
        return ReportSection(id: "form-parallelism", title: "Assembled forms: parallelism", blocks: blocks)
    }

    private static func information(_ facts: FormsFacts) -> [ReportBlock] {
        let thetas = facts.thetas
        guard !thetas.isEmpty else {
            return [.paragraph("The blueprint names no ability points (`constraints.information.theta`), so no test information curves are drawn.")]
        }
        guard facts.hasInformation else {
            return [.paragraph("No scored item on these forms has IRT parameters (`irtA`, `irtB`), so no test information curves are drawn.")]
        }
        let names = facts.forms.map(\.name)
        let values = facts.forms.indices.map { f in thetas.map { facts.information(of: f, at: $0) } }
        let texts = values.map { $0.map { NumberText.fixed($0, places: 2) } }
        let means = thetas.indices.map { k in values.map { $0[k] }.reduce(0, +) / Double(values.count) }
        var worst = 0.0
        for row in values { for k in thetas.indices where means[k] > 0 { worst = max(worst, abs(row[k] - means[k]) / means[k]) } }
        let thetaTexts = thetas.map { NumberText.fixed($0, places: 2) }
        let covered = facts.forms.indices.map { "\(names[$0]) \(facts.irtItems(of: $0)) of \(facts.forms[$0].scored.count)" }
        let chart = LineChart(id: "form-information", caption: "Test information of each form's scored items at the blueprint's ability points",
                              xTitle: "ability θ", yTitle: "information", xs: thetas, xTexts: thetaTexts,
                              series: names.indices.map { f in LineSeries(name: names[f], values: texts[f].map { Double($0) ?? 0 }, valueTexts: texts[f]) })
        return [
            .paragraph("""
                3PL test information (D = 1.7) of the scored items at each ability point; items without parameters add nothing \
                (scored items with parameters: \(covered.joined(separator: ", "))). The largest deviation of a form from the mean \
                over forms is **\(NumberText.fixed(worst * 100, places: 1))%**.
                """),
            .lines(chart),
            .table(ReportTable(columns: ["θ"] + names + ["mean"], numericColumns: Set(0...names.count + 1),
                               rows: thetas.indices.map { k in
                                   [ReportCell(thetaTexts[k])] + names.indices.map { ReportCell(texts[$0][k]) } + [ReportCell(NumberText.fixed(means[k], places: 2))]
                               }, chart: chart.id, chartSeries: names)),
        ]
    }
}

import QBankCore

/// Sections about the items themselves: key balance, option counts, stem length, statistics.
extension BankReportLayout {
    static func keyPositions(_ items: ItemMeasures) -> ReportSection {
        let positions = max(4, (items.keyPositions.keys.max() ?? -1) + 1)
        let keyed = items.keyPositions.values.reduce(0, +)
        var bars: [ReportBar] = [], rows: [[ReportCell]] = []
        for position in 0..<positions {
            let count = items.keyPositions[position] ?? 0
            let letter = optionLetter(position)
            let even = Double(NumberText.fixed(Double(keyed) / Double(positions), places: 1)) ?? 0
            bars.append(ReportBar(label: letter, value: Double(count), valueText: String(count), target: even,
                                  targetText: NumberText.fixed(even, places: 1)))
            rows.append([ReportCell(letter), ReportCell(String(count)), ReportCell(NumberText.percent(count, of: keyed))])
        }
        let chart = ReportChart(id: "key-positions", caption: "Single-answer items by the position of the key", bars: bars,
                                barLegend: "items", targetLegend: "an even spread", targetWord: "even")
        return ReportSection(id: "keys", title: "Key positions (single answer)", blocks: [
            .paragraph("""
                Where the correct option sits as authored, over \(items.singleAnswerItems) single-answer items; a balanced bank \
                has about \(NumberText.fixed(100 / Double(positions), places: 1))% at each position. Delivery shuffles options, \
                but \(items.unshuffledSingles) of these items keep their authored order (`shuffle` false).
                """),
            .chart(chart),
            .table(ReportTable(columns: ["key position", "items", "share %"], numericColumns: [1, 2], rows: rows, chart: chart.id, chartColumn: "items")),
        ])
    }

    static func optionCounts(_ items: ItemMeasures) -> ReportSection {
        var bars: [ReportBar] = [], rows: [[ReportCell]] = []
        for count in items.optionCounts.keys.sorted() {
            let found = items.optionCounts[count] ?? ItemMeasures.OptionCount()
            let label = "\(count) options"
            bars.append(ReportBar(label: label, value: Double(found.total), valueText: String(found.total)))
            rows.append([ReportCell(label), ReportCell(String(found.single)), ReportCell(String(found.multiple)), ReportCell(String(found.total))])
        }
        let chart = ReportChart(id: "option-counts", caption: "Choice items by number of options", bars: bars, barLegend: "items")
        return ReportSection(id: "options", title: "Option counts", blocks: [
            .paragraph("Single-answer items need exactly 4 options; multiple-response items 5 or more."),
            .chart(chart),
            .table(ReportTable(columns: ["options", "single", "multiple", "items"], numericColumns: [1, 2, 3], rows: rows, chart: chart.id, chartColumn: "items")),
        ])
    }

    static func stemLengths(_ items: ItemMeasures) -> ReportSection {
        let width = 20
        let top = min((items.stemWords.last ?? 0) / width, 7)
        var buckets = [Int](repeating: 0, count: top + 1)
        for words in items.stemWords { buckets[min(words / width, top)] += 1 }
        var bars: [ReportBar] = [], rows: [[ReportCell]] = []
        for (index, count) in buckets.enumerated() {
            let low = index * width
            let label = index == top && top == 7 ? "\(low)+ words" : "\(low)–\(low + width - 1) words"
            bars.append(ReportBar(label: label, value: Double(count), valueText: String(count)))
            rows.append([ReportCell(label), ReportCell(String(count)), ReportCell(NumberText.percent(count, of: items.stemWords.count))])
        }
        let median = ItemMeasures.median(items.stemWords).map(String.init) ?? "–"
        let longest = items.stemWords.last.map(String.init) ?? "–"
        let chart = ReportChart(id: "stem-lengths", caption: "Items by stem length in words", bars: bars, barLegend: "items")
        return ReportSection(id: "stems", title: "Stem length", blocks: [
            .paragraph("Median stem: **\(median)** words; longest: \(longest) words. Case-study scenarios are not counted."),
            .chart(chart),
            .table(ReportTable(columns: ["stem length", "items", "share %"], numericColumns: [1, 2], rows: rows, chart: chart.id, chartColumn: "items")),
        ])
    }

    static func statistics(_ items: ItemMeasures) -> ReportSection {
        guard !items.pValues.isEmpty || !items.pointBiserials.isEmpty else {
            return ReportSection(id: "statistics", title: "Item statistics", blocks: [
                .paragraph("No item has statistics yet (`stats` with `pValue` or `pointBiserial`)."),
            ])
        }
        var blocks: [ReportBlock] = []
        if !items.pValues.isEmpty {
            let mean = ItemMeasures.mean(items.pValues) ?? 0, spread = ItemMeasures.standardDeviation(items.pValues) ?? 0
            let hard = items.pValues.filter { $0 < 0.3 }.count, easy = items.pValues.filter { $0 > 0.9 }.count
            blocks.append(.paragraph("""
                **\(items.pValues.count)** items have a p-value (proportion correct): mean \(NumberText.fixed(mean, places: 2)), \
                SD \(NumberText.fixed(spread, places: 2)). \(hard) are very hard (below 0.30) and \(easy) very easy (above 0.90). \
                Each bin holds values from its lower bound up to, not including, its upper bound (the last includes 1.0).
                """))
            if !items.veryHard.isEmpty { blocks.append(.paragraph("Very hard: " + items.veryHard.map { "`\($0)`" }.joined(separator: ", ") + ".")) }
            if !items.veryEasy.isEmpty { blocks.append(.paragraph("Very easy: " + items.veryEasy.map { "`\($0)`" }.joined(separator: ", ") + ".")) }
            let edges = (0...10).map { Double($0) / 10 }
            blocks += histogram(id: "p-values", caption: "Items by p-value", column: "p-value", values: items.pValues,
                                bins: (0..<10).map { index in
                                    (label(edges[index], edges[index + 1], last: index == 9), edges[index], index == 9 ? 1.01 : edges[index + 1])
                                })
        }
        if !items.pointBiserials.isEmpty {
            let mean = ItemMeasures.mean(items.pointBiserials) ?? 0
            let weak = items.pointBiserials.filter { $0 < 0.2 }.count
            blocks.append(.paragraph("""
                **\(items.pointBiserials.count)** items have a point-biserial correlation (discrimination): mean \
                \(NumberText.fixed(mean, places: 2)); \(weak) are below 0.20 and worth a review.
                """))
            if !items.weakDiscrimination.isEmpty {
                blocks.append(.paragraph("Point-biserial below 0.20: " + items.weakDiscrimination.map { "`\($0)`" }.joined(separator: ", ") + "."))
            }
            var bins: [(String, Double, Double)] = [("below 0.0", -1.01, 0)]
            bins += (0..<5).map { index in
                let low = Double(index) / 10
                return (label(low, low + 0.1, last: false), low, low + 0.1)
            }
            bins.append(("0.5 and above", 0.5, 1.01))
            blocks += histogram(id: "point-biserials", caption: "Items by point-biserial correlation", column: "point-biserial",
                                values: items.pointBiserials, bins: bins)
        }
        return ReportSection(id: "statistics", title: "Item statistics", blocks: blocks)
    }

    /// A chart and table counting `values` in half-open bins `[low, high)`.
    private static func histogram(id: String, caption: String, column: String, values: [Double], bins: [(String, Double, Double)]) -> [ReportBlock] {
        var bars: [ReportBar] = [], rows: [[ReportCell]] = []
        for (label, low, high) in bins {
            // Compare on hundredths so 0.3 read from a file lands in 0.3–0.4, not 0.2–0.3.
            let count = values.filter { hundredths($0) >= hundredths(low) && hundredths($0) < hundredths(high) }.count
            bars.append(ReportBar(label: label, value: Double(count), valueText: String(count)))
            rows.append([ReportCell(label), ReportCell(String(count)), ReportCell(NumberText.percent(count, of: values.count))])
        }
        let chart = ReportChart(id: id, caption: caption, bars: bars, barLegend: "items")
        return [.chart(chart), .table(ReportTable(columns: [column, "items", "share %"], numericColumns: [1, 2], rows: rows,
                                                  chart: id, chartColumn: "items"))]
    }

    private static func hundredths(_ value: Double) -> Int { Int((value * 100).rounded()) }

    private static func label(_ low: Double, _ high: Double, last: Bool) -> String {
        "\(NumberText.fixed(low, places: 1))–\(NumberText.fixed(high, places: 1))"
    }

    static func optionLetter(_ index: Int) -> String {
        index < 26 ? String(UnicodeScalar(UInt8(65 + index))) : String(index + 1)
    }
}

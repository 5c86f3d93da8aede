import QBankCore

/// Sections about assembled forms: what is on each, what they share, and whether they
/// are parallel. Counts come from the key files, statistics from the bank.
extension BankReportLayout {
    static func formSections(_ facts: FormsFacts) -> [ReportSection] {
        [composition(facts), overlap(facts), parallelism(facts)]
    }

    static func composition(_ facts: FormsFacts) -> ReportSection {
        let bp = facts.blueprint, forms = facts.forms, names = forms.map(\.name)
        let summary = forms.map { form in
            "**\(form.name)** (`\(form.file)`) \(form.entries.count) items, \(form.scored.count) scored and \(form.unscored.count) unscored, "
                + "\(form.caseStudies) case stud\(form.caseStudies == 1 ? "y" : "ies")"
        }
        var blocks: [ReportBlock] = [
            .paragraph("""
                \(forms.count) assembled form\(forms.count == 1 ? "" : "s"), read from the key files: \(summary.joined(separator: "; ")). \
                The blueprint asks for \(bp.form.length) items, \(bp.form.scored) scored and \(bp.form.unscored) unscored.
                """),
        ]
        let slots = [("scored", \FormsFacts.Form.scored, bp.form.scored), ("unscored", \FormsFacts.Form.unscored, bp.form.unscored)]
        blocks += seriesBlocks(
            id: "form-slots", caption: "Scored and unscored items on each form", first: "slot", names: names,
            categories: slots.map { ($0.0, $0.0) },
            value: { f, c in forms[f][keyPath: slots[c].1].count }, target: ("blueprint", { String(slots[$0].2) }))
        blocks.append(.heading("Domains"))
        let domains = bp.domains
        let scoredCounts = bp.scoredCounts, unscoredCounts = bp.unscoredCounts
        blocks += seriesBlocks(
            id: "form-domains", caption: "Scored items per domain on each form", first: "domain (scored)", names: names,
            categories: domains.map { ("\($0.id). \($0.name)", "Domain \($0.id)") },
            value: { f, c in forms[f].scored.filter { $0.item.domain == domains[c].id }.count },
            target: ("blueprint", { String(scoredCounts[domains[$0].id] ?? 0) }))
        blocks.append(.table(countTable(
            first: "domain (unscored)", names: names, categories: domains.map { "\($0.id). \($0.name)" },
            value: { f, c in forms[f].unscored.filter { $0.item.domain == domains[c].id }.count },
            target: ("blueprint", { String(unscoredCounts[domains[$0].id] ?? 0) }))))
        blocks.append(.heading("Task statements"))
        let tasks = domains.flatMap(\.tasks)
        let minimum = bp.constraints.minScoredPerTask
        blocks.append(.paragraph(minimum.map { "Scored items per task statement; the blueprint asks for at least **\($0)** on every form." }
                                 ?? "Scored items per task statement; the blueprint sets no minimum."))
        blocks.append(.table(countTable(
            first: "task (scored)", names: names, categories: tasks.map { "\($0.id) \($0.name)" },
            value: { f, c in forms[f].scored.filter { $0.item.task == tasks[c].id }.count },
            target: minimum.map { min in ("minimum", { _ in String(min) }) }, short: { count in minimum.map { count < $0 } ?? false })))
        blocks.append(.heading("Formats"))
        let types = ItemType.allCases
        let ranges = bp.constraints.formats
        blocks += seriesBlocks(
            id: "form-formats", caption: "Scored items per format on each form", first: "format (scored)", names: names,
            categories: types.map { ($0.rawValue, $0.rawValue) },
            value: { f, c in forms[f].scored.filter { $0.item.type == types[c] }.count },
            target: ranges.isEmpty ? nil : ("blueprint", { range(ranges[types[$0]]) }))
        return ReportSection(id: "form-composition", title: "Assembled forms: composition", blocks: blocks)
    }

    /// A stacked chart (one bar per form, one segment per category) and the table with its numbers.
    private static func seriesBlocks(id: String, caption: String, first: String, names: [String], categories: [(label: String, short: String)],
                                     value: (Int, Int) -> Int, target: (String, (Int) -> String)?) -> [ReportBlock] {
        let rows = names.indices.map { f in
            let values = categories.indices.map { value(f, $0) }
            return StackedRow(label: names[f], values: values.map(Double.init), valueTexts: values.map(String.init))
        }
        let chart = StackedChart(id: id, caption: caption, segments: categories.map(\.label), segmentLegend: categories.map(\.short), rows: rows)
        var table = countTable(first: first, names: names, categories: categories.map(\.label), value: value, target: target)
        table.chart = id
        table.chartSeries = names
        return [.stacked(chart), .table(table)]
    }

    /// Categories in rows, forms in columns, and an optional blueprint column. `short` marks a count below what is required.
    private static func countTable(first: String, names: [String], categories: [String], value: (Int, Int) -> Int,
                                   target: (String, (Int) -> String)?, short: (Int) -> Bool = { _ in false }) -> ReportTable {
        var columns = [first] + names
        if let target { columns.append(target.0) }
        let rows = categories.indices.map { c in
            [ReportCell(categories[c])] + names.indices.map { f in
                let count = value(f, c)
                return ReportCell(String(count), strong: short(count))
            } + (target.map { [ReportCell($0.1(c))] } ?? [])
        }
        return ReportTable(columns: columns, numericColumns: Set(1..<columns.count), rows: rows)
    }

    private static func range(_ range: CountRange?) -> String {
        switch (range?.min, range?.max) {
        case let (low?, high?): low == high ? String(low) : "\(low)–\(high)"
        case let (low?, nil): "≥ \(low)"
        case let (nil, high?): "≤ \(high)"
        default: "any"
        }
    }
}

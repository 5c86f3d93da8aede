import QBankAssembly
import QBankCore

/// Arranges a bank's numbers into the report's sections, in the order a content
/// manager asks: can we build forms, where is supply short, are items healthy.
public enum BankReportLayout {
    /// - parameter forms: assembled forms to report on as well (`qbank report --forms`).
    public static func document(_ facts: BankFacts, forms assembled: FormsFacts? = nil) -> ReportDocument {
        let exam = facts.blueprint.title.map { "\(facts.blueprint.exam) — \($0)" } ?? facts.blueprint.exam
        let errors = facts.lint.count(.error), warnings = facts.lint.count(.warning)
        var headlines = [
            Headline("items", String(facts.supply.items)),
            Headline("case studies", String(facts.supply.cases)),
            Headline("files", String(facts.files.count)),
            Headline("disjoint forms", String(facts.supply.maxForms), alert: facts.supply.maxForms == 0),
            Headline("lint errors", String(errors), alert: errors > 0),
            Headline("lint warnings", String(warnings), alert: warnings > 0),
        ]
        var sections = [
            overview(facts), domains(facts), forms(facts), tasks(facts), formats(facts), statuses(facts),
            keyPositions(facts.items), optionCounts(facts.items), stemLengths(facts.items), statistics(facts.items),
        ]
        if let assembled {
            headlines.insert(Headline("assembled forms", String(assembled.forms.count)), at: 4)
            sections += formSections(assembled)
        }
        sections += [lintByRule(facts.lint), lintByFile(facts)]
        return ReportDocument(title: "Bank report: \(exam)", headlines: headlines, sections: sections)
    }

    static func overview(_ facts: BankFacts) -> ReportSection {
        let form = facts.blueprint.form
        let eligible = facts.supply.domains.map(\.scoredEligible).reduce(0, +)
        let pretest = facts.supply.domains.map(\.pretest).reduce(0, +)
        return ReportSection(id: "overview", title: "Overview", blocks: [
            .paragraph("""
                **\(facts.supply.items)** items in **\(facts.files.count)** files: \(facts.standaloneItems) stand-alone and \
                \(facts.caseItems) in \(facts.supply.cases) case studies. \(eligible) are operational or approved (eligible \
                for scored slots) and \(pretest) are pretest (for unscored slots). Content beyond prose: \
                \(facts.content.code) with code, \(facts.content.tables) with a table, \(facts.content.images) with an exhibit \
                image, \(facts.content.lists) with a list.
                """),
            .paragraph("""
                A form of \(facts.blueprint.exam) has \(form.length) questions: \(form.scored) scored and \(form.unscored) \
                unscored, spread over the domains by the blueprint weights (largest remainder).
                """),
        ])
    }

    static func domains(_ facts: BankFacts) -> ReportSection {
        let supply = facts.supply
        let totalWeight = supply.domains.map(\.weight).reduce(0, +)
        var bars: [ReportBar] = [], rows: [[ReportCell]] = []
        for domain in supply.domains {
            let count = supply.byDomain[domain.id] ?? 0
            let share = NumberText.percentValue(count, of: supply.items)
            let target = NumberText.share(domain.weight, of: totalWeight)
            let label = "\(domain.id). \(domain.name)"
            bars.append(ReportBar(label: label, shortLabel: "Domain \(domain.id)", value: share,
                                  valueText: NumberText.fixed(share, places: 1), target: target,
                                  targetText: NumberText.fixed(target, places: 1)))
            rows.append([ReportCell(label), ReportCell(String(count)), ReportCell(NumberText.fixed(share, places: 1)),
                         ReportCell(NumberText.fixed(target, places: 1)), ReportCell(String(domain.scoredEligible)),
                         ReportCell(String(domain.pretest))])
        }
        let chart = ReportChart(id: "domain-share", caption: "Share of the bank per domain against the blueprint weight",
                                bars: bars, unit: "%", barLegend: "share of bank items", targetLegend: "blueprint weight")
        return ReportSection(id: "domains", title: "Supply per domain", blocks: [
            .paragraph("Each bar is the domain's share of all items; the dark marker is the share the blueprint asks for."),
            .chart(chart),
            .table(ReportTable(columns: ["domain", "items", "share %", "blueprint %", "operational + approved", "pretest"],
                               numericColumns: [1, 2, 3, 4, 5], rows: rows, chart: chart.id, chartColumn: "share %")),
        ])
    }

    static func forms(_ facts: BankFacts) -> ReportSection {
        let supply = facts.supply
        let limits = facts.limits
        let limiting = Set(limits.map(\.domain.id))
        var bars: [ReportBar] = [], rows: [[ReportCell]] = []
        for domain in supply.domains {
            let label = "\(domain.id). \(domain.name)"
            bars.append(ReportBar(label: label, shortLabel: "Domain \(domain.id)", value: Double(domain.formsSupported),
                                  valueText: String(domain.formsSupported), emphasis: limiting.contains(domain.id)))
            rows.append([ReportCell(label), ReportCell(String(domain.scoredEligible)), ReportCell(String(domain.scoredPerForm)),
                         ReportCell(String(domain.pretest)), ReportCell(String(domain.unscoredPerForm)),
                         ReportCell(String(domain.formsSupported), strong: limiting.contains(domain.id))])
        }
        var blocks: [ReportBlock] = [.paragraph(
            "The bank supports at most **\(supply.maxForms)** disjoint form\(supply.maxForms == 1 ? "" : "s") (no item on two forms). This is an upper bound from the counts; enemies and whole case studies can lower it.")]
        for limit in limits {
            let (what, have, need) = limit.pool == .scored
                ? ("operational + approved", limit.domain.scoredEligible, limit.domain.scoredPerForm)
                : ("pretest", limit.domain.pretest, limit.domain.unscoredPerForm)
            var text = "Domain \(limit.domain.id) limits it: \(have) \(what) items for \(need) per form"
            if let task = limit.thinnestTask {
                text += "; its thinnest task statement is \(task.id) with \(limit.pool == .scored ? task.scoredEligible : task.pretest)"
            }
            blocks.append(.paragraph(text + "."))
        }
        let next = supply.maxForms + 1
        let shortfalls = supply.shortfalls(forms: next)
        let missing = supply.domains.compactMap { domain -> String? in
            let parts = shortfalls.filter { $0.domain == domain.id }.map { shortfall in
                "\(shortfall.perForm * shortfall.forms - shortfall.have) \(shortfall.pool == .scored ? "operational or approved" : "pretest")"
            }
            return parts.isEmpty ? nil : "Domain \(domain.id): \(parts.joined(separator: " and "))"
        }
        if !missing.isEmpty {
            blocks.append(.paragraph("For \(next) forms the bank needs more items. \(missing.joined(separator: "; "))."))
        }
        let chart = ReportChart(id: "forms-per-domain", caption: "Disjoint forms each domain's supply can fill", bars: bars,
                                barLegend: "forms (the shortest bar limits the bank)")
        blocks.append(.chart(chart))
        blocks.append(.table(ReportTable(
            columns: ["domain", "operational + approved", "scored per form", "pretest", "unscored per form", "forms"],
            numericColumns: [1, 2, 3, 4, 5], rows: rows, chart: chart.id, chartColumn: "forms")))
        return ReportSection(id: "forms", title: "Forms the bank supports", blocks: blocks)
    }

    static func tasks(_ facts: BankFacts) -> ReportSection {
        let supply = facts.supply
        var bars: [ReportBar] = [], rows: [[ReportCell]] = []
        for task in supply.domains.flatMap(\.tasks) {
            let count = supply.byTask[task.id] ?? 0
            let label = "\(task.id) \(task.name)"
            bars.append(ReportBar(label: label, shortLabel: shorten(label, to: 30), value: Double(count), valueText: String(count)))
            rows.append([ReportCell(label), ReportCell(String(count)), ReportCell(String(task.scoredEligible)), ReportCell(String(task.pretest))])
        }
        let known = Set(supply.domains.flatMap(\.tasks).map(\.id))
        let unknown = supply.byTask.filter { !known.contains($0.key) }.sorted { $0.key < $1.key }
        for (task, count) in unknown {
            let label = "\(task) (not in the blueprint)"
            bars.append(ReportBar(label: label, value: Double(count), valueText: String(count), emphasis: true))
            rows.append([ReportCell(label), ReportCell(String(count)), "–", "–"])
        }
        let chart = ReportChart(id: "task-items", caption: "Items per task statement", bars: bars, barLegend: "items")
        return ReportSection(id: "tasks", title: "Supply per task statement", blocks: [
            .chart(chart),
            .table(ReportTable(columns: ["task", "items", "operational + approved", "pretest"], numericColumns: [1, 2, 3],
                               rows: rows, chart: chart.id, chartColumn: "items")),
        ])
    }

    static func formats(_ facts: BankFacts) -> ReportSection {
        let supply = facts.supply
        var bars: [ReportBar] = [], rows: [[ReportCell]] = []
        for type in ItemType.allCases {
            let count = supply.byType[type] ?? 0
            bars.append(ReportBar(label: type.rawValue, value: Double(count), valueText: String(count)))
            rows.append([ReportCell(type.rawValue), ReportCell(String(count)), ReportCell(NumberText.percent(count, of: supply.items))])
        }
        let chart = ReportChart(id: "format-items", caption: "Items per format", bars: bars, barLegend: "items")
        return ReportSection(id: "formats", title: "Supply per format", blocks: [
            .chart(chart),
            .table(ReportTable(columns: ["format", "items", "share %"], numericColumns: [1, 2], rows: rows, chart: chart.id, chartColumn: "items")),
        ])
    }

    static func statuses(_ facts: BankFacts) -> ReportSection {
        let supply = facts.supply
        var bars: [ReportBar] = [], rows: [[ReportCell]] = []
        for status in ItemStatus.allCases {
            let count = supply.byStatus[status] ?? 0
            bars.append(ReportBar(label: status.rawValue, value: Double(count), valueText: String(count)))
            rows.append([ReportCell(status.rawValue), ReportCell(String(count)), ReportCell(NumberText.percent(count, of: supply.items))])
        }
        let chart = ReportChart(id: "status-items", caption: "Items per status", bars: bars, barLegend: "items")
        return ReportSection(id: "statuses", title: "Supply per status", blocks: [
            .paragraph("Operational and approved items can fill scored slots; pretest items fill unscored slots."),
            .chart(chart),
            .table(ReportTable(columns: ["status", "items", "share %"], numericColumns: [1, 2], rows: rows, chart: chart.id, chartColumn: "items")),
        ])
    }

    /// `text` cut to `limit` characters at a word boundary, with an ellipsis.
    static func shorten(_ text: String, to limit: Int) -> String {
        guard text.count > limit else { return text }
        var cut = String(text.prefix(limit - 1))
        if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) > limit / 2 {
            cut = String(cut[..<space])
        }
        return cut + "…"
    }
}

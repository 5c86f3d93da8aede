import QBankCore

/// Sections about lint findings, linking every rule to its documentation.
extension BankReportLayout {
    /// How many findings the report lists one by one; the per-rule and per-file tables count all.
    static let listedFindings = 200

    static func lintByRule(_ lint: LintFacts) -> ReportSection {
        guard !lint.findings.isEmpty else {
            return ReportSection(id: "lint", title: "Lint findings", blocks: [
                .paragraph("No findings: `qbank lint` reports no errors or warnings for this bank."),
            ])
        }
        var bars: [ReportBar] = [], rows: [[ReportCell]] = []
        for rule in lint.perRule {
            bars.append(ReportBar(label: rule.id, value: Double(rule.count), valueText: String(rule.count), emphasis: rule.severity == .error))
            rows.append([ReportCell(rule.id, link: rule.helpURI), ReportCell(rule.name, link: rule.helpURI),
                         ReportCell(rule.severity.rawValue), ReportCell(String(rule.count))])
        }
        let chart = ReportChart(id: "lint-rules", caption: "Findings per rule", bars: bars, barLegend: "findings (errors in the accent colour)")
        var blocks: [ReportBlock] = [
            .paragraph("**\(lint.count(.error))** errors, **\(lint.count(.warning))** warnings and \(lint.count(.info)) notes. Each rule links to its documentation; `qbank explain CODE` shows the same."),
            .chart(chart),
            .table(ReportTable(columns: ["rule", "name", "severity", "findings"], numericColumns: [3], rows: rows, chart: chart.id, chartColumn: "findings")),
        ]
        let listed = lint.findings.prefix(listedFindings).map { finding -> [ReportCell] in
            [ReportCell(finding.location.description), ReportCell(finding.ruleID, link: lint.perRule.first { $0.id == finding.ruleID }?.helpURI),
             ReportCell(finding.severity.rawValue), ReportCell(finding.message)]
        }
        if lint.findings.count > listedFindings {
            blocks.append(.paragraph("The first \(listedFindings) of \(lint.findings.count) findings; run `qbank lint` for all of them."))
        }
        blocks.append(.table(ReportTable(columns: ["where", "rule", "severity", "message"], rows: Array(listed))))
        return ReportSection(id: "lint", title: "Lint findings", blocks: blocks)
    }

    static func lintByFile(_ facts: BankFacts) -> ReportSection {
        let rows = facts.files.map { file in
            [ReportCell(file.path), ReportCell(String(file.items)), ReportCell(String(file.cases)),
             ReportCell(String(file.errors), strong: file.errors > 0), ReportCell(String(file.warnings))]
        }
        return ReportSection(id: "files", title: "Files", blocks: [
            .table(ReportTable(columns: ["file", "items", "case studies", "errors", "warnings"], numericColumns: [1, 2, 3, 4], rows: rows)),
        ])
    }
}

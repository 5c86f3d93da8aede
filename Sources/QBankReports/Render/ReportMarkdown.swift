/// Prints a `ReportDocument` as Markdown with the same numbers as the HTML page. A
/// chart becomes the table that carries its values, marked with an HTML comment
/// naming the chart and the column, so readers and tests can pair them.
public enum ReportMarkdown {
    public static func render(_ document: ReportDocument, footer: String) -> String {
        var out = "# \(document.title)\n\n"
        out += document.headlines.map { "- \($0.label): **\($0.value)**" }.joined(separator: "\n") + "\n"
        for section in document.sections {
            out += "\n## \(section.title)\n"
            for block in section.blocks {
                switch block {
                case .paragraph(let text):
                    out += "\n\(text)\n"
                case .chart(let chart):
                    out += "\n*Chart: \(chart.caption).*\n"
                case .stacked(let chart):
                    out += "\n*Chart: \(chart.caption).*\n"
                case .lines(let chart):
                    out += "\n*Chart: \(chart.caption).*\n"
                case .matrix(let chart):
                    out += "\n*Chart: \(chart.caption).*\n"
                case .heading(let text):
                    out += "\n### \(text)\n"
                case .table(let table):
                    out += "\n" + render(table)
                }
            }
        }
        out += "\n---\n\n\(footer)\n"
        return out
    }

    static func render(_ table: ReportTable) -> String {
        var out = ""
        if let chart = table.chart, let column = table.chartColumn {
            out += "<!-- chart: \(chart), column: \(column) -->\n"
        } else if let chart = table.chart, !table.chartSeries.isEmpty {
            out += "<!-- chart: \(chart), columns: \(table.chartSeries.joined(separator: "; ")) -->\n"
        }
        out += "| " + table.columns.map(Markup.markdownCell).joined(separator: " | ") + " |\n"
        out += "|" + table.columns.indices.map { table.numericColumns.contains($0) ? "---:" : "---" }.joined(separator: "|") + "|\n"
        for row in table.rows {
            let cells = row.map { cell -> String in
                var text = Markup.markdownCell(cell.text)
                if let link = cell.link { text = "[\(text)](\(link))" }
                return cell.strong ? "**\(text)**" : text
            }
            out += "| " + cells.joined(separator: " | ") + " |\n"
        }
        return out
    }
}

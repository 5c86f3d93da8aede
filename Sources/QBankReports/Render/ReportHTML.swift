/// Prints a `ReportDocument` as one self-contained HTML page: inline CSS, inline SVG,
/// no script, no external resource. The markup is also well-formed XML (XHTML
/// syntax), which tests check by parsing it.
public enum ReportHTML {
    public static func render(_ document: ReportDocument, footer: String) -> String {
        var out = HTMLPage.head(title: document.title)
        out += "<main>\n<h1>\(Markup.escape(document.title))</h1>\n"
        out += "<div class=\"tiles\">\n"
        for headline in document.headlines {
            out += "<div class=\"tile\(headline.alert ? " alert" : "")\"><span class=\"figure\">\(Markup.escape(headline.value))</span>"
            out += "<span class=\"name\">\(Markup.escape(headline.label))</span></div>\n"
        }
        out += "</div>\n<nav><ul>\n"
        for section in document.sections {
            out += "<li><a href=\"#\(Markup.escape(section.id))\">\(Markup.escape(section.title))</a></li>\n"
        }
        out += "</ul></nav>\n"
        for section in document.sections {
            out += "<section id=\"\(Markup.escape(section.id))\">\n<h2>\(Markup.escape(section.title))</h2>\n"
            for block in section.blocks { out += render(block) }
            out += "</section>\n"
        }
        out += "<footer><p>\(Markup.inlineHTML(footer))</p></footer>\n</main>\n"
        out += HTMLPage.tail
        return out
    }

    static func render(_ block: ReportBlock) -> String {
        switch block {
        case .paragraph(let text):
            return "<p>\(Markup.inlineHTML(text))</p>\n"
        case .chart(let chart):
            var out = "<figure>\n<figcaption>\(Markup.escape(chart.caption))</figcaption>\n"
            out += BarChartSVG.render(chart) + "\n"
            out += "<p class=\"legend\"><span class=\"swatch first\"></span>\(Markup.escape(chart.barLegend))"
            if chart.bars.contains(where: \.emphasis) && !chart.barLegend.contains("accent") {
                out += "<span class=\"swatch accent\"></span>limiting"
            }
            if let target = chart.targetLegend { out += "<span class=\"swatch target\"></span>\(Markup.escape(target))" }
            if let spread = chart.spreadLegend { out += "<span class=\"swatch whisker\"></span>\(Markup.escape(spread))" }
            out += "</p>\n</figure>\n"
            return out
        case .stacked(let chart):
            return SeriesChartSVG.figure(chart)
        case .lines(let chart):
            return SeriesChartSVG.figure(chart)
        case .matrix(let chart):
            return SeriesChartSVG.figure(chart)
        case .heading(let text):
            return "<h3>\(Markup.inlineHTML(text))</h3>\n"
        case .table(let table):
            return HTMLPage.table(table)
        }
    }
}

/// Page scaffolding shared by reports and item previews.
enum HTMLPage {
    static func head(title: String, extraCSS: String = "") -> String {
        """
        <!DOCTYPE html>
        <html xmlns="http://www.w3.org/1999/xhtml" lang="en">
        <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>\(Markup.escape(title))</title>
        <style>
        \(ReportStyle.css)
        \(extraCSS)
        </style>
        </head>
        <body>

        """
    }

    static let tail = "</body>\n</html>\n"

    static func table(_ table: ReportTable) -> String {
        var out = "<div class=\"scroll\"><table"
        if let chart = table.chart { out += " data-chart=\"\(Markup.escape(chart))\"" }
        out += ">\n<thead><tr>"
        for (index, column) in table.columns.enumerated() {
            // A one-word header such as `form-1` must not break at its hyphen on a phone.
            let classes = (table.numericColumns.contains(index) ? ["num"] : []) + (column.contains(" ") ? [] : ["nb"])
            out += "<th\(classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\"")>\(Markup.escape(column))</th>"
        }
        out += "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            out += "<tr>"
            for (index, cell) in row.enumerated() {
                // Let long paths wrap at their slashes on narrow screens instead of widening the table.
                var text = Markup.escape(cell.text).replacingOccurrences(of: "/", with: "/<wbr/>")
                if let link = cell.link { text = "<a href=\"\(Markup.escape(link))\">\(text)</a>" }
                if cell.strong { text = "<strong>\(text)</strong>" }
                out += "<td\(table.numericColumns.contains(index) ? " class=\"num\"" : "")>\(text)</td>"
            }
            out += "</tr>\n"
        }
        out += "</tbody>\n</table></div>\n"
        return out
    }
}

/// A report as data: sections of paragraphs, charts and tables. Both the HTML and the
/// Markdown renderer print this one value, so the two can never disagree on a number.
public struct ReportDocument: Sendable, Equatable {
    public var title: String
    /// Headline figures shown as tiles at the top of the HTML page and as a list in Markdown.
    public var headlines: [Headline]
    public var sections: [ReportSection]

    public init(title: String, headlines: [Headline], sections: [ReportSection]) {
        self.title = title
        self.headlines = headlines
        self.sections = sections
    }
}

public struct Headline: Sendable, Equatable {
    public var label: String
    public var value: String
    /// Drawn in the warning colour: a figure someone should act on.
    public var alert: Bool

    public init(_ label: String, _ value: String, alert: Bool = false) {
        self.label = label
        self.value = value
        self.alert = alert
    }
}

public struct ReportSection: Sendable, Equatable {
    /// Anchor id, stable across runs: links into the report keep working.
    public var id: String
    public var title: String
    public var blocks: [ReportBlock]

    public init(id: String, title: String, blocks: [ReportBlock]) {
        self.id = id
        self.title = title
        self.blocks = blocks
    }
}

public enum ReportBlock: Sendable, Equatable {
    /// Text with inline `**bold**` and `` `code` `` (see `InlineMarkup`).
    case paragraph(String)
    case chart(ReportChart)
    case stacked(StackedChart)
    case lines(LineChart)
    case matrix(MatrixChart)
    /// A small heading inside a section.
    case heading(String)
    case table(ReportTable)
}

/// A table; when `chart` is set, the column named `chartColumn` holds the values of that
/// chart's bars, row by row, with the bar labels in the first column.
public struct ReportTable: Sendable, Equatable {
    public var columns: [String]
    /// Columns holding numbers: right-aligned in HTML and Markdown.
    public var numericColumns: Set<Int>
    public var rows: [[ReportCell]]
    public var chart: String?
    public var chartColumn: String?
    /// For a chart with several series: the columns holding them, one per series.
    public var chartSeries: [String]

    public init(columns: [String], numericColumns: Set<Int> = [], rows: [[ReportCell]], chart: String? = nil, chartColumn: String? = nil,
                chartSeries: [String] = []) {
        self.columns = columns
        self.numericColumns = numericColumns
        self.rows = rows
        self.chart = chart
        self.chartColumn = chartColumn
        self.chartSeries = chartSeries
    }
}

public struct ReportCell: Sendable, Equatable, ExpressibleByStringLiteral {
    public var text: String
    public var link: String?
    public var strong: Bool

    public init(_ text: String, link: String? = nil, strong: Bool = false) {
        self.text = text
        self.link = link
        self.strong = strong
    }

    public init(stringLiteral value: String) { self.init(value) }
}

/// Charts with several series, one per assembled form. Their tables put the series in
/// columns (one per form) and the categories in rows, so a chart value is found at
/// (row label, column), the same in HTML and Markdown.

/// One horizontal bar per row (a form), cut into coloured segments (domains, formats):
/// composition reads as parts of the whole, and equal totals line up on the right.
public struct StackedChart: Sendable, Equatable {
    public var id: String
    public var caption: String
    /// Segment names in drawing order; also the first cells of the table rows.
    public var segments: [String]
    /// Shorter segment names for the legend.
    public var segmentLegend: [String]
    public var rows: [StackedRow]
    public var axisMax: Double

    public init(id: String, caption: String, segments: [String], segmentLegend: [String]? = nil, rows: [StackedRow]) {
        self.id = id
        self.caption = caption
        self.segments = segments
        self.segmentLegend = segmentLegend ?? segments
        self.rows = rows
        axisMax = NiceScale.ceiling(rows.map { $0.values.reduce(0, +) }.max() ?? 0)
    }
}

public struct StackedRow: Sendable, Equatable {
    /// The series name (a form), also the table column holding these values.
    public var label: String
    /// One value per segment, in the chart's segment order.
    public var values: [Double]
    public var valueTexts: [String]

    public init(label: String, values: [Double], valueTexts: [String]) {
        self.label = label
        self.values = values
        self.valueTexts = valueTexts
    }
}

/// Values of several series at the same points on a numeric x axis, e.g. test information
/// of each form at the blueprint's ability points.
public struct LineChart: Sendable, Equatable {
    public var id: String
    public var caption: String
    public var xTitle: String
    public var yTitle: String
    public var xs: [Double]
    /// How each x is printed; also the first cells of the table rows.
    public var xTexts: [String]
    public var series: [LineSeries]
    public var yMax: Double

    public init(id: String, caption: String, xTitle: String, yTitle: String, xs: [Double], xTexts: [String], series: [LineSeries]) {
        self.id = id
        self.caption = caption
        self.xTitle = xTitle
        self.yTitle = yTitle
        self.xs = xs
        self.xTexts = xTexts
        self.series = series
        yMax = NiceScale.ceiling(series.flatMap(\.values).max() ?? 0)
    }
}

public struct LineSeries: Sendable, Equatable {
    public var name: String
    public var values: [Double]
    public var valueTexts: [String]

    public init(name: String, values: [Double], valueTexts: [String]) {
        self.name = name
        self.values = values
        self.valueTexts = valueTexts
    }
}

/// A square table of one value per pair of series (forms), drawn as shaded cells.
public struct MatrixChart: Sendable, Equatable {
    public var id: String
    public var caption: String
    public var names: [String]
    /// `values[row][column]`.
    public var values: [[Int]]
    /// What a cell on the diagonal means (it is drawn grey).
    public var diagonalLegend: String
    public var cellLegend: String

    public init(id: String, caption: String, names: [String], values: [[Int]], cellLegend: String, diagonalLegend: String) {
        self.id = id
        self.caption = caption
        self.names = names
        self.values = values
        self.cellLegend = cellLegend
        self.diagonalLegend = diagonalLegend
    }
}

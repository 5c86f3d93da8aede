import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads generated reports back the way a strict consumer would: the HTML as XML
/// (it must be well-formed), chart bars from their data attributes, and the Markdown
/// tables that carry the same numbers.
public enum ReportChecks {
    public struct Bar: Equatable, CustomStringConvertible {
        public var label: String
        public var value: Double
        /// The drawn width as a percentage of the plot.
        public var width: Double
        public var description: String { "\(label)=\(value)" }
    }

    public struct Chart {
        public var id: String
        public var axisMax: Double
        public var bars: [Bar]
    }

    public struct ParseError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Parses `html` as XML and returns its charts; throws with line and column when it is not well-formed.
    public static func charts(inHTML html: String) throws -> [Chart] {
        let collector = ChartCollector()
        let parser = XMLParser(data: Data(html.utf8))
        parser.delegate = collector
        guard parser.parse() else {
            throw ParseError(description: "not well-formed at \(parser.lineNumber):\(parser.columnNumber): \(parser.parserError.map { "\($0)" } ?? "unknown error")")
        }
        return collector.charts
    }

    /// For each `<!-- chart: ID, column: NAME -->` marker, the table after it as label → value of column NAME.
    /// A chart with several series is marked `<!-- chart: ID, columns: A; B -->`: its values are read column by
    /// column, each labelled `COLUMN · ROW LABEL`, the way the SVG labels a value with `data-series`.
    public static func chartTables(inMarkdown markdown: String) -> [String: [(label: String, value: String)]] {
        var result: [String: [(String, String)]] = [:]
        let lines = markdown.components(separatedBy: "\n")
        var index = 0
        while index < lines.count {
            let line = lines[index]
            index += 1
            guard line.hasPrefix("<!-- chart: "), line.hasSuffix(" -->") else { continue }
            let body = line.dropFirst("<!-- chart: ".count).dropLast(" -->".count)
            let series = body.components(separatedBy: ", columns: ")
            let parts = series.count == 2 ? series : body.components(separatedBy: ", column: ")
            guard parts.count == 2, index < lines.count else { continue }
            let header = cells(lines[index])
            let names = series.count == 2 ? parts[1].components(separatedBy: "; ") : [parts[1]]
            let columns = names.compactMap { header.firstIndex(of: $0) }
            guard columns.count == names.count else { continue }
            index += 2 // header and alignment rows
            var table: [[String]] = []
            while index < lines.count, lines[index].hasPrefix("|") {
                table.append(cells(lines[index]).map(plain))
                index += 1
            }
            var rows: [(String, String)] = []
            for (name, column) in zip(names, columns) {
                for row in table where column < row.count {
                    rows.append((series.count == 2 ? "\(name) · \(row[0])" : row[0], row[column]))
                }
            }
            result[parts[0]] = rows
        }
        return result
    }

    /// A cell's text without Markdown emphasis or link syntax.
    private static func plain(_ cell: String) -> String {
        var text = cell.replacingOccurrences(of: "**", with: "")
        if text.hasPrefix("["), let close = text.range(of: "](") { text = String(text[text.index(after: text.startIndex)..<close.lowerBound]) }
        return text.replacingOccurrences(of: "\\|", with: "|")
    }

    private static func cells(_ line: String) -> [String] {
        var parts = line.components(separatedBy: " | ")
        guard !parts.isEmpty else { return [] }
        parts[0] = String(parts[0].dropFirst(2))
        parts[parts.count - 1] = String(parts[parts.count - 1].dropLast(2))
        return parts
    }
}

private final class ChartCollector: NSObject, XMLParserDelegate {
    var charts: [ReportChecks.Chart] = []

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if name == "svg", let id = attributes["data-chart"] {
            charts.append(ReportChecks.Chart(id: id, axisMax: Double(attributes["data-axis-max"] ?? "") ?? .nan, bars: []))
        }
        // Bars and segments are rects, points of a line are circles; a value of one series among several names it in `data-series`.
        if name == "rect" || name == "circle", let label = attributes["data-label"], !charts.isEmpty {
            let width = Double(attributes["width"]?.replacingOccurrences(of: "%", with: "") ?? "") ?? .nan
            let full = attributes["data-series"].map { "\($0) · \(label)" } ?? label
            charts[charts.count - 1].bars.append(ReportChecks.Bar(label: full, value: Double(attributes["data-value"] ?? "") ?? .nan, width: width))
        }
    }
}

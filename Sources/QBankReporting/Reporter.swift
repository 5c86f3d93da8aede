/// Turns a finished lint run into the text of one output format.
public protocol Reporter: Sendable {
    /// The whole output, ending in a newline; identical input gives identical bytes.
    func render(_ report: LintReport) -> String
}

/// The `--format` values. Adding a case breaks `reporter(colors:)` until it is wired in.
public enum ReportFormat: String, CaseIterable, Sendable {
    case text
    case json
    case sarif
    case github
    case junit
    case gitlab

    /// The reporter for this format; `colors` and `maximumPerRule` only affect `text` (the caller decides, e.g.
    /// stdout is a tty).
    public func reporter(colors: Bool = false, maximumPerRule: Int = 0) -> any Reporter {
        switch self {
        case .text: TextReporter(colors: colors, maximumPerRule: maximumPerRule)
        case .json: JSONReporter()
        case .sarif: SARIFReporter()
        case .github: GitHubReporter()
        case .junit: JUnitReporter()
        case .gitlab: GitLabReporter()
        }
    }
}

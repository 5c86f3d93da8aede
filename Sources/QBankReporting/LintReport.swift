import QBankCore

/// Everything a reporter needs about one lint run, gathered by the caller.
///
/// Reporters never touch the file system: source text comes through `sourceLines`
/// and paths are made repo-relative from `rootDirectory`/`workingDirectory`, so the
/// same report always renders to the same bytes.
public struct LintReport: Sendable {
    /// Findings, already in report order (`Diagnostic.reportOrder`).
    public var diagnostics: [Diagnostic]
    /// Every rule enabled in the run, in id order (SARIF `rules[]` needs them all,
    /// not just the ones that fired, so GitHub can close fixed alerts).
    public var rules: [RuleDescription]
    /// Every file checked, as named in diagnostics; JUnit reports a passing test per clean file.
    public var checkedFiles: [String]
    public var itemsChecked: Int
    public var toolVersion: String
    /// The repository root, absolute; SARIF and GitHub paths are made relative to it.
    public var rootDirectory: String?
    /// What relative paths in diagnostics are relative to; when nil they are taken
    /// to be relative to `rootDirectory` already.
    public var workingDirectory: String?
    /// The lines of a file (1-based line N is element N-1), or nil when unknown.
    /// Used for the caret display and for fingerprints of findings without an item;
    /// called once per finding and related location, so it should be a cheap lookup.
    public var sourceLines: @Sendable (String) -> [Substring]?
    /// Findings silenced inline or by the baseline: not counted, only SARIF lists
    /// them (with `suppressions`), so they stay auditable.
    public var suppressed: [SuppressedDiagnostic] = []
    /// False when some input could not be read (exit 2): SARIF's `executionSuccessful`.
    public var executionSuccessful = true

    public var filesChecked: Int { checkedFiles.count }

    public init(
        diagnostics: [Diagnostic], rules: [RuleDescription], checkedFiles: [String], itemsChecked: Int,
        toolVersion: String, rootDirectory: String? = nil, workingDirectory: String? = nil,
        sourceLines: @escaping @Sendable (String) -> [Substring]? = { _ in nil }
    ) {
        self.diagnostics = diagnostics
        self.rules = rules
        self.checkedFiles = checkedFiles
        self.itemsChecked = itemsChecked
        self.toolVersion = toolVersion
        self.rootDirectory = rootDirectory
        self.workingDirectory = workingDirectory
        self.sourceLines = sourceLines
    }

    /// Convenience for callers that hold file contents: splits each once, up front.
    public init(
        diagnostics: [Diagnostic], rules: [RuleDescription], checkedFiles: [String], itemsChecked: Int,
        toolVersion: String, rootDirectory: String? = nil, workingDirectory: String? = nil,
        sources: [String: String], suppressed: [SuppressedDiagnostic] = []
    ) {
        let lines = sources.mapValues { SourceText.lines(of: $0) }
        self.init(diagnostics: diagnostics, rules: rules, checkedFiles: checkedFiles, itemsChecked: itemsChecked,
                  toolVersion: toolVersion, rootDirectory: rootDirectory, workingDirectory: workingDirectory,
                  sourceLines: { lines[$0] })
        self.suppressed = suppressed
    }

    /// The text of 1-based `line` in `file`, without its line break.
    func sourceLine(_ file: String, _ line: Int) -> Substring? {
        guard let lines = sourceLines(file), line >= 1, line <= lines.count else { return nil }
        return lines[line - 1]
    }

    /// Counts by severity, for summaries.
    var counts: (errors: Int, warnings: Int, infos: Int) {
        var result = (errors: 0, warnings: 0, infos: 0)
        for diagnostic in diagnostics {
            switch diagnostic.severity {
            case .error: result.errors += 1
            case .warning: result.warnings += 1
            case .info: result.infos += 1
            }
        }
        return result
    }

    /// Checked files plus any file that only appears in a finding, in first-seen order.
    var allFiles: [String] {
        var seen = Set<String>()
        var files: [String] = []
        for file in checkedFiles + diagnostics.map(\.location.file) where seen.insert(file).inserted {
            files.append(file)
        }
        return files
    }
}

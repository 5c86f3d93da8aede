import ArgumentParser
import Foundation
import QBankCore
import QBankFiles
import QBankReporting
import QBankRules

struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check bank files against the schemas and the exam's rules.",
        discussion: """
            Exit status: 0 no errors (warnings allowed unless --max-warnings), 1 errors or too many warnings, \
            2 unreadable input or bad usage, 3 internal error.
            """
    )

    @Argument(help: "Bank files or folders (searched recursively for .xml and .json files).")
    var paths: [String] = []

    @ArgumentParser.Option(name: .long, parsing: .singleValue, help: ArgumentHelp(
        "Report format: text, json, sarif, github or junit. Repeat for several; FORMAT:FILE writes that one to FILE.",
        valueName: "format[:file]"))
    var format: [String] = []

    @ArgumentParser.Option(name: .shortAndLong, help: "Write the report to FILE (atomically) instead of stdout.")
    var output: String?

    @ArgumentParser.Option(help: "Fail (exit 1) when there are more than N warnings.")
    var maxWarnings: Int?

    @ArgumentParser.Option(parsing: .singleValue, help: "Run only these rules: codes, names, code prefixes (QB1), categories or ALL; comma-separated or repeated.")
    var select: [String] = []

    @ArgumentParser.Option(parsing: .singleValue, help: "Skip these rules (same forms as --select).")
    var ignore: [String] = []

    @ArgumentParser.Option(help: "Use this config file instead of the qbank.json found beside the linted paths.")
    var config: String?

    @Flag(help: "Print the configuration in force (every rule's severity and options) as JSON and exit.")
    var printConfig = false

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @ArgumentParser.Option(help: "Accept the findings recorded in FILE: only new findings count.")
    var baseline: String?

    @ArgumentParser.Option(help: "Record every finding of this run in FILE (atomically) and exit 0.")
    var writeBaseline: String?

    @Flag(help: "With --baseline, fail (exit 1) when baselined findings are gone, so the baseline is kept pruned.")
    var strictBaseline = false

    @Flag(help: "Report every finding, as if neither --baseline nor the configuration's \"baseline\" were given.")
    var ignoreBaseline = false

    @Flag(help: "Print finding counts per rule on stderr.")
    var statistics = false

    @Flag(help: "Exit 0 even when there are findings (unreadable input still exits 2).")
    var exitZero = false

    @ArgumentParser.Option(help: "Colour the text report: auto, always or never.")
    var color: ColorChoice = .auto

    @ArgumentParser.Option(help: "Text report: show N findings per rule in full when several rules report, then one line for the rest of each (0 shows every finding).")
    var maxPerRule = 3

    @OptionGroup var progress: ProgressOptions

    func validate() throws {
        if paths.isEmpty && !printConfig { throw ValidationError("name the bank files or folders to lint, e.g. `qbank lint Banks`") }
        if let maxWarnings, maxWarnings < 0 { throw ValidationError("--max-warnings takes a number of 0 or more") }
        if maxPerRule < 0 { throw ValidationError("--max-per-rule takes a number of 0 or more (0 shows every finding)") }
    }

    func run() throws {
        let outputs = try ReportOutput.parse(format, defaultPath: output)
        let selection = RuleSelection(select: split(select), ignore: split(ignore))
        let unknown = selection.unknownTokens(among: BuiltInRules.descriptions)
        guard unknown.isEmpty else {
            throw CLIError.usage("unknown rule \(unknown.map { "'\($0)'" }.joined(separator: ", ")); run `qbank rules` to list them")
        }
        let resolved = try ConfigStep.resolve(configPath: config, paths: paths, select: selection.selected,
                                              ignore: selection.ignored, strict: strict)
        if printConfig {
            FileHandle.standardOutput.write(Data(ConfigStep.render(resolved).utf8))
            return
        }
        if ignoreBaseline, let named = self.baseline { throw CLIError.usage("--ignore-baseline and --baseline \(named) contradict each other; drop one") }
        let baseline = ignoreBaseline ? nil : self.baseline ?? resolved.engine.settings.baseline
        if strictBaseline && baseline == nil {
            throw CLIError.usage(ignoreBaseline ? "--strict-baseline and --ignore-baseline contradict each other" : "--strict-baseline needs --baseline FILE (or \"baseline\" in qbank.json)")
        }

        var run = try LintRun.perform(paths: paths, engine: resolved.engine, fingerprints: baseline != nil || writeBaseline != nil,
                                      excluding: [baseline, resolved.engine.settings.baseline, writeBaseline, config].compactMap { $0 },
                                      progress: progress.bar(label: "lint"))
        if let writeBaseline {
            try BaselineStep.write(run, to: writeBaseline)
            throw ExitCode(run.hasUnreadableInput ? ExitStatus.usage : ExitStatus.clean)
        }
        var stale = 0
        if let baseline { stale = try BaselineStep.apply(baseline, to: &run) }
        var report = LintReport(
            diagnostics: run.diagnostics, rules: resolved.engine.enabledDescriptions,
            checkedFiles: run.files, itemsChecked: run.itemCount, toolVersion: QBank.version,
            rootDirectory: Workspace.rootDirectory(), workingDirectory: FileManager.default.currentDirectoryPath,
            sourceLines: { [cache = SourceLineCache()] in cache.lines(of: $0) })
        report.suppressed = run.suppressed

        for output in outputs {
            let text = output.format.reporter(colors: output.path == nil && color.enabled, maximumPerRule: maxPerRule).render(report)
            if let path = output.path {
                do { try AtomicFile.write(text, to: path) } catch { throw CLIError.files(error) }
            } else {
                FileHandle.standardOutput.write(Data(text.utf8))
            }
        }
        if statistics {
            FileHandle.standardError.write(Data(StatisticsReporter().render(report).utf8))
        }
        throw ExitCode(exitStatus(run, staleBaselineEntries: stale))
    }

    private func exitStatus(_ run: LintRun, staleBaselineEntries: Int) -> Int32 {
        if run.hasUnreadableInput { return ExitStatus.usage }
        if exitZero { return ExitStatus.clean }
        if strictBaseline && staleBaselineEntries > 0 {
            Log.info("qbank: --strict-baseline: the baseline has \(staleBaselineEntries) stale finding\(staleBaselineEntries == 1 ? "" : "s")")
            return ExitStatus.findings
        }
        let errors = run.diagnostics.filter { $0.severity == .error }.count
        let warnings = run.diagnostics.filter { $0.severity == .warning }.count
        if errors > 0 { return ExitStatus.findings }
        if let maxWarnings, warnings > maxWarnings {
            Log.info("qbank: \(warnings) warnings exceed --max-warnings \(maxWarnings)")
            return ExitStatus.findings
        }
        return ExitStatus.clean
    }

    private func split(_ values: [String]) -> [String] {
        values.flatMap { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } }.filter { !$0.isEmpty }
    }
}

/// One `--format` request: a format and where its report goes (nil: stdout).
struct ReportOutput {
    var format: ReportFormat
    var path: String?

    static func parse(_ requests: [String], defaultPath: String?) throws -> [ReportOutput] {
        let outputs = try (requests.isEmpty ? ["text"] : requests).map { request -> ReportOutput in
            let parts = request.split(separator: ":", maxSplits: 1).map(String.init)
            guard let name = parts.first, let format = ReportFormat(rawValue: name.lowercased()) else {
                let known = ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")
                throw CLIError.usage("unknown format '\(request)'; use one of \(known), optionally as FORMAT:FILE")
            }
            return ReportOutput(format: format, path: parts.count == 2 ? parts[1] : nil)
        }
        let toStdout = outputs.indices.filter { outputs[$0].path == nil }
        if let defaultPath {
            guard toStdout.count == 1 else { throw CLIError.usage("--output needs exactly one --format without its own :FILE") }
            var result = outputs
            result[toStdout[0]].path = defaultPath
            return result
        }
        guard toStdout.count <= 1 else { throw CLIError.usage("only one report can go to stdout; write the others with FORMAT:FILE") }
        return outputs
    }
}

enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never

    var enabled: Bool {
        switch self {
        case .always: true
        case .never: false
        case .auto: isatty(STDOUT_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        }
    }
}

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
            2 unreadable input or bad usage, 3 internal error. A malformed file (QB001: not well-formed, not UTF-8, \
            a forbidden character) exits 2 even with --exit-zero: --exit-zero forgives findings, not input that could \
            not be read. In folders only regular .xml and .json files are read; symbolic links are followed only when \
            they stay inside the named folder, and each one skipped is named on stderr.
            """
    )

    @Argument(help: ArgumentHelp(
        "Bank files or folders (default: the current folder). Folders are searched for .xml and .json files that declare urn:qbank:bank:1, outside hidden folders, .gitignore and the config's exclude.",
        valueName: "paths"))
    var paths: [String] = []

    @ArgumentParser.Option(help: ArgumentHelp(
        "With `-` as the path: the path of the text read from stdin, which is linted as that file among the files of its bank.",
        valueName: "path"))
    var stdinFilename: String?

    @Flag(help: "Apply the safe fixes of fixable findings (written atomically), re-lint, and report what is left.")
    var fix = false

    @Flag(help: "Show the fixes as a unified diff instead of writing them (exit 1 when there are some).")
    var diff = false

    @Flag(help: "With --fix or --diff, also apply unsafe fixes (they change more than wording, e.g. declare enemies; review them).")
    var unsafeFixes = false

    @Flag(help: "List the files that would be linted, and the XML/JSON files and folders passed over with why, then exit.")
    var showFiles = false

    @Flag(name: .shortAndLong, help: "Also tell on stderr which files and folders were passed over, and why.")
    var verbose = false

    @Flag(name: .shortAndLong, help: "Print findings only: no summary line, no progress, no notes.")
    var quiet = false

    @ArgumentParser.Option(name: .long, parsing: .singleValue, help: ArgumentHelp(
        "Report format: text, json, sarif, github, junit or gitlab (Code Quality). Repeat for several; FORMAT:FILE writes that one to FILE.",
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

    @Flag(help: "Neither read nor write the results cache (.qbank-cache/ beside the config, or in the current folder).")
    var noCache = false

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
        if paths.contains("-") && paths.count > 1 { throw ValidationError("`-` (stdin) cannot be mixed with other paths") }
        if paths == ["-"] && stdinFilename == nil {
            throw ValidationError("`-` needs --stdin-filename PATH: the file the text stands for (its syntax and its bank)")
        }
        if stdinFilename != nil && !(paths.isEmpty || paths == ["-"]) { throw ValidationError("--stdin-filename goes with `-`, not with other paths") }
        if (fix || diff) && writeBaseline != nil { throw ValidationError("--fix/--diff and --write-baseline do not go together: fix first, then write the baseline") }
        if unsafeFixes && !(fix || diff) { throw ValidationError("--unsafe-fixes goes with --fix or --diff") }
        if quiet && verbose { throw ValidationError("--quiet and --verbose contradict each other; drop one") }
        if let maxWarnings, maxWarnings < 0 { throw ValidationError("--max-warnings takes a number of 0 or more") }
        if maxPerRule < 0 { throw ValidationError("--max-per-rule takes a number of 0 or more (0 shows every finding)") }
    }

    func run() throws {
        let outputs = try ReportOutput.parse(format, defaultPath: output)
        let selection = RuleSelection(select: split(select), ignore: split(ignore))
        let unknown = selection.unknownTokens(among: BuiltInRules.descriptions)
        guard unknown.isEmpty else {
            let names = BuiltInRules.descriptions.flatMap { [$0.id, $0.name] }
            let described = unknown.map { token in "'\(token)'" + (Suggestion.nearest(to: token, in: names).map { " (did you mean '\($0)'?)" } ?? "") }
            throw CLIError.usage("unknown rule \(described.joined(separator: ", ")); run `qbank rules` to list them")
        }
        let standardInput = stdinFilename.map { StandardInput(path: $0, bytes: Self.readStandardInput()) }
        let paths = standardInput.map { [$0.path] } ?? (self.paths.isEmpty ? ["."] : self.paths)
        let resolved = try ConfigStep.resolve(configPath: config, paths: paths, select: selection.selected,
                                              ignore: selection.ignored, strict: strict)
        if printConfig {
            Console.out(ConfigStep.render(resolved))
            return
        }
        if ignoreBaseline, let named = self.baseline { throw CLIError.usage("--ignore-baseline and --baseline \(named) contradict each other; drop one") }
        let baseline = ignoreBaseline ? nil : self.baseline ?? resolved.engine.settings.baseline
        if strictBaseline && baseline == nil {
            throw CLIError.usage(ignoreBaseline ? "--strict-baseline and --ignore-baseline contradict each other" : "--strict-baseline needs --baseline FILE (or \"baseline\" in qbank.json)")
        }

        let notBankFiles = [baseline, resolved.engine.settings.baseline, writeBaseline, config].compactMap { $0 }
        if showFiles { return try ShowFiles.print(paths: paths, settings: resolved.engine.settings, excluding: notBankFiles) }
        var fixed = FixStep()
        if fix || diff {
            fixed = try FixStep.run(paths: paths, engine: resolved.engine, excluding: notBankFiles, standardInput: standardInput,
                                    baseline: baseline, unsafe: unsafeFixes)
            if diff {
                Console.out(fixed.diff())
                if !quiet { Log.info("qbank: \(fixed.applied) fix\(fixed.applied == 1 ? "" : "es") would change \(fixed.changedFiles.count) file\(fixed.changedFiles.count == 1 ? "" : "s")") }
                throw ExitCode(fixed.changedFiles.isEmpty ? ExitStatus.clean : ExitStatus.findings)
            }
            try fixed.write(standardInput: standardInput)
            if standardInput != nil { throw ExitCode(ExitStatus.clean) }
        }
        var run = try LintRun.perform(paths: paths, engine: resolved.engine, fingerprints: baseline != nil || writeBaseline != nil,
                                      excluding: notBankFiles, standardInput: standardInput,
                                      cache: noCache ? nil : LintCacheStep.cache(for: resolved),
                                      progress: quiet ? nil : progress.bar(label: "lint"))
        if verbose { ShowFiles.tellSkipped(run.skipped.filter { !$0.notable }) }  // notable ones were told already
        if let writeBaseline {
            try BaselineStep.write(run, to: writeBaseline)
            throw ExitCode(run.hasUnreadableInput ? ExitStatus.usage : ExitStatus.clean)
        }
        var stale = 0
        if let baseline { stale = try BaselineStep.apply(baseline, to: &run) }
        var report = LintReport(
            diagnostics: run.diagnostics, rules: resolved.engine.enabledDescriptions,
            checkedFiles: run.files, itemsChecked: run.itemCount, toolVersion: Version.text,
            rootDirectory: Workspace.rootDirectory(), workingDirectory: FileManager.default.currentDirectoryPath,
            sourceLines: { [cache = Self.sourceLines(replacing: standardInput)] in cache.lines(of: $0) })
        report.suppressed = run.suppressed
        report.executionSuccessful = !run.hasUnreadableInput

        for output in outputs {
            let colors = output.path == nil && color.enabled
            let reporter = output.format == .text
                ? TextReporter(colors: colors, summary: !quiet, maximumPerRule: maxPerRule)
                : output.format.reporter(colors: colors, maximumPerRule: maxPerRule)
            let text = reporter.render(report)
            if let path = output.path {
                do { try AtomicFile.write(text, to: path) } catch { throw CLIError.files(error) }
            } else {
                Console.out(text)
            }
        }
        if fix && !quiet {
            Log.info("qbank: fixed \(fixed.applied) finding\(fixed.applied == 1 ? "" : "s") in \(fixed.changedFiles.count) file\(fixed.changedFiles.count == 1 ? "" : "s"); \(run.diagnostics.count) remaining")
        }
        if statistics {
            Console.err(StatisticsReporter().render(report))
        }
        throw ExitCode(exitStatus(run, staleBaselineEntries: stale))
    }

    /// Source lines for snippets, with the stdin text in place of its file.
    private static func sourceLines(replacing input: StandardInput?) -> SourceLineCache {
        guard let input else { return SourceLineCache() }
        let text = String(decoding: input.bytes, as: UTF8.self), target = Glob.absolutePath(input.path, workingDirectory: FileManager.default.currentDirectoryPath)
        return SourceLineCache { path in
            if Glob.absolutePath(path, workingDirectory: FileManager.default.currentDirectoryPath) == target { return text }
            return FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
        }
    }

    private static func readStandardInput() -> [UInt8] {
        [UInt8](FileHandle.standardInput.readDataToEndOfFile())
    }

    private func exitStatus(_ run: LintRun, staleBaselineEntries: Int) -> Int32 {
        if run.hasUnreadableInput { return ExitStatus.usage }
        if exitZero { return ExitStatus.clean }
        if strictBaseline && staleBaselineEntries > 0 {
            if !quiet { Log.info("qbank: --strict-baseline: the baseline has \(staleBaselineEntries) stale finding\(staleBaselineEntries == 1 ? "" : "s")") }
            return ExitStatus.findings
        }
        let errors = run.diagnostics.filter { $0.severity == .error }.count
        let warnings = run.diagnostics.filter { $0.severity == .warning }.count
        if errors > 0 { return ExitStatus.findings }
        if let maxWarnings, warnings > maxWarnings {
            if !quiet { Log.info("qbank: \(warnings) warnings exceed --max-warnings \(maxWarnings)") }
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
        case .auto: Self.automatic(environment: ProcessInfo.processInfo.environment, terminal: isatty(STDOUT_FILENO) != 0)
        }
    }

    /// FORCE_COLOR (force-color.org) turns colour on for logs that render it (CI), NO_COLOR (no-color.org)
    /// turns it off; each counts when set and not empty, and FORCE_COLOR wins when both are.
    static func automatic(environment: [String: String], terminal: Bool) -> Bool {
        if let force = environment["FORCE_COLOR"], !force.isEmpty { return true }
        if let no = environment["NO_COLOR"], !no.isEmpty { return false }
        return terminal
    }
}

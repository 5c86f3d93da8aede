import QBankCore

/// What a project configured (`qbank.json`) merged with the command line: which
/// rules run, at what severity, with which options, and what changes per path.
///
/// Pure data and pure resolution, no file access: the config reader fills it in and
/// the engine asks it, per finding, at what severity (if any) to report.
public struct LintSettings: Sendable {
    /// Rules to run: codes, names, prefixes, categories or `ALL`; empty means every rule.
    public var select: [String]
    public var ignore: [String]
    /// Per-rule severity and options, in the order written.
    public var rules: [RuleSetting]
    public var overrides: [PathOverride]
    /// Warnings become errors.
    public var strict: Bool
    /// Absolute folder that override globs are relative to (the config file's folder).
    public var baseDirectory: String
    /// Absolute folder that relative paths in findings are relative to.
    public var workingDirectory: String
    /// The baseline file the configuration names (absolute), applied unless `--baseline` names
    /// another or `--ignore-baseline` asks for every finding.
    public var baseline: String?
    /// Files and folders that folder walks skip, replacing the default list (nil keeps it): bare names
    /// match at any depth, paths are made absolute against the config file's folder.
    public var exclude: [String]?
    /// Added to `exclude` (or to the default list).
    public var extendExclude: [String] = []

    public init(
        select: [String] = [], ignore: [String] = [], rules: [RuleSetting] = [], overrides: [PathOverride] = [],
        strict: Bool = false, baseDirectory: String = "/", workingDirectory: String = "/"
    ) {
        self.select = select
        self.ignore = ignore
        self.rules = rules
        self.overrides = overrides
        self.strict = strict
        self.baseDirectory = baseDirectory
        self.workingDirectory = workingDirectory
    }

    public var selection: RuleSelection { RuleSelection(select: select, ignore: ignore) }

    /// Options per rule id, for rules given options by code or name.
    public func options(among rules: [RuleDescription]) -> [String: RuleOptions] {
        var result: [String: RuleOptions] = [:]
        for setting in self.rules {
            guard let options = setting.options, let rule = rules.first(where: { setting.names($0) }) else { continue }
            result[rule.id] = options
        }
        return result
    }

    /// How a rule's findings are reported everywhere, before path overrides.
    public func level(of rule: RuleDescription) -> SeverityLevel? {
        guard selection.isEnabled(rule) else { return .off }
        return Self.mostSpecific(rules, for: rule)
    }

    /// Whether the rule may report anywhere: enabled, or switched on by some override.
    public func mayReport(_ rule: RuleDescription) -> Bool {
        if level(of: rule) != .off { return true }
        return overrides.contains { override in
            if let level = Self.mostSpecific(override.rules, for: rule) { return level != .off }
            return false
        }
    }

    /// The level for a finding of `rule` in `file`: `.off` drops it, nil keeps the
    /// severity the rule gave it.
    public func level(of rule: RuleDescription, inFile file: String) -> SeverityLevel? {
        guard !overrides.isEmpty else { return level(of: rule) }
        return Self.level(level(of: rule), under: overrides.lazy.filter { applies($0, to: file) }.map { verdict(of: $0, on: rule) })
    }

    /// What one override says of a rule: whether it ignores it, and the level it sets.
    func verdict(of override: PathOverride, on rule: RuleDescription) -> (ignores: Bool, level: SeverityLevel?) {
        (override.ignore.contains { RuleSelection.token($0, matches: rule) }, Self.mostSpecific(override.rules, for: rule))
    }

    /// Whether `override`'s globs match `file` (relative to the override's folder, else the settings').
    func applies(_ override: PathOverride, to file: String) -> Bool {
        override.matches(Glob.relativePath(file, base: override.baseDirectory ?? baseDirectory, workingDirectory: workingDirectory))
    }

    /// A rule's level after the verdicts of the overrides matching a file, in the order written:
    /// one that ignores the rule turns it off, one that sets a level sets it.
    static func level(_ level: SeverityLevel?, under verdicts: some Sequence<(ignores: Bool, level: SeverityLevel?)>) -> SeverityLevel? {
        verdicts.reduce(level) { level, verdict in verdict.level ?? (verdict.ignores ? .off : level) }
    }

    /// The finding as reported under these settings, or nil when its rule is off there.
    public func apply(_ diagnostic: Diagnostic, rule: RuleDescription) -> Diagnostic? {
        applying(level(of: rule, inFile: diagnostic.location.file), to: diagnostic)
    }

    /// The finding at `level` (nil keeps its severity), or nil when the level is `.off`.
    func applying(_ level: SeverityLevel?, to diagnostic: Diagnostic) -> Diagnostic? {
        var result = diagnostic
        switch level {
        case .off: return nil
        case .info: result.severity = .info
        case .warning: result.severity = .warning
        case .error: result.severity = .error
        case nil: break
        }
        if strict, result.severity == .warning { result.severity = .error }
        return result
    }

    /// Among settings that match the rule, the most specific one wins (an exact code or
    /// name over a prefix over a category over `ALL`); among equals, the last written.
    static func mostSpecific(_ settings: [RuleSetting], for rule: RuleDescription) -> SeverityLevel? {
        var best: (rank: Int, level: SeverityLevel)?
        for setting in settings {
            guard let level = setting.severity, RuleSelection.token(setting.token, matches: rule) else { continue }
            let rank = RuleSelection.specificity(of: setting.token, for: rule)
            if best == nil || rank >= best!.rank { best = (rank, level) }
        }
        return best?.level
    }
}

/// `off` or a severity, as config files write it.
public enum SeverityLevel: String, Sendable, Hashable, CaseIterable {
    case off, info, warning, error
}

/// What one entry of `rules` says about the rules its token names.
public struct RuleSetting: Sendable {
    /// A code, name, code prefix, category or `ALL`.
    public var token: String
    public var severity: SeverityLevel?
    /// Options; only for a token that names exactly one rule (a code or a name).
    public var options: RuleOptions?
    public var location: SourceLocation?

    public init(token: String, severity: SeverityLevel? = nil, options: RuleOptions? = nil, location: SourceLocation? = nil) {
        self.token = token
        self.severity = severity
        self.options = options
        self.location = location
    }

    /// True when the token is the rule's code or name (not a prefix or category).
    func names(_ rule: RuleDescription) -> Bool {
        RuleSelection.specificity(of: token, for: rule) == RuleSelection.exactSpecificity
    }
}

/// Settings for the files that match some globs (Ruff's per-file-ignores, ESLint's overrides).
public struct PathOverride: Sendable {
    public var files: [String]
    public var ignore: [String]
    public var rules: [RuleSetting]
    /// The folder `files` are relative to when it is not the settings' own (an extended config's).
    public var baseDirectory: String?

    public init(files: [String], ignore: [String] = [], rules: [RuleSetting] = []) {
        self.files = files
        self.ignore = ignore
        self.rules = rules
    }

    func matches(_ relativePath: String) -> Bool { files.contains { Glob.matches($0, relativePath) } }
}

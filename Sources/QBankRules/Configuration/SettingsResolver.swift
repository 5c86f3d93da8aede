import QBankCore

/// `LintSettings.apply` for many findings: a rule's level is resolved once per rule (selection, `rules`, what each
/// override says of it) and the overrides matching a file once per file, so a finding costs two table look-ups
/// instead of trimming and comparing every configured token again. Same precedence as `LintSettings.level(of:inFile:)`.
struct SettingsResolver {
    /// What the settings say of one rule: its level everywhere, and per override whether it ignores the rule
    /// and the level it sets.
    private struct RuleLevels {
        var everywhere: SeverityLevel?
        var overrides: [(ignores: Bool, level: SeverityLevel?)]
    }

    let settings: LintSettings
    private var rules: [String: RuleLevels] = [:]
    /// Indices of the overrides whose globs match a file.
    private var matching: [String: [Int]] = [:]
    private var lastFile: String?
    private var lastMatching: [Int] = []

    init(_ settings: LintSettings) { self.settings = settings }

    /// The finding as `LintSettings.apply` reports it.
    mutating func apply(_ diagnostic: Diagnostic, rule: RuleDescription) -> Diagnostic? {
        settings.applying(level(of: rule, inFile: diagnostic.location.file), to: diagnostic)
    }

    mutating func level(of rule: RuleDescription, inFile file: String) -> SeverityLevel? {
        let levels = self.levels(of: rule)
        guard !settings.overrides.isEmpty else { return levels.everywhere }
        return LintSettings.level(levels.everywhere, under: overrides(matching: file).lazy.map { levels.overrides[$0] })
    }

    private mutating func levels(of rule: RuleDescription) -> RuleLevels {
        if let known = rules[rule.id] { return known }
        let levels = RuleLevels(
            everywhere: settings.level(of: rule),
            overrides: settings.overrides.map { settings.verdict(of: $0, on: rule) })
        rules[rule.id] = levels
        return levels
    }

    private mutating func overrides(matching file: String) -> [Int] {
        if file == lastFile { return lastMatching }
        let found = matching[file] ?? settings.overrides.indices.filter { settings.applies(settings.overrides[$0], to: file) }
        matching[file] = found
        lastFile = file
        lastMatching = found
        return found
    }
}

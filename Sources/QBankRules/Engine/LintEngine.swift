import Dispatch
import QBankCore

/// Runs the enabled rules over a bank and returns their findings in report order,
/// after project settings (severities, per-path overrides) and inline suppressions.
public struct LintEngine: Sendable {
    public var rules: [any Rule]
    public var settings: LintSettings
    /// Every configurable rule's options with the values in force, by rule id
    /// (rules that do not run included), for `--print-config`.
    public private(set) var ruleOptions: [String: [String: RuleOptionValue]] = [:]

    /// Every rule at its default options, selected by `selection`.
    public init(selection: RuleSelection = RuleSelection(), rules: [any Rule.Type] = BuiltInRules.all) {
        // Without options there is nothing to configure, so nothing can fail.
        settings = LintSettings(select: selection.selected, ignore: selection.ignored)
        var instances: [any Rule] = []
        for type in rules {
            let rule = type.init()
            if let configurable = rule.asConfigurable { ruleOptions[type.description.id] = configurable.options }
            if settings.mayReport(type.description) { instances.append(rule) }
        }
        self.rules = instances
    }

    /// Rules configured by `settings`; throws when an option is unknown or out of range.
    public init(settings: LintSettings, rules: [any Rule.Type] = BuiltInRules.all) throws(RuleOptionError) {
        self.settings = settings
        let options = settings.options(among: rules.map { $0.description })
        var instances: [any Rule] = []
        for type in rules {
            // Options are checked even for rules that do not run, so a typo never hides.
            let rule = try Self.configured(type, options[type.description.id])
            if let configurable = rule.asConfigurable { ruleOptions[type.description.id] = configurable.options }
            if settings.mayReport(type.description) { instances.append(rule) }
        }
        self.rules = instances
    }

    static func configured(_ type: any Rule.Type, _ options: RuleOptions?) throws(RuleOptionError) -> any Rule {
        let rule = type.init()
        guard let options, !options.isEmpty else { return rule }
        let code = "\(type.description.id) \(type.description.name)"
        guard var configurable = rule.asConfigurable else {
            throw RuleOptionError("rule \(code) has no options; remove its \"options\"", at: options.location)
        }
        let known = configurable.options.keys.sorted()
        for name in options.values.keys.sorted() where !known.contains(name) {
            throw RuleOptionError("rule \(code) has no option '\(name)'; it has \(known.map { "'\($0)'" }.joined(separator: ", "))",
                                  at: options.locations[name] ?? options.location)
        }
        try configurable.configure(options)
        return configurable
    }

    /// Descriptions of the rules this engine reports under, readers' included, in id order.
    public var enabledDescriptions: [RuleDescription] {
        BuiltInRules.descriptions.filter(settings.mayReport)
    }

    /// Active findings, in report order.
    public func lint(_ bank: Bank, progress: ProgressHandler? = nil) -> [Diagnostic] { run(bank, progress: progress).diagnostics }

    /// Active findings and the ones inline suppressions silenced.
    public func run(_ bank: Bank, progress: ProgressHandler? = nil) -> LintOutcome {
        run(bank, reusing: [:], progress: progress).outcome
    }

    /// As `run`, but the item rules skip the files whose findings `reusing` gives (by file path:
    /// what an earlier run returned as `itemFindings` for the same file content, blueprint and
    /// rules); bank rules always see every item. Returns every file's item-rule findings, before
    /// settings and suppressions, for the next run to reuse. `analyses` holds the bank rules' stored
    /// per-item analyses and collects the ones this run makes (see `BankAnalyses`).
    public func run(_ bank: Bank, reusing: [String: [Diagnostic]], analyses: BankAnalyses? = nil, progress: ProgressHandler? = nil)
        -> (outcome: LintOutcome, itemFindings: [String: [Diagnostic]]) {
        let parts = run(bank, reusing: reusing, analyses: analyses, bankFindings: nil, progress: progress)
        return (parts.outcome, parts.itemFindings)
    }

    /// As `run(_:reusing:analyses:progress:)`, also returning the bank rules' findings (QB003's
    /// included) before settings and suppressions. Given `bankFindings` (what an earlier run over
    /// the same bank-rule input returned, or its part located in `bank`), the bank rules do not run.
    public func run(_ bank: Bank, reusing: [String: [Diagnostic]], analyses: BankAnalyses?, bankFindings given: [Diagnostic]?,
                    progress: ProgressHandler? = nil)
        -> (outcome: LintOutcome, itemFindings: [String: [Diagnostic]], bankFindings: [Diagnostic]) {
        var found: [Diagnostic] = []
        if given == nil, bank.blueprint == nil, let first = bank.files.first, settings.mayReport(Self.noBlueprint) {
            found.append(Diagnostic(
                ruleID: Self.noBlueprint.id, ruleName: Self.noBlueprint.name, severity: Self.noBlueprint.severity,
                message: "no blueprint.json in this folder or any parent; domain and task checks were skipped",
                location: SourceLocation(file: first.path, line: 1, column: 1)))
        }
        let checked = check(bank, skipping: Set(reusing.keys), analyses: analyses, bankRules: given == nil, progress: progress)
        found += given ?? checked.bankFindings
        let bankFindings = found
        var itemFindings: [String: [Diagnostic]] = [:]
        // File order, as the items were checked, so reused findings line up as fresh ones would.
        for (index, file) in bank.files.enumerated() {
            let findings = reusing[file.path] ?? checked.itemFindings[index] ?? []
            itemFindings[file.path] = findings
            found += findings
        }
        // Settings first, so a rule switched off for a file neither reports nor "uses" a suppression.
        let pass = SuppressionPass(bank: bank, settings: settings).apply(to: applySettings(found))
        let active = (pass.kept + applySettings(pass.hygiene)).sorted(by: Diagnostic.reportOrder)
        return (LintOutcome(diagnostics: active, suppressed: pass.suppressed), itemFindings, bankFindings)
    }

    /// Runs every rule. Item rules go item by item — each item meets every item rule on
    /// one thread, so the text analyses they share are computed once (`TextMemo`) — in
    /// chunks spread over the cores; whole-bank rules run beside them. Results are
    /// gathered in task order, so the output never depends on scheduling. Rules read the
    /// bank's prose (`ProseView`); only `SourceTextRule`s see the Markdown as written.
    /// Returns the bank rules' findings and the item rules' by file index; files whose path is in
    /// `skipping` are not item-checked; without `bankRules`, only item rules run.
    func check(_ bank: Bank, skipping: Set<String> = [], analyses: BankAnalyses? = nil, bankRules runBankRules: Bool = true,
               progress: ProgressHandler?) -> (bankFindings: [Diagnostic], itemFindings: [Int: [Diagnostic]]) {
        let prose = ProseView.bank(bank)
        let context = LintContext(bank: prose, analyses: analyses), sourceContext = LintContext(bank: bank)
        let itemRules = rules.compactMap { $0.readsSourceText ? nil : $0.asItemRule }
        let sourceItemRules = rules.compactMap { $0.readsSourceText ? $0.asItemRule : nil }
        let bankRules = runBankRules ? rules.filter { $0.asItemRule == nil } : []
        let places = Self.itemPlaces(in: bank).filter { skipping.isEmpty || !skipping.contains(bank.files[$0.file].path) }
        let chunkSize = max(64, places.count / 64)
        let chunks = itemRules.isEmpty && sourceItemRules.isEmpty ? [] : stride(from: 0, to: places.count, by: chunkSize).map { $0..<min($0 + chunkSize, places.count) }
        let results = ConcurrentSlots<[(file: Int, findings: [Diagnostic])]>(count: bankRules.count + chunks.count)
        let counter = ProgressCounter(total: bankRules.count + chunks.count, phase: "running rules", handler: progress)
        DispatchQueue.concurrentPerform(iterations: bankRules.count + chunks.count) { task in
            defer { counter.advance() }
            guard task >= bankRules.count else {
                let rule = bankRules[task]
                results.store([(-1, rule.check(rule.readsSourceText ? sourceContext : context))], at: task)
                return
            }
            var byFile: [(file: Int, findings: [Diagnostic])] = []
            var found: [Diagnostic] = []
            let memo = TextMemo.current
            // Items are passed straight from the bank's arrays (a local copy of each
            // would retain and release every string in it), and a context is built once
            // per file or case, not per item.
            var context: (file: Int, caseIndex: Int?, value: ItemContext)?
            for place in places[chunks[task - bankRules.count]] {
                if let current = context, current.file != place.file {
                    byFile.append((current.file, found))
                    found = []
                }
                if context == nil || context!.file != place.file || context!.caseIndex != place.caseIndex {
                    let file = prose.files[place.file]
                    context = (place.file, place.caseIndex,
                               ItemContext(file: file, caseStudy: place.caseIndex.map { file.cases[$0] }, blueprint: bank.blueprint))
                }
                let itemContext = context!.value
                if let caseIndex = place.caseIndex {
                    Self.check(prose.files[place.file].cases[caseIndex].items[place.item], in: itemContext, with: itemRules, into: &found)
                    Self.check(bank.files[place.file].cases[caseIndex].items[place.item], in: itemContext, with: sourceItemRules, into: &found)
                } else {
                    Self.check(prose.files[place.file].items[place.item], in: itemContext, with: itemRules, into: &found)
                    Self.check(bank.files[place.file].items[place.item], in: itemContext, with: sourceItemRules, into: &found)
                }
                memo.reset()
            }
            if let current = context { byFile.append((current.file, found)) }
            results.store(byFile, at: task)
        }
        var bankFindings: [Diagnostic] = [], itemFindings: [Int: [Diagnostic]] = [:]
        for part in results.values.flatMap({ $0 ?? [] }) {
            if part.file < 0 { bankFindings += part.findings } else { itemFindings[part.file, default: []] += part.findings }
        }
        return (bankFindings, itemFindings)
    }

    private static func check(_ item: Item, in context: ItemContext, with rules: [any ItemRule], into found: inout [Diagnostic]) {
        for rule in rules { found += rule.check(item, in: context) }
    }

    /// Where every item is: file index, case index (nil for stand-alone items), item index.
    static func itemPlaces(in bank: Bank) -> [(file: Int, caseIndex: Int?, item: Int)] {
        var places: [(file: Int, caseIndex: Int?, item: Int)] = []
        for (fileIndex, file) in bank.files.enumerated() {
            places += file.items.indices.map { (fileIndex, nil, $0) }
            for (caseIndex, caseStudy) in file.cases.enumerated() {
                places += caseStudy.items.indices.map { (fileIndex, caseIndex, $0) }
            }
        }
        return places
    }

    /// Drops findings of rules that are off for their file and sets configured severities.
    func applySettings(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var resolver = SettingsResolver(settings)
        return diagnostics.compactMap { diagnostic in
            guard let rule = BuiltInRules.description(of: diagnostic.ruleID) else { return diagnostic }
            return resolver.apply(diagnostic, rule: rule)
        }
    }

    /// Reported by the engine itself when a bank has no blueprint to check against.
    public static let noBlueprint = RuleDescription(
        id: "QB003", name: "no-blueprint", category: .syntax,
        summary: "A bank should have a blueprint.json in its folder or a parent folder.",
        rationale: """
            Domains and task statements are checked against the blueprint, and balance and assembly need it. \
            Without one those checks are skipped, which this warning makes visible.
            """,
        severity: .warning
    )
}

/// What one lint run found.
public struct LintOutcome: Sendable {
    /// Findings that count, in report order.
    public var diagnostics: [Diagnostic]
    /// Findings silenced by inline suppressions, in report order.
    public var suppressed: [SuppressedDiagnostic]

    public init(diagnostics: [Diagnostic], suppressed: [SuppressedDiagnostic] = []) {
        self.diagnostics = diagnostics
        self.suppressed = suppressed
    }
}

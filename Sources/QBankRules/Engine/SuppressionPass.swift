import QBankCore

/// Applies the inline suppressions of a bank to its findings and reports the
/// suppressions themselves: unused (QB901), naming no known rule (QB902), blanket or
/// without a reason (QB903).
///
/// A suppression on an item covers findings about that item; one on a case study
/// covers the case and every item in it. Findings without an item (bank-wide ones
/// such as QB501) and findings of QB0xx and QB9xx rules cannot be suppressed inline.
struct SuppressionPass {
    let bank: Bank
    let settings: LintSettings

    /// One suppression as written, with what it belongs to.
    private struct Entry {
        var suppression: Suppression
        var owner: String
        var file: String
        /// The rules its tokens name (nil for a token that names none).
        var rules: [RuleDescription?]
        var usedTokens: Set<Int> = []
        var usedAsBlanket = false
    }

    /// What the pass leaves: findings that stay active, the ones it silenced, and its own
    /// hygiene findings (QB9xx), which still need the project's settings applied.
    struct Result {
        var kept: [Diagnostic]
        var suppressed: [SuppressedDiagnostic]
        var hygiene: [Diagnostic]
    }

    func apply(to diagnostics: [Diagnostic]) -> Result {
        var entries: [Entry] = []
        var scopes: [ScopeKey: [Int]] = [:]
        func add(_ list: [Suppression], owner: String, file: String) -> [Int] {
            list.map { suppression in
                entries.append(Entry(suppression: suppression, owner: owner, file: file,
                                     rules: suppression.rules.map(Self.rule(named:))))
                return entries.count - 1
            }
        }
        // Items are read in place by index (not copied by `for item in`), and only scopes that
        // hold a suppression get an entry: a missing scope and an empty one match nothing alike.
        func scope(_ item: Item, file: String, shared: [Int]) {
            let list = add(item.suppressions, owner: item.id, file: file) + shared
            if !list.isEmpty { scopes[ScopeKey(file: file, id: item.id), default: []] += list }
        }
        for file in bank.files {
            for index in file.items.indices { scope(file.items[index], file: file.path, shared: []) }
            for study in file.cases {
                let shared = add(study.suppressions, owner: study.id, file: file.path)
                if !shared.isEmpty { scopes[ScopeKey(file: file.path, id: study.id), default: []] += shared }
                for index in study.items.indices { scope(study.items[index], file: file.path, shared: shared) }
            }
        }
        guard !entries.isEmpty else { return Result(kept: diagnostics, suppressed: [], hygiene: []) }

        var kept: [Diagnostic] = []
        var suppressed: [SuppressedDiagnostic] = []
        for diagnostic in diagnostics {
            guard let item = diagnostic.itemID, let rule = BuiltInRules.description(of: diagnostic.ruleID), Self.isSuppressible(rule),
                  let candidates = scopes[ScopeKey(file: diagnostic.location.file, id: item)],
                  let match = Self.firstMatch(for: rule, among: candidates, entries)
            else {
                kept.append(diagnostic)
                continue
            }
            if let token = match.token { entries[match.entry].usedTokens.insert(token) } else { entries[match.entry].usedAsBlanket = true }
            suppressed.append(SuppressedDiagnostic(diagnostic, kind: .inSource, justification: entries[match.entry].suppression.reason))
        }
        return Result(kept: kept, suppressed: suppressed.sorted { Diagnostic.reportOrder($0.diagnostic, $1.diagnostic) },
                      hygiene: entries.flatMap(hygiene))
    }

    private struct ScopeKey: Hashable {
        var file: String
        var id: String
    }

    /// The first suppression (in the item's own order, then its case's) that covers the rule.
    private static func firstMatch(for rule: RuleDescription, among candidates: [Int], _ entries: [Entry]) -> (entry: Int, token: Int?)? {
        for index in candidates {
            let entry = entries[index]
            if entry.suppression.isBlanket { return (index, nil) }
            if let token = entry.rules.firstIndex(where: { $0?.id == rule.id }) { return (index, token) }
        }
        return nil
    }

    static func rule(named token: String) -> RuleDescription? {
        BuiltInRules.descriptions.first { RuleSelection.names(token, $0) }
    }

    static func isSuppressible(_ rule: RuleDescription) -> Bool {
        rule.category != .syntax && rule.category != .suppression
    }

    private func hygiene(_ entry: Entry) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let location = entry.suppression.origin.location ?? SourceLocation(file: entry.file, line: 1, column: 1)
        func report(_ rule: RuleDescription, _ message: String) {
            found.append(Diagnostic(ruleID: rule.id, ruleName: rule.name, severity: rule.severity, message: message,
                                    location: location, itemID: entry.owner))
        }
        let owner = "'\(entry.owner)'"
        for (index, token) in entry.suppression.rules.enumerated() {
            guard let rule = entry.rules[index] else {
                var message = "suppression on \(owner) names '\(token)', which is no rule"
                if let near = Suggestion.nearest(to: token, in: BuiltInRules.descriptions.flatMap { [$0.id, $0.name] }) { message += " (did you mean '\(near)'?)" }
                report(UnknownRuleInSuppressionRule.description, message + "; `qbank rules` lists them")
                continue
            }
            if !Self.isSuppressible(rule) {
                report(UnknownRuleInSuppressionRule.description,
                       "suppression on \(owner) names \(rule.id) \(rule.name), which cannot be suppressed; fix what it reports")
            } else if !entry.usedTokens.contains(index), settings.level(of: rule, inFile: entry.file) != .off {
                report(UnusedSuppressionRule.description,
                       "suppression of \(rule.id) \(rule.name) on \(owner) is unused: the rule reports nothing there; remove it")
            }
        }
        if entry.suppression.isBlanket, !entry.usedAsBlanket {
            report(UnusedSuppressionRule.description, "blanket suppression on \(owner) is unused: no rule reports anything there; remove it")
        }
        switch (entry.suppression.isBlanket, entry.suppression.reason == nil) {
        case (true, true):
            report(BlanketSuppressionRule.description, "suppression on \(owner) names no rule and gives no reason; name the rules and say why after ' - '")
        case (true, false):
            report(BlanketSuppressionRule.description, "suppression on \(owner) names no rule, so it silences every rule; name the rules it is for")
        case (false, true):
            report(BlanketSuppressionRule.description, "suppression on \(owner) gives no reason; say why after ' - ' so reviewers can judge it")
        case (false, false):
            break
        }
        return found
    }
}

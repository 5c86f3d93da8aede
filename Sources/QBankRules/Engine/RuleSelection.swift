import QBankCore

/// Which rules run: `--select` and `--ignore` take rule codes (`QB101`), names
/// (`duplicate-id`), code prefixes (`QB1`), categories (`structure`) or `ALL`.
public struct RuleSelection: Sendable {
    public var selected: [String]
    public var ignored: [String]

    /// - Parameters:
    ///   - selected: what to run; empty means every rule.
    ///   - ignored: what to leave out of the selection.
    public init(select selected: [String] = [], ignore ignored: [String] = []) {
        self.selected = selected
        self.ignored = ignored
    }

    public func isEnabled(_ rule: RuleDescription) -> Bool {
        let inSelection = selected.isEmpty || selected.contains { Self.token($0, matches: rule) }
        return inSelection && !ignored.contains { Self.token($0, matches: rule) }
    }

    /// Tokens that name no rule at all, so the CLI can refuse them instead of ignoring a typo.
    public func unknownTokens(among rules: [RuleDescription]) -> [String] {
        (selected + ignored).filter { token in !rules.contains { Self.token(token, matches: $0) } }
    }

    static let exactSpecificity = 1000

    /// How narrowly a matching token names a rule: `ALL` 0, a category 1, a code
    /// prefix its length, a code or name `exactSpecificity`.
    static func specificity(of raw: String, for rule: RuleDescription) -> Int {
        let token = raw.trimmingWhitespace()
        if token.caseInsensitiveEquals(rule.id) || token.caseInsensitiveEquals(rule.name) { return exactSpecificity }
        if token.uppercased() == "ALL" { return 0 }
        if token.caseInsensitiveEquals(rule.category.rawValue) { return 1 }
        return token.count
    }

    /// True when the token is exactly one rule's code or name (what suppressions and options take).
    public static func names(_ token: String, _ rule: RuleDescription) -> Bool {
        specificity(of: token, for: rule) == exactSpecificity
    }

    static func token(_ raw: String, matches rule: RuleDescription) -> Bool {
        let token = raw.trimmingWhitespace()
        if token.uppercased() == "ALL" { return true }
        if token.caseInsensitiveEquals(rule.id) || token.caseInsensitiveEquals(rule.name) { return true }
        if token.caseInsensitiveEquals(rule.category.rawValue) { return true }
        let upper = token.uppercased()
        return upper.count >= 3 && upper.hasPrefix("QB") && upper.dropFirst(2).allSatisfy(\.isNumber) && rule.id.hasPrefix(upper)
    }
}

extension String {
    fileprivate func trimmingWhitespace() -> String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }

    fileprivate func caseInsensitiveEquals(_ other: String) -> Bool { lowercased() == other.lowercased() }
}

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

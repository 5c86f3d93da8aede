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
        if token.isAll { return 0 }
        if token.caseInsensitiveEquals(rule.category.rawValue) { return 1 }
        return token.count
    }

    /// True when the token is exactly one rule's code or name (what suppressions and options take).
    public static func names(_ token: String, _ rule: RuleDescription) -> Bool {
        specificity(of: token, for: rule) == exactSpecificity
    }

    static func token(_ raw: String, matches rule: RuleDescription) -> Bool {
        let token = raw.trimmingWhitespace()
        if token.isAll { return true }
        if token.caseInsensitiveEquals(rule.id) || token.caseInsensitiveEquals(rule.name) { return true }
        if token.caseInsensitiveEquals(rule.category.rawValue) { return true }
        if let prefix = asciiCodePrefix(token) { return !prefix.isEmpty && rule.id.utf8.starts(with: prefix) }
        let upper = token.uppercased()
        return upper.count >= 3 && upper.hasPrefix("QB") && upper.dropFirst(2).allSatisfy(\.isNumber) && rule.id.hasPrefix(upper)
    }

    /// An ASCII token's bytes upper-cased when it is a code prefix (`QB` and at least one digit), `[]` when an
    /// ASCII token is not one, nil for other tokens (judged on `Character`s). Selections are checked for every
    /// rule and every finding, so this allocates nothing.
    private static func asciiCodePrefix(_ token: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        for (index, byte) in token.utf8.enumerated() {
            guard byte < 0x80 else { return nil }
            let upper = byte >= 0x61 && byte <= 0x7A ? byte - 0x20 : byte
            let fits = index == 0 ? upper == 0x51 : index == 1 ? upper == 0x42 : upper >= 0x30 && upper <= 0x39
            if !fits { return token.utf8.allSatisfy { $0 < 0x80 } ? [] : nil }
            bytes.append(upper)
        }
        return bytes.count >= 3 ? bytes : []
    }
}

extension String {
    fileprivate func trimmingWhitespace() -> String {
        guard let first, let last, first.isWhitespace || last.isWhitespace else { return self }
        return String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }

    /// `uppercased() == "ALL"`, without upper-casing an ASCII token.
    fileprivate var isAll: Bool {
        utf8.allSatisfy { $0 < 0x80 } ? caseInsensitiveEquals("ALL") : uppercased() == "ALL"
    }

    /// `lowercased() == other.lowercased()`, compared byte by byte when both are ASCII (no allocation).
    fileprivate func caseInsensitiveEquals(_ other: String) -> Bool {
        let (mine, theirs) = (utf8, other.utf8)
        if mine.count == theirs.count {
            var ascii = true
            for (a, b) in zip(mine, theirs) {
                guard a < 0x80, b < 0x80 else { ascii = false; break }
                if a != b, a | 0x20 != b | 0x20 || !(0x61...0x7A).contains(a | 0x20) { return false }
            }
            if ascii { return true }
        } else if mine.allSatisfy({ $0 < 0x80 }) && theirs.allSatisfy({ $0 < 0x80 }) {
            return false
        }
        return lowercased() == other.lowercased()
    }
}

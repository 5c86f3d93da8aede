/// An author's decision that some rules do not apply to one item or case study,
/// written next to it in the bank file so that it travels with the item and is
/// reviewed with it.
///
/// XML: a comment right before the `<item>`/`<case>`, `<!-- qbank-disable QB304 key-is-longest - reason -->`.
/// JSON: a member of the item or case, `"qbank": {"disable": ["QB304"], "reason": "…"}`.
/// An empty `rules` list is a blanket suppression (every rule); lint reports it (QB903).
public struct Suppression: Hashable, Sendable {
    /// Rule codes or names exactly as written.
    public var rules: [String]
    /// Why the rules do not apply; nil when none was given (QB903 reports that).
    public var reason: String?
    /// Where the comment or `qbank` member starts.
    public var origin: Origin

    public init(rules: [String], reason: String? = nil, origin: Origin = .unknown) {
        self.rules = rules
        self.reason = reason
        self.origin = origin
    }

    public var isBlanket: Bool { rules.isEmpty }

    /// The keyword that starts a suppression comment in XML.
    public static let keyword = "qbank-disable"

    /// The XML comment text (without `<!--`/`-->`) for this suppression, canonical form:
    /// ` qbank-disable RULE RULE - reason `.
    public var commentText: String {
        var text = " " + Self.keyword
        if !rules.isEmpty { text += " " + rules.joined(separator: " ") }
        if let reason { text += " - " + reason }
        // Only reached for models no reader accepts without a QB002 finding; keep the file well-formed.
        var safe = ""
        for character in text {
            if character == "-", safe.last == "-" { safe.append(" ") }
            safe.append(character)
        }
        return safe + " "
    }

    /// Reads the text of an XML comment (between `<!--` and `-->`). Nil when the comment
    /// is not a suppression: it must start with `qbank-disable` followed by white space
    /// or nothing. Rules are separated by white space or commas; the reason follows the
    /// first ` - ` (a hyphen with white space on both sides), as in SwiftLint.
    public static func parseComment(_ comment: String, origin: Origin = .unknown) -> Suppression? {
        let trimmed = comment.drop(while: \.isWhitespace)
        guard trimmed.hasPrefix(keyword) else { return nil }
        let rest = trimmed.dropFirst(keyword.count)
        if let next = rest.first, !next.isWhitespace { return nil }
        var rules: [String] = []
        var reasonWords: [Substring] = []
        var inReason = false
        for word in rest.split(whereSeparator: \.isWhitespace) {
            if inReason { reasonWords.append(word); continue }
            if word == "-" { inReason = true; continue }
            rules += word.split(separator: ",").map(String.init)
        }
        return Suppression(rules: rules, reason: normalizeReason(reasonWords.joined(separator: " ")), origin: origin)
    }

    /// Reasons are one line in both syntaxes (an XML comment line): white space runs
    /// become one space; an empty reason is no reason.
    public static func normalizeReason(_ raw: String?) -> String? {
        guard let raw else { return nil }
        let words = raw.split(whereSeparator: \.isWhitespace)
        return words.isEmpty ? nil : words.joined(separator: " ")
    }

    /// What a rule token may look like: a code or a kebab-case name. Anything else
    /// could not be written back as an XML comment unchanged.
    public static func isWellFormedRuleToken(_ token: String) -> Bool {
        let parts = token.split(separator: "-", omittingEmptySubsequences: false)
        return !token.isEmpty && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }

    /// What a reason may contain so it can be written as an XML comment: no `--`, no final `-`.
    public static func isWritableReason(_ reason: String) -> Bool {
        !reason.contains("--") && !reason.hasSuffix("-")
    }
}

/// A finding that was found but is not counted: suppressed inline by the author, or
/// accepted in a baseline. Kept so SARIF can report it as suppressed (GitHub shows it
/// as dismissed) instead of letting it vanish.
public struct SuppressedDiagnostic: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable {
        /// A `qbank-disable` comment or `qbank` member in the bank file (SARIF `inSource`).
        case inSource
        /// An entry of the baseline file (SARIF `external`).
        case external
    }

    public var diagnostic: Diagnostic
    public var kind: Kind
    /// The reason the author wrote, or which baseline file accepted it.
    public var justification: String?

    public init(_ diagnostic: Diagnostic, kind: Kind, justification: String?) {
        self.diagnostic = diagnostic
        self.kind = kind
        self.justification = justification
    }
}

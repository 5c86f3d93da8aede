import QBankCore

/// A problem in `qbank.json` or a baseline file, with where it is. The CLI prints
/// it as `file:line:col: message` and exits 2.
public struct ConfigError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public var location: SourceLocation

    public init(_ message: String, at location: SourceLocation) {
        self.message = message
        self.location = location
    }

    public var description: String { "\(location): \(message)" }
}

import QBankCore

/// A rule with options (thresholds, word lists) that a project can set in `qbank.json`:
///
/// ```json
/// "rules": { "QB503": { "options": { "threshold": 0.85 } } }
/// ```
///
/// Adopting it takes two members. `options` lists every option with its current value,
/// which on a fresh instance is the default (`qbank lint --print-config` shows them);
/// `configure` reads the values the project set, with range checks, through the typed
/// helpers of `RuleOptions`. The engine rejects option names not in `options` before
/// calling `configure`, with the place in the config file.
///
/// ```swift
/// extension KeyIsLongestRule: ConfigurableRule {
///     public var options: [String: RuleOptionValue] { ["ratio": .number(ratio), "metaOptions": .strings(metaOptions)] }
///     public mutating func configure(_ options: RuleOptions) throws(RuleOptionError) {
///         try options.read("ratio", into: &ratio, in: 1...10)
///         try options.read("metaOptions", into: &metaOptions)
///     }
/// }
/// ```
public protocol ConfigurableRule: Rule {
    var options: [String: RuleOptionValue] { get }
    mutating func configure(_ options: RuleOptions) throws(RuleOptionError)
}

extension ConfigurableRule {
    public var asConfigurable: (any ConfigurableRule)? { self }
}

/// One option value as a config file can write it.
public enum RuleOptionValue: Hashable, Sendable, CustomStringConvertible {
    case bool(Bool)
    case number(Double)
    case string(String)
    case strings([String])

    public var kindDescription: String {
        switch self {
        case .bool: "true or false"
        case .number: "a number"
        case .string: "a string"
        case .strings: "an array of strings"
        }
    }

    public var description: String {
        switch self {
        case .bool(let value): "\(value)"
        case .number(let value): value == value.rounded() && abs(value) < 1e15 ? "\(Int64(value))" : "\(value)"
        case .string(let value): "\"\(value)\""
        case .strings(let values): "[" + values.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
        }
    }
}

/// The options a project set for one rule, with where each was written.
public struct RuleOptions: Sendable {
    public var values: [String: RuleOptionValue]
    /// Where each option's value was written, for error messages.
    public var locations: [String: SourceLocation]
    /// Where the options object itself starts.
    public var location: SourceLocation?

    public init(_ values: [String: RuleOptionValue] = [:], locations: [String: SourceLocation] = [:], location: SourceLocation? = nil) {
        self.values = values
        self.locations = locations
        self.location = location
    }

    public var isEmpty: Bool { values.isEmpty }

    private func error(_ name: String, _ message: String) -> RuleOptionError {
        RuleOptionError("option '\(name)' \(message)", at: locations[name] ?? location)
    }

    /// A number within `range`; leaves `target` alone when the option is not set.
    public func read(_ name: String, into target: inout Double, in range: ClosedRange<Double>) throws(RuleOptionError) {
        guard let value = values[name] else { return }
        guard case .number(let number) = value else { throw error(name, "must be a number, not \(value.kindDescription)") }
        guard range.contains(number) else { throw error(name, "must be from \(RuleOptionValue.number(range.lowerBound)) to \(RuleOptionValue.number(range.upperBound)), not \(value)") }
        target = number
    }

    /// An integer within `range`.
    public func read(_ name: String, into target: inout Int, in range: ClosedRange<Int>) throws(RuleOptionError) {
        guard let value = values[name] else { return }
        guard case .number(let number) = value, number == number.rounded(), abs(number) < 1e15 else {
            throw error(name, "must be a whole number, not \(value)")
        }
        guard range.contains(Int(number)) else { throw error(name, "must be from \(range.lowerBound) to \(range.upperBound), not \(value)") }
        target = Int(number)
    }

    public func read(_ name: String, into target: inout Bool) throws(RuleOptionError) {
        guard let value = values[name] else { return }
        guard case .bool(let flag) = value else { throw error(name, "must be true or false, not \(value.kindDescription)") }
        target = flag
    }

    public func read(_ name: String, into target: inout String) throws(RuleOptionError) {
        guard let value = values[name] else { return }
        guard case .string(let text) = value else { throw error(name, "must be a string, not \(value.kindDescription)") }
        target = text
    }

    /// A word list; a project's list replaces the default one.
    public func read(_ name: String, into target: inout [String]) throws(RuleOptionError) {
        guard let value = values[name] else { return }
        guard case .strings(let list) = value else { throw error(name, "must be an array of strings, not \(value.kindDescription)") }
        target = list
    }
}

extension RuleOptions {
    /// A set of words compared with lower-cased text: the project's list, lower-cased, replaces the default.
    public func read(_ name: String, into target: inout Set<String>) throws(RuleOptionError) {
        var list = target.sorted()
        try read(name, into: &list)
        target = Set(list.map { $0.lowercased() })
    }

    /// Phrases written as strings ("at least"), kept as lower-cased word sequences.
    func read(_ name: String, phrases target: inout [[String]]) throws(RuleOptionError) {
        var list = target.map { $0.joined(separator: " ") }
        try read(name, into: &list)
        target = list.map { $0.lowercased() }.asPhrases
    }
}

extension RuleOptionValue {
    /// A word set as a sorted list, so `--print-config` is stable.
    static func words(_ set: Set<String>) -> RuleOptionValue { .strings(set.sorted()) }
    /// Word sequences as the phrases a config writes.
    static func phrases(_ list: [[String]]) -> RuleOptionValue { .strings(list.map { $0.joined(separator: " ") }) }
}

/// A bad option value or name, with where it was written.
public struct RuleOptionError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public var location: SourceLocation?

    public init(_ message: String, at location: SourceLocation? = nil) {
        self.message = message
        self.location = location
    }

    public var description: String { location.map { "\($0): \(message)" } ?? message }
}

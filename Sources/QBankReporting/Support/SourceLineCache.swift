import Foundation

/// Source lines read on demand, for `LintReport.sourceLines`.
///
/// Only the text, GitHub and SARIF reporters show source lines, and only for files
/// with findings; reading and splitting every such file up front cost more than the
/// JSON report itself on a large bank and kept every file's text alive for the whole
/// run. This reads a file the first time a line of it is asked for and keeps its lines.
public final class SourceLineCache: @unchecked Sendable {
    private let read: @Sendable (String) -> String?
    private var lines: [String: [Substring]?] = [:]
    private let lock = NSLock()

    /// - Parameter read: the text of a file, or nil when it cannot be read.
    public init(read: @escaping @Sendable (String) -> String?) { self.read = read }

    /// Reads files from disk; a file that is not text (invalid UTF-8, or NUL bytes as in `/proc/self/environ`) has no
    /// lines to echo, so a report never copies binary or secret bytes into a log.
    public convenience init() {
        self.init { path in FileManager.default.contents(atPath: path).flatMap(Self.text) }
    }

    /// The bytes as text, or nil when they are not valid UTF-8 or hold a NUL.
    static func text(_ data: Data) -> String? {
        guard !data.contains(0) else { return nil }
        return String(validating: data, as: UTF8.self)
    }

    /// The lines of `file` (1-based line N is element N-1), or nil when it cannot be read.
    public func lines(of file: String) -> [Substring]? {
        lock.withLock {
            if let known = lines[file] { return known }
            let split = read(file).map { SourceText.lines(of: $0) }
            lines[file] = .some(split)
            return split
        }
    }
}

/// A mechanical repair of a finding, modelled on Ruff's: byte edits to the file the finding is in
/// and whether applying them without review is safe. `qbank lint --fix` applies safe fixes
/// (`--unsafe-fixes` adds unsafe ones), SARIF carries them as `fixes`, and the language server
/// offers them as quick fixes, so the model lives here, with the findings.
public struct Fix: Hashable, Sendable, Codable {
    public enum Applicability: String, Hashable, Sendable, Codable {
        /// Keeps the item's meaning: applied by `--fix`.
        case safe
        /// May change what a reader understands (or needs a human to confirm): only with `--unsafe-fixes`.
        case unsafe
    }

    /// What the fix does, as a command: "emphasise 'NOT' as <em>NOT</em>".
    public var title: String
    /// Non-overlapping edits, all in one file.
    public var edits: [TextEdit]
    public var applicability: Applicability

    public init(_ title: String, edits: [TextEdit], applicability: Applicability = .safe) {
        self.title = title
        self.edits = edits
        self.applicability = applicability
    }
}

/// Replaces the bytes `start..<end` of `file` (UTF-8 offsets in the file as read) with `replacement`,
/// already escaped for the file's syntax; an insertion has `start == end`.
public struct TextEdit: Hashable, Sendable, Codable {
    public var file: String
    public var start: Int
    public var end: Int
    public var replacement: String

    public init(file: String, start: Int, end: Int, replacement: String) {
        self.file = file
        self.start = start
        self.end = end
        self.replacement = replacement
    }

    /// Applies non-overlapping edits to `bytes`, dropping any edit that overlaps one before it
    /// (by start) or lies outside the text. Returns the new bytes and the edits applied.
    public static func apply(_ edits: [TextEdit], to bytes: [UInt8]) -> (bytes: [UInt8], applied: [TextEdit]) {
        var applied: [TextEdit] = []
        var lastEnd = 0
        for edit in edits.sorted(by: { ($0.start, $0.end, $0.replacement) < ($1.start, $1.end, $1.replacement) })
        where edit.start >= lastEnd && edit.start <= edit.end && edit.end <= bytes.count {
            applied.append(edit)
            lastEnd = edit.end
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var cursor = 0
        for edit in applied {
            out += bytes[cursor..<edit.start]
            out += Array(edit.replacement.utf8)
            cursor = edit.end
        }
        out += bytes[cursor...]
        return (out, applied)
    }
}

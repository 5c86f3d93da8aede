import QBankCore

/// Which fixes one `--fix` pass applies: per file, whole fixes in report order whose edits overlap
/// none already taken (the rest wait for the next pass, after the file is re-linted), safe ones
/// only unless unsafe fixes are asked for. As in Ruff, a fix is applied entirely or not at all.
public struct FixPlan {
    /// Fixes to apply per file (as named in the findings).
    public private(set) var fixes: [String: [Fix]] = [:]

    public init(_ diagnostics: [Diagnostic], unsafe: Bool) {
        var taken: [String: [TextEdit]] = [:]
        for diagnostic in diagnostics {
            guard let fix = diagnostic.fix, unsafe || fix.applicability == .safe, let file = fix.edits.first?.file,
                  fix.edits.allSatisfy({ $0.file == file }) else { continue }
            let overlaps = fix.edits.contains { edit in
                taken[file, default: []].contains { other in
                    edit.start < other.end && other.start < edit.end || (edit.start == other.start && (edit.start == edit.end || other.start == other.end))
                }
            }
            if overlaps { continue }
            taken[file, default: []] += fix.edits
            fixes[file, default: []].append(fix)
        }
    }

    public var isEmpty: Bool { fixes.isEmpty }
    public var count: Int { fixes.values.reduce(0) { $0 + $1.count } }

    /// `bytes` with every fix for one file applied.
    public static func apply(_ fixes: [Fix], to bytes: [UInt8]) -> [UInt8] {
        TextEdit.apply(fixes.flatMap(\.edits), to: bytes).bytes
    }
}

import Foundation
import Testing

/// Compares `actual` byte for byte with `Snapshots/<test>.<ext>` beside this target's
/// sources. A missing golden is written and the test fails with "Recorded new
/// baseline" (so a first run never passes silently); `RECORD_SNAPSHOTS=1` rewrites
/// goldens that differ, also failing once so the change is seen.
func assertSnapshot(
    _ actual: String, as ext: String, named name: String = #function,
    filePath: String = #filePath, sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    let testName = name.hasSuffix("()") ? String(name.dropLast(2)) : name
    let url = snapshotsDirectory(filePath).appendingPathComponent("\(testName).\(ext)")
    let record = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
    let expected = try? Data(contentsOf: url)
    if expected == Data(actual.utf8) { return }
    if record || expected == nil {
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url, options: .atomic)
            Issue.record("Recorded new baseline at \(url.path)", sourceLocation: sourceLocation)
        } catch {
            Issue.record("Could not record baseline at \(url.path): \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    let expectedText = String(decoding: expected!, as: UTF8.self)
    Issue.record(
        """
        Output differs from \(url.lastPathComponent) (re-record with RECORD_SNAPSHOTS=1):
        \(firstDifference(expectedText, actual))
        """, sourceLocation: sourceLocation)
}

/// `Snapshots/` beside the test sources: up from `Support/` when called from here.
private func snapshotsDirectory(_ filePath: String) -> URL {
    var directory = URL(fileURLWithPath: filePath).deletingLastPathComponent()
    while directory.lastPathComponent != "QBankReportingTests", directory.path != "/" {
        directory.deleteLastPathComponent()
    }
    return directory.appendingPathComponent("Snapshots")
}

private func firstDifference(_ expected: String, _ actual: String) -> String {
    let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
    for index in 0..<max(expectedLines.count, actualLines.count) {
        let lhs = index < expectedLines.count ? String(expectedLines[index]) : "<end>"
        let rhs = index < actualLines.count ? String(actualLines[index]) : "<end>"
        if lhs != rhs { return "line \(index + 1):\n  expected: \(lhs)\n  actual:   \(rhs)" }
    }
    return "(difference in line endings or trailing bytes)"
}

/// The repository root (…/Tests/QBankReportingTests/Support/ is three levels below it).
/// Uses this file's own path, not the caller's.
func repositoryRoot() -> URL {
    URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
}

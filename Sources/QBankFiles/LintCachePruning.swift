import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps `.qbank-cache` from growing without bound as files change (each change leaves the old
/// file's entry and the bank's behind): every run marks the entries it used by their modification
/// time and logs its start in `runs`; once the log holds twice `keptRuns` runs, entries that none
/// of the last `keptRuns` runs used are deleted and the log is cut back. Safe under concurrent
/// runs: an entry or signature that disappears is only ever a miss, and the file is read again.
extension LintCache {
    /// Runs an entry may go unused before it is pruned (it goes within twice as many).
    public static let keptRuns = 10
    static let runLogName = "runs"

    /// The entry files under `keys` (`.lint` and `.sig`), as named in the folder.
    func entryPaths(_ keys: [String]) -> [String] { keys.flatMap { [path(of: $0), signaturePath(of: $0)] } }

    /// Marks the entries under `keys` as used by this run, so pruning keeps them; missing ones are passed over.
    public func markUsed(_ keys: [String]) {
        for path in entryPaths(keys) { _ = utimes(path, nil) }
    }

    /// Logs this run's start and, when the log is long enough, prunes: see the type's note. Does
    /// nothing when the folder does not exist (nothing was stored).
    public func finishRun() {
        let log = folder + "/" + Self.runLogName
        guard FileManager.default.fileExists(atPath: folder + "/.gitignore") else { return }
        let line = Array("\(Self.milliseconds(started))\n".utf8)
        let descriptor = open(log, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return }
        _ = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
        guard let text = try? String(contentsOfFile: log, encoding: .utf8) else { return }
        let starts = text.split(separator: "\n").compactMap { Int64($0) }.sorted(by: >)
        guard starts.count >= 2 * Self.keptRuns else { return }
        prune(usedBefore: starts[Self.keptRuns - 1])
        try? AtomicFile.write(starts.prefix(Self.keptRuns).reversed().map { "\($0)\n" }.joined(), to: log)
    }

    /// Deletes entries, signatures and left-over temporary files last used or written before `cutoff` (milliseconds).
    func prune(usedBefore cutoff: Int64) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where Self.isPrunable(name) {
            let path = folder + "/" + name
            var status = stat()
            guard stat(path, &status) == 0 else { continue }
            let modified = Int64(status.st_mtim.tv_sec) * 1_000 + Int64(status.st_mtim.tv_nsec) / 1_000_000
            if modified < cutoff { unlink(path) }
        }
    }

    /// An entry (`<32 hex>.lint`), a signature (`.sig`) or a temporary file a crashed run left (`.<name>.<pid>.tmp`).
    static func isPrunable(_ name: String) -> Bool {
        if name.hasPrefix("."), name.hasSuffix(".tmp") { return true }
        let parts = name.split(separator: ".")
        return parts.count == 2 && (parts[1] == "lint" || parts[1] == "sig") && parts[0].utf8.count == 32
            && parts[0].utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    static func milliseconds(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1_000).rounded(.down)) }

    /// Now, by the clock the kernel stamps files with (a tick behind the precise one), so that every
    /// file this run writes or marks later is stamped at or after its start.
    public static func fileClockNow() -> Date {
        #if os(Linux)
        var now = timespec()
        if clock_gettime(CLOCK_REALTIME_COARSE, &now) == 0 {
            return Date(timeIntervalSince1970: Double(now.tv_sec) + Double(now.tv_nsec / 1_000_000) / 1_000)
        }
        #endif
        return Date(timeIntervalSince1970: (Date().timeIntervalSince1970 - 0.02).rounded(.down))
    }
}

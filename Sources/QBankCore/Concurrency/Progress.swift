import Foundation

/// Told how far a long run has got: `done` of `total` units of `phase` (e.g. files read).
/// Called from any thread, possibly concurrently; must return quickly.
public typealias ProgressHandler = @Sendable (_ phase: String, _ done: Int, _ total: Int) -> Void

/// Counts finished units of parallel work and tells a `ProgressHandler`, if there is one.
public final class ProgressCounter: @unchecked Sendable {
    private let total: Int
    private let phase: String
    private let handler: ProgressHandler?
    private var done = 0
    private let lock = NSLock()

    public init(total: Int, phase: String, handler: ProgressHandler?) {
        self.total = total
        self.phase = phase
        self.handler = handler
        handler?(phase, 0, total)
    }

    public func advance() {
        guard let handler else { return }
        let now = lock.withLock { () -> Int in done += 1; return done }
        handler(phase, now, total)
    }
}

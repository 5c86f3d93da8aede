import ArgumentParser
import Foundation
import QBankCore

/// `--progress` / `--no-progress`, shared by every long-running command.
struct ProgressOptions: ParsableArguments {
    @Flag(inversion: .prefixedNo, help: "Show progress on stderr (default: only when stderr is a terminal).")
    var progress: Bool?

    /// A handler for the loaders and engines, or nil when progress stays silent.
    func bar(label: String) -> ProgressHandler? {
        let terminal = isatty(STDERR_FILENO) != 0
        guard progress ?? terminal else { return nil }
        return ProgressBar(label: label, redraws: terminal).handler
    }
}

/// Draws progress on stderr: one self-redrawing line on a terminal, or a plain line every
/// tenth of the way when stderr is a log (`--progress` in CI), so logs stay readable.
/// Stdout is never touched, so reports piped from it stay clean.
final class ProgressBar: @unchecked Sendable {
    private let label: String
    private let redraws: Bool
    private let lock = NSLock()
    private var shown: (phase: String, step: Int)?
    private static let width = 24

    init(label: String, redraws: Bool) {
        self.label = label
        self.redraws = redraws
    }

    var handler: ProgressHandler { { [self] phase, done, total in self.update(phase, done, total) } }

    private func update(_ phase: String, _ done: Int, _ total: Int) {
        guard total > 0 else { return }
        lock.lock()
        defer { lock.unlock() }
        let fraction = Double(min(done, total)) / Double(total)
        // Redraw only when what is shown would change: a 100,000-file run writes ~100 lines, not 100,000.
        let step = redraws ? Int(fraction * 100) : Int(fraction * 10)
        if let shown, shown.phase == phase, shown.step == step { return }
        shown = (phase, step)
        let filled = Int(fraction * Double(Self.width))
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: Self.width - filled)
        let text = "\(label): \(phase) [\(bar)] \(done)/\(total)"
        if redraws {
            write("\r\u{1B}[2K" + text + (done >= total ? "\r\u{1B}[2K" : ""))
        } else {
            write(text + "\n")
        }
    }

    private func write(_ text: String) {
        Console.err(text)
    }
}

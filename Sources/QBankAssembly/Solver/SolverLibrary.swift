#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A MIP solver's shared library, opened with `dlopen` the first time a solve needs it instead of
/// being linked: `lint`, `import`, `fmt`… then run on machines without HiGHS or CBC, and
/// `assemble` can say which package is missing instead of the loader refusing to start qbank.
public final class SolverLibrary: @unchecked Sendable {
    /// What `assemble` prints when the library cannot be opened: the solver, where qbank looked, how to install it.
    public struct Unavailable: Error, CustomStringConvertible, Sendable {
        public let solver: String
        public let reason: String
        public let install: String
        public var description: String { "\(solver) is not available: \(reason)\n\(install)" }
    }

    private let handles: [UnsafeMutableRawPointer]
    private let solver: String, install: String

    /// Opens the first file of each group in `libraries` that loads: a copy bundled in `lib/` beside
    /// the executable's folder (the release archive) first, then the system's library path.
    /// One group per library (e.g. CBC's solver and Clp), each a list of file names to try.
    public init(solver: String, libraries: [[String]], install: String) throws(Unavailable) {
        self.solver = solver
        self.install = install
        var handles: [UnsafeMutableRawPointer] = []
        for names in libraries {
            var errors: [String] = []
            var opened: UnsafeMutableRawPointer?
            for path in names.flatMap({ Self.bundledCandidates($0) + [$0] }) where opened == nil {
                opened = dlopen(path, RTLD_NOW | RTLD_LOCAL)
                if opened == nil, let message = dlerror() { errors.append(String(cString: message)) }
            }
            guard let opened else {
                for handle in handles { dlclose(handle) }
                let detail = errors.first { !$0.contains("No such file") } ?? "\(names[0]) is not installed"
                throw Unavailable(solver: solver, reason: detail, install: install)
            }
            handles.append(opened)
        }
        self.handles = handles
    }

    /// The C function `name`, typed as the `@convention(c)` function type `T` the adapter declares
    /// from the library's header.
    public func function<T>(_ name: String, as type: T.Type = T.self) throws(Unavailable) -> T {
        for handle in handles {
            if let symbol = dlsym(handle, name) { return unsafeBitCast(symbol, to: type) }
        }
        throw Unavailable(solver: solver, reason: "its library has no function \(name) (too old a version?)", install: install)
    }

    /// `<prefix>/lib/<name>` when qbank runs from `<prefix>/bin/qbank`, as the release archive lays it out.
    private static func bundledCandidates(_ name: String) -> [String] {
        guard let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() else { return [] }
        let lib = executable.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("lib")
        return [lib.appendingPathComponent(name).path]
    }
}

import Foundation
import QBankRules

/// Finds bank files under the paths a user names.
public enum FileDiscovery {
    /// File names that live in bank folders but are not bank files.
    static let reservedNames: Set<String> = ["blueprint.json", "qbank.json", "qbank-baseline.json", "package.json"]

    public static func isBankFile(_ name: String) -> Bool {
        let lower = name.lowercased()
        guard lower.hasSuffix(".xml") || lower.hasSuffix(".json") else { return false }
        return !reservedNames.contains(lower) && !lower.hasSuffix(".schema.json") && !lower.hasPrefix(".")
    }

    /// Folders no walk enters unless a config's `exclude` replaces this list (hidden folders are always skipped).
    public static let defaultExclude = ["node_modules", ".build", ".swiftpm"]

    /// What a walk leaves out of folders, and why.
    public struct Options: Sendable {
        /// Globs of files and folders not to walk: bare names at any depth, or absolute paths.
        public var exclude: [String]
        public var respectGitIgnore: Bool

        public init(exclude: [String] = FileDiscovery.defaultExclude, respectGitIgnore: Bool = true) {
            self.exclude = exclude
            self.respectGitIgnore = respectGitIgnore
        }
    }

    /// A file or folder a walk passed over, for `--show-files` and `--verbose`. `notable` ones (a symbolic link
    /// leading outside the named folder or back into it, a FIFO, device or socket) are also told on stderr without
    /// `--verbose`, so nothing a link points at is left out silently.
    public struct Skipped: Hashable, Sendable, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var notable: Bool

        public init(path: String, reason: String, notable: Bool = false) {
            self.path = path
            self.reason = reason
            self.notable = notable
        }

        public var description: String { "skipped \(path): \(reason)" }
    }

    /// The files to read, and what was left out of the folders.
    public struct Found: Sendable {
        public var files: [String] = []
        public var skipped: [Skipped] = []

        public init(files: [String] = [], skipped: [Skipped] = []) {
            self.files = files
            self.skipped = skipped
        }
    }

    /// Bank files named directly or found recursively under folders, sorted, without repeats.
    public static func bankFiles(in paths: [String]) throws(FilesError) -> [String] {
        var skipped: [Skipped] = []
        return try bankFiles(in: paths, skipped: &skipped)
    }

    /// As `bankFiles(in:)`; the notable entries of what the walk left out (links, loops, special files) go to
    /// `skipped`, for the caller to tell on stderr.
    public static func bankFiles(in paths: [String], skipped: inout [Skipped]) throws(FilesError) -> [String] {
        let found = try discover(paths)
        skipped += found.skipped.filter(\.notable)
        return found.files
    }

    /// A file named directly is taken whatever it says, so a typo is reported by the reader rather than skipped,
    /// but only if it is a regular file (a FIFO would hang the read). Folders contribute only the regular `.xml` and
    /// `.json` files that declare themselves bank files, outside hidden folders, `exclude` globs and `.gitignore`d
    /// paths; symbolic links are followed only when they resolve inside the named folder (a link committed to
    /// `/proc/self/environ` or `~/.aws` is skipped, never read into a report), a link back to a folder already
    /// walked (a loop) is skipped, and a file reached by two paths is read once.
    public static func discover(_ paths: [String], options: Options = Options()) throws(FilesError) -> Found {
        var found = Found()
        for path in paths {
            var status = stat()
            guard stat(path, &status) == 0 else { throw .notFound(path) }
            guard Kind(status) == .directory else {
                guard Kind(status) == .regular else { throw .unreadable(path, "not a regular file (a FIFO, device or socket)") }
                found.files.append(path)
                continue
            }
            guard let root = realPath(path) else { throw .unreadable(path, "cannot resolve the folder") }
            var walk = Walk(options: options, realRoot: root)
            try walk.run(root: path)
            found.files += walk.files.sorted()
            found.skipped += walk.skipped
        }
        var seen = Set<String>()
        found.files = found.files.filter { seen.insert(realPath($0) ?? ($0 as NSString).standardizingPath).inserted }
        return found
    }

    enum Kind {
        case directory, regular, symbolicLink, other

        init(_ status: stat) {
            switch status.st_mode & S_IFMT {
            case S_IFDIR: self = .directory
            case S_IFREG: self = .regular
            case S_IFLNK: self = .symbolicLink
            default: self = .other
            }
        }
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func join(_ folder: String, _ relative: String) -> String {
        if folder == "." { return relative }
        return folder.hasSuffix("/") ? folder + relative : folder + "/" + relative
    }

    /// The `blueprint.json` nearest to a file: in its folder or the closest parent.
    public static func blueprintPath(for file: String, cache: inout [String: String?]) -> String? {
        var folder = (absolute(file) as NSString).deletingLastPathComponent
        var visited: [String] = []
        defer { }
        while true {
            if let known = cache[folder] {
                for path in visited { cache[path] = known }
                return known
            }
            visited.append(folder)
            let candidate = (folder as NSString).appendingPathComponent("blueprint.json")
            if FileManager.default.fileExists(atPath: candidate) {
                for path in visited { cache[path] = candidate }
                return candidate
            }
            let parent = (folder as NSString).deletingLastPathComponent
            if parent == folder || parent.isEmpty {
                for path in visited { cache[path] = .some(nil) }
                return nil
            }
            folder = parent
        }
    }

    /// The folder of the bank `folder` belongs to: the nearest folder at or above it with a `blueprint.json`,
    /// spelled relative when `folder` is, or `folder` itself when there is none.
    public static func bankRoot(of folder: String) -> String {
        var candidate = folder
        while true {
            if FileManager.default.fileExists(atPath: (candidate as NSString).appendingPathComponent("blueprint.json")) { return candidate }
            if absolute(candidate) == "/" { return folder }
            if candidate == "." || candidate.hasSuffix("..") {
                candidate = candidate == "." ? ".." : candidate + "/.."
            } else {
                let parent = (candidate as NSString).deletingLastPathComponent
                candidate = parent.isEmpty ? "." : parent
            }
        }
    }

    public static func absolute(_ path: String) -> String {
        let url = URL(fileURLWithPath: path)
        return url.standardizedFileURL.path
    }
}

extension FileDiscovery.Options {
    /// The walk a project configured: its `exclude` (or the defaults) plus its `extend-exclude`.
    public init(settings: LintSettings) {
        self.init(exclude: (settings.exclude ?? FileDiscovery.defaultExclude) + settings.extendExclude)
    }
}

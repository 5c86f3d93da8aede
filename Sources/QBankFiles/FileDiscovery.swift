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

    /// A file or folder a walk passed over, for `--show-files` and `--verbose`.
    public struct Skipped: Sendable, Equatable {
        public var path: String
        public var reason: String
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
        try discover(paths).files
    }

    /// A file named directly is taken whatever it says, so a typo is reported by the reader
    /// rather than skipped; folders contribute only the `.xml` and `.json` files that declare
    /// themselves bank files, outside hidden folders, `exclude` globs and `.gitignore`d paths.
    public static func discover(_ paths: [String], options: Options = Options()) throws(FilesError) -> Found {
        var found = Found()
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .notFound(path) }
            guard isDirectory.boolValue else { found.files.append(path); continue }
            var walk = Walk(options: options)
            try walk.run(root: path)
            found.files += walk.files.sorted()
            found.skipped += walk.skipped
        }
        var seen = Set<String>()
        found.files = found.files.filter { seen.insert(($0 as NSString).standardizingPath).inserted }
        return found
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

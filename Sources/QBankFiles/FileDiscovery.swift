import Foundation

/// Finds bank files under the paths a user names.
public enum FileDiscovery {
    /// File names that live in bank folders but are not bank files.
    static let reservedNames: Set<String> = ["blueprint.json", "qbank.json", "qbank-baseline.json", "package.json"]

    static func isBankFile(_ name: String) -> Bool {
        let lower = name.lowercased()
        guard lower.hasSuffix(".xml") || lower.hasSuffix(".json") else { return false }
        return !reservedNames.contains(lower) && !lower.hasSuffix(".schema.json") && !lower.hasPrefix(".")
    }

    /// A path the walk did not read, and why (printed so nothing is left out silently).
    public struct Skipped: Hashable, Sendable, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "skipped \(path): \(reason)" }
    }

    /// Bank files named directly or found recursively under folders, sorted, without repeats.
    public static func bankFiles(in paths: [String]) throws(FilesError) -> [String] {
        var skipped: [Skipped] = []
        return try bankFiles(in: paths, skipped: &skipped)
    }

    /// Bank files named directly or found recursively under folders, sorted, without repeats; what the walk left out
    /// goes to `skipped`.
    ///
    /// A file named directly is taken whatever its extension says, so a typo is reported by the reader rather than
    /// skipped, but only if it is a regular file (a FIFO would hang the read). In folders only regular `.xml` and
    /// `.json` files count, and symbolic links are followed only when they resolve inside the named folder: a link
    /// committed to `/proc/self/environ` or `~/.aws` is skipped, never read into a report. A link back to a folder
    /// already walked (a loop) is skipped too, and a file reached twice is read once.
    public static func bankFiles(in paths: [String], skipped: inout [Skipped]) throws(FilesError) -> [String] {
        var found: [String] = []
        var seenFiles = Set<String>()
        for path in paths {
            var status = stat()
            guard stat(path, &status) == 0 else { throw .notFound(path) }
            guard Kind(status) == .directory else {
                guard Kind(status) == .regular else { throw .unreadable(path, "not a regular file (a FIFO, device or socket)") }
                if seenFiles.insert(realPath(path) ?? path).inserted { found.append(path) }
                continue
            }
            guard let root = realPath(path) else { throw .unreadable(path, "cannot resolve the folder") }
            var walk = FolderWalk(root: root, seenFiles: seenFiles)
            walk.visit(path, real: root)
            found += walk.files.sorted()
            skipped += walk.skipped
            seenFiles = walk.seenFiles
        }
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

    /// One named folder, walked depth first with `lstat`, each folder once (by real path).
    struct FolderWalk {
        let root: String
        var seenFiles: Set<String>
        var seenFolders: Set<String> = []
        var files: [String] = []
        var skipped: [Skipped] = []

        init(root: String, seenFiles: Set<String>) {
            self.root = root
            self.seenFiles = seenFiles
        }

        func isInside(_ real: String) -> Bool {
            real == root || real.hasPrefix(root.hasSuffix("/") ? root : root + "/")
        }

        mutating func visit(_ folder: String, real: String) {
            guard seenFolders.insert(real).inserted else { return }
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
                skipped.append(Skipped(path: folder, reason: "cannot list the folder"))
                return
            }
            for name in names.sorted() where !name.hasPrefix(".") {
                let path = join(folder, name)
                var status = stat()
                guard lstat(path, &status) == 0 else { continue }
                var kind = Kind(status)
                if kind == .symbolicLink {
                    guard let target = realPath(path) else {
                        if isBankFile(name) { skipped.append(Skipped(path: path, reason: "a broken symbolic link")) }
                        continue
                    }
                    guard isInside(target) else {
                        skipped.append(Skipped(path: path, reason: "a symbolic link to \(target), outside \(root); only links inside the linted folder are followed"))
                        continue
                    }
                    guard stat(path, &status) == 0 else { continue }
                    kind = Kind(status)
                    if kind == .directory, seenFolders.contains(target) {
                        skipped.append(Skipped(path: path, reason: "a symbolic link to \(target), a folder already read (a loop or a second path to it)"))
                        continue
                    }
                }
                switch kind {
                case .directory:
                    if let target = realPath(path) { visit(path, real: target) }
                case .regular where isBankFile(name):
                    if seenFiles.insert(realPath(path) ?? path).inserted { files.append(path) }
                case .other where isBankFile(name):
                    skipped.append(Skipped(path: path, reason: "not a regular file (a FIFO, device or socket)"))
                default:
                    continue
                }
            }
        }
    }

    static func join(_ folder: String, _ relative: String) -> String {
        if folder == "." { return relative }
        return folder.hasSuffix("/") ? folder + relative : folder + "/" + relative
    }

    /// The `blueprint.json` nearest to a file: in its folder or the closest parent.
    static func blueprintPath(for file: String, cache: inout [String: String?]) -> String? {
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

import Foundation

/// Finds bank files under the paths a user names.
public enum FileDiscovery {
    /// File names that live in bank folders but are not bank files.
    static let reservedNames: Set<String> = ["blueprint.json", "qbank.json", "qbank-baseline.json", "package.json"]

    public static func isBankFile(_ name: String) -> Bool {
        let lower = name.lowercased()
        guard lower.hasSuffix(".xml") || lower.hasSuffix(".json") else { return false }
        return !reservedNames.contains(lower) && !lower.hasSuffix(".schema.json") && !lower.hasPrefix(".")
    }

    /// Bank files named directly or found recursively under folders, sorted, without repeats.
    ///
    /// A file named directly is taken whatever its extension says, so a typo is reported
    /// by the reader rather than skipped; folders contribute only `.xml` and `.json` files.
    public static func bankFiles(in paths: [String]) throws(FilesError) -> [String] {
        var found: [String] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .notFound(path) }
            guard isDirectory.boolValue else { found.append(path); continue }
            guard let walker = manager.enumerator(atPath: path) else { throw .unreadable(path, "cannot list folder") }
            var inFolder: [String] = []
            while let relative = walker.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                if name.hasPrefix(".") { walker.skipDescendants(); continue }
                if isBankFile(name) { inFolder.append(join(path, relative)) }
            }
            found += inFolder.sorted()
        }
        var seen = Set<String>()
        return found.filter { seen.insert(($0 as NSString).standardizingPath).inserted }
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

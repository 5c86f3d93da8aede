import Foundation
import QBankRules

extension FileDiscovery {
    /// One recursive walk under a named folder, carrying the `.gitignore` layers in force. Entries are examined
    /// with `lstat`: only regular files are read, and a symbolic link is followed only when its target (resolved)
    /// is inside `realRoot`; each folder is entered once by its real path, so a link loop ends.
    struct Walk {
        let options: Options
        /// The named folder's real path: links may lead anywhere below it, nowhere else.
        let realRoot: String
        var files: [String] = []
        var skipped: [Skipped] = []
        private var visited = Set<String>()
        private let workingDirectory = FileManager.default.currentDirectoryPath

        init(options: Options, realRoot: String) {
            self.options = options
            self.realRoot = realRoot
        }

        private func isInside(_ real: String) -> Bool {
            real == realRoot || real.hasPrefix(realRoot.hasSuffix("/") ? realRoot : realRoot + "/")
        }

        mutating func run(root: String) throws(FilesError) {
            let absoluteRoot = Glob.absolutePath(root, workingDirectory: workingDirectory)
            var ignore = GitIgnore()
            var gitRelative = ""
            if options.respectGitIgnore, let repository = Self.repositoryRoot(above: absoluteRoot) {
                ignore.load(repository + "/.git/info/exclude", relativeFolder: "")
                // The .gitignore files of the folders above the root apply inside it too.
                let below = absoluteRoot == repository ? [] : absoluteRoot.dropFirst(repository.count + 1).split(separator: "/").map(String.init)
                var folder = ""
                for component in [""] + below.dropLast() {
                    folder = component.isEmpty ? folder : (folder.isEmpty ? component : folder + "/" + component)
                    ignore.load(repository + (folder.isEmpty ? "" : "/" + folder) + "/.gitignore", relativeFolder: folder)
                }
                gitRelative = below.joined(separator: "/")
            }
            try walk(absolute: absoluteRoot, shown: root, gitRelative: gitRelative, ignore: ignore, isRoot: true)
        }

        private mutating func walk(absolute: String, shown: String, gitRelative: String, ignore: GitIgnore, isRoot: Bool) throws(FilesError) {
            let real = realPath(absolute) ?? absolute
            guard visited.insert(real).inserted else { return }
            let names: [String]
            do { names = try FileManager.default.contentsOfDirectory(atPath: absolute).sorted() } catch {
                if isRoot { throw .unreadable(shown, "cannot list folder") }
                skipped.append(Skipped(path: shown, reason: "cannot list folder"))
                return
            }
            var ignore = ignore
            if options.respectGitIgnore {
                ignore.load(absolute + "/.gitignore", relativeFolder: gitRelative)
            }
            for name in names where !name.hasPrefix(".") {
                let childAbsolute = absolute + "/" + name
                let childShown = join(shown, name)
                let childGit = gitRelative.isEmpty ? name : gitRelative + "/" + name
                var status = stat()
                guard lstat(childAbsolute, &status) == 0 else { continue }
                var kind = Kind(status)
                var link: (target: String?, followed: Bool)?
                if kind == .symbolicLink {
                    let target = realPath(childAbsolute)
                    let followed = target != nil && stat(childAbsolute, &status) == 0
                    if followed { kind = Kind(status) }
                    link = (target, followed)
                }
                let isDirectory = ObjCBool(kind == .directory)
                let relevant = isDirectory.boolValue || isXMLOrJSON(name)
                if let glob = excludingGlob(childAbsolute) {
                    let shownGlob = glob.hasPrefix("/") ? Glob.relativePath(glob, base: workingDirectory, workingDirectory: workingDirectory) : glob
                    if relevant { skipped.append(Skipped(path: childShown, reason: "excluded by '\(shownGlob)'")) }
                    continue
                }
                if options.respectGitIgnore, let pattern = ignore.ignoringPattern(childGit, isDirectory: isDirectory.boolValue) {
                    if relevant { skipped.append(Skipped(path: childShown, reason: "ignored by \(pattern.source)")) }
                    continue
                }
                if let link {
                    guard link.followed, let target = link.target else {
                        if relevant { skipped.append(Skipped(path: childShown, reason: "a broken symbolic link", notable: true)) }
                        continue
                    }
                    guard isInside(target) else {
                        if relevant {
                            skipped.append(Skipped(path: childShown, reason: "a symbolic link to \(target), outside \(realRoot); only links inside the named folder are followed", notable: true))
                        }
                        continue
                    }
                    if isDirectory.boolValue, visited.contains(target) {
                        skipped.append(Skipped(path: childShown, reason: "a symbolic link to \(target), a folder already read (a loop or a second path to it)", notable: true))
                        continue
                    }
                }
                if isDirectory.boolValue {
                    try walk(absolute: childAbsolute, shown: childShown, gitRelative: childGit, ignore: ignore, isRoot: false)
                } else if relevant {
                    if kind != .regular {
                        skipped.append(Skipped(path: childShown, reason: "not a regular file (a FIFO, device or socket)", notable: true))
                    } else if !isBankFile(name) {
                        skipped.append(Skipped(path: childShown, reason: "not a bank file (a configuration, blueprint or schema name)"))
                    } else if BankSniffer.declaresBank(childAbsolute) {
                        files.append(childShown)
                    } else {
                        skipped.append(Skipped(path: childShown, reason: "not a bank file (no urn:qbank:bank:1)"))
                    }
                }
            }
        }

        private func isXMLOrJSON(_ name: String) -> Bool {
            let lower = name.lowercased()
            return lower.hasSuffix(".xml") || lower.hasSuffix(".json")
        }

        /// Exclude globs are bare names or absolute paths (the config reader anchors them).
        private func excludingGlob(_ absolute: String) -> String? {
            options.exclude.first { Glob.matchesEntry($0, absolute) }
        }

        /// The nearest folder at or above `folder` holding `.git` (a folder, or a file in worktrees).
        static func repositoryRoot(above folder: String) -> String? {
            var current = folder
            while true {
                if FileManager.default.fileExists(atPath: current + "/.git") { return current }
                let parent = (current as NSString).deletingLastPathComponent
                if parent == current || parent.isEmpty { return nil }
                current = parent
            }
        }
    }
}

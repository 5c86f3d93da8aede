/// File globs for per-path overrides, matched against paths relative to the config
/// file's folder with `/` separators:
///
/// - `*` any run of characters but `/`, `?` one character but `/`, `**` any run of
///   folders (`legacy/**`, `**/drafts/*.xml`);
/// - a pattern without `/` matches the file name in any folder (`*.json`), as in `.gitignore`;
/// - a pattern that matches a folder matches everything under it (`Banks/legacy`).
public enum Glob {
    public static func matches(_ pattern: String, _ path: String) -> Bool {
        var pattern = pattern
        while pattern.hasPrefix("./") { pattern.removeFirst(2) }
        if pattern.hasSuffix("/") { pattern.removeLast() }
        let p = Array(pattern.utf8), s = Array(path.utf8)
        if !p.contains(UInt8(ascii: "/")) {
            let name = path.split(separator: "/").last.map { Array($0.utf8) } ?? s
            if match(p[...], name[...]) { return true }
        }
        if match(p[...], s[...]) { return true }
        // A folder pattern covers what is under it.
        var prefix: [UInt8] = []
        for component in path.split(separator: "/").dropLast() {
            prefix += prefix.isEmpty ? Array(component.utf8) : [UInt8(ascii: "/")] + Array(component.utf8)
            if match(p[...], prefix[...]) { return true }
        }
        return false
    }

    /// Whether `pattern` names this very path, not a folder above it (walks test each folder as they enter it):
    /// a pattern without `/` matches the last name, one with `/` the whole relative path.
    public static func matchesEntry(_ pattern: String, _ path: String) -> Bool {
        var pattern = pattern
        while pattern.hasPrefix("./") { pattern.removeFirst(2) }
        if pattern.hasSuffix("/") { pattern.removeLast() }
        let p = Array(pattern.utf8)
        if !p.contains(UInt8(ascii: "/")) {
            return match(p[...], Array((path.split(separator: "/").last ?? Substring(path)).utf8)[...])
        }
        return match(p[...], Array(path.utf8)[...])
    }

    private static func match(_ p: ArraySlice<UInt8>, _ s: ArraySlice<UInt8>) -> Bool {
        guard let first = p.first else { return s.isEmpty }
        let slash = UInt8(ascii: "/"), star = UInt8(ascii: "*")
        if first == star {
            let doubled = p.dropFirst().first == star
            if doubled {
                var rest = p.dropFirst(2)
                if rest.first == slash { rest = rest.dropFirst() }
                // `**/` matches zero or more whole folders; `**` at the end matches anything.
                if rest.isEmpty { return true }
                var i = s.startIndex
                while true {
                    if match(rest, s[i...]) { return true }
                    guard let next = s[i...].firstIndex(of: slash) else { return false }
                    i = next + 1
                }
            }
            var i = s.startIndex
            while true {
                if match(p.dropFirst(), s[i...]) { return true }
                guard i < s.endIndex, s[i] != slash else { return false }
                i += 1
            }
        }
        guard let c = s.first else { return false }
        if first == UInt8(ascii: "?") ? c != slash : first == c {
            return match(p.dropFirst(), s.dropFirst())
        }
        return false
    }

    /// `file` (as named in a finding) relative to `base`, both made absolute first.
    public static func relativePath(_ file: String, base: String, workingDirectory: String) -> String {
        let absolute = normalize(file.hasPrefix("/") ? file : workingDirectory + "/" + file)
        let root = normalize(base)
        if root == "/" { return String(absolute.dropFirst()) }
        if absolute.hasPrefix(root + "/") { return String(absolute.dropFirst(root.count + 1)) }
        return absolute
    }

    /// `path` made absolute against `workingDirectory`, with `.` and `..` resolved.
    public static func absolutePath(_ path: String, workingDirectory: String) -> String {
        normalize(path.hasPrefix("/") ? path : workingDirectory + "/" + path)
    }

    /// Resolves `.` and `..` and repeated slashes in an absolute path.
    public static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "." { continue }
            if part == ".." { _ = parts.popLast(); continue }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }
}

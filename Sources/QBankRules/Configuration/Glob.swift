/// File globs for per-path overrides, matched against paths relative to the config
/// file's folder with `/` separators:
///
/// - `*` any run of characters but `/`, `?` one character but `/`, `**` any run of
///   folders (`legacy/**`, `**/drafts/*.xml`);
/// - a pattern without `/` matches the file name in any folder (`*.json`), as in `.gitignore`;
/// - a pattern that matches a folder matches everything under it (`Banks/legacy`).
public enum Glob {
    public static func matches(_ pattern: String, _ path: String) -> Bool {
        matches(pattern, path, using: match)
    }

    /// The rules above around any matcher of one pattern against one path (tests pass the old backtracking one).
    static func matches(_ pattern: String, _ path: String, using match: (ArraySlice<UInt8>, ArraySlice<UInt8>) -> Bool) -> Bool {
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

    private enum Token: Equatable {
        case byte(UInt8), oneCharacter, star
        /// `**` (or `**/`) inside a pattern: zero or more whole folders.
        case folders
        /// `**` at the end: anything.
        case rest
    }

    private static func tokens(_ p: ArraySlice<UInt8>) -> [Token] {
        let slash = UInt8(ascii: "/"), star = UInt8(ascii: "*")
        var result: [Token] = []
        var i = p.startIndex
        while i < p.endIndex {
            if p[i] == star, i + 1 < p.endIndex, p[i + 1] == star {
                i += 2
                if i < p.endIndex, p[i] == slash { i += 1 }
                result.append(i == p.endIndex ? .rest : .folders)
                continue
            }
            result.append(p[i] == star ? .star : p[i] == UInt8(ascii: "?") ? .oneCharacter : .byte(p[i]))
            i += 1
        }
        return result
    }

    /// Dynamic programming over (pattern token, path position), one row per token from the last: O(pattern × path)
    /// time, where backtracking over `**` and `*` took exponential time on deep paths.
    private static func match(_ p: ArraySlice<UInt8>, _ s: ArraySlice<UInt8>) -> Bool {
        let path = Array(s), slash = UInt8(ascii: "/"), n = path.count
        // `next[j]`: the tokens after the current one match path[j...].
        var next = [Bool](repeating: false, count: n + 1)
        next[n] = true
        for token in tokens(p).reversed() {
            var row = [Bool](repeating: false, count: n + 1)
            var afterSomeSlash = false  // for `.folders`: a slash at q ≥ j with next[q + 1]
            for j in stride(from: n, through: 0, by: -1) {
                let c: UInt8? = j < n ? path[j] : nil
                switch token {
                case .byte(let b): row[j] = c == b && next[j + 1]
                case .oneCharacter: row[j] = c != nil && c != slash && next[j + 1]
                case .star: row[j] = next[j] || (c != nil && c != slash && row[j + 1])
                case .rest: row[j] = true
                case .folders:
                    if c == slash, next[j + 1] { afterSomeSlash = true }
                    row[j] = next[j] || afterSomeSlash
                }
            }
            next = row
        }
        return next[0]
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

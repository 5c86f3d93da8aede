import Foundation

/// The `.gitignore` rules in force while walking a folder, as git applies them
/// (gitignore(5)): every `.gitignore` from the repository root down to the folder plus
/// `.git/info/exclude`; blank lines and `#` comments skipped; `!` re-includes; a trailing `/`
/// matches folders only; a pattern with a `/` before its end is anchored to its file's folder,
/// one without matches a name at any depth; `*`, `?`, `[...]` never match `/`; `**/`, `/**/`
/// and `/**` span folders. The last matching pattern wins, deeper files after shallower ones.
/// A folder that is ignored is not walked, so nothing under it can be re-included (as in git).
struct GitIgnore {
    /// One pattern line of one `.gitignore`.
    struct Pattern {
        var glob: [UInt8]
        var negated: Bool
        var directoryOnly: Bool
        var anchored: Bool
        /// Where the pattern was written, for `--verbose` (`.gitignore:3`).
        var source: String
    }

    /// The patterns of one file and the folder they are relative to ("" for the root).
    struct Layer {
        var folder: String
        var patterns: [Pattern]
    }

    private(set) var layers: [Layer] = []

    /// Parses one `.gitignore` text; `folder` is its folder relative to the root, `name` names it in sources.
    static func patterns(in text: String, name: String) -> [Pattern] {
        var result: [Pattern] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = Array(rawLine.utf8)
            if line.last == UInt8(ascii: "\r") { line.removeLast() }
            // Trailing spaces go unless escaped with a backslash.
            while line.last == UInt8(ascii: " "), !(line.count >= 2 && line[line.count - 2] == UInt8(ascii: "\\")) { line.removeLast() }
            guard let first = line.first, first != UInt8(ascii: "#") else { continue }
            var negated = false
            if first == UInt8(ascii: "!") { negated = true; line.removeFirst() }
            var directoryOnly = false
            if line.last == UInt8(ascii: "/") { directoryOnly = true; line.removeLast() }
            let anchored = line.contains(UInt8(ascii: "/"))
            if line.first == UInt8(ascii: "/") { line.removeFirst() }
            guard !line.isEmpty else { continue }
            result.append(Pattern(glob: line, negated: negated, directoryOnly: directoryOnly, anchored: anchored,
                                  source: "\(name):\(index + 1)"))
        }
        return result
    }

    /// Adds the `.gitignore` of `absoluteFolder` (if any) as the layer for `relativeFolder`.
    mutating func load(_ file: String, relativeFolder: String) {
        guard let data = FileManager.default.contents(atPath: file) else { return }
        let name = relativeFolder.isEmpty ? (file as NSString).lastPathComponent : relativeFolder + "/" + (file as NSString).lastPathComponent
        let patterns = Self.patterns(in: String(decoding: data, as: UTF8.self), name: file.hasSuffix("info/exclude") ? ".git/info/exclude" : name)
        if !patterns.isEmpty { layers.append(Layer(folder: relativeFolder, patterns: patterns)) }
    }

    /// The pattern that decides `path` (relative to the root, `/`-separated), if it is ignored.
    func ignoringPattern(_ path: String, isDirectory: Bool) -> Pattern? {
        var decision: Pattern?
        let bytes = Array(path.utf8)
        for layer in layers {
            let relative: ArraySlice<UInt8>
            if layer.folder.isEmpty {
                relative = bytes[...]
            } else {
                let prefix = Array((layer.folder + "/").utf8)
                guard bytes.starts(with: prefix) else { continue }
                relative = bytes[prefix.count...]
            }
            let name = relative.lastIndex(of: UInt8(ascii: "/")).map { relative[($0 + 1)...] } ?? relative
            for pattern in layer.patterns where !pattern.directoryOnly || isDirectory {
                let subject = pattern.anchored ? relative : name
                if Self.wildmatch(pattern.glob[...], subject) { decision = pattern }
            }
        }
        return decision.flatMap { $0.negated ? nil : $0 }
    }

    /// git's wildmatch with pathname semantics; `startsComponent`: `p` begins the pattern or follows a `/`.
    /// Every call is on suffixes of the same `p` and `s`, so results are memoised by where the two start: a hostile
    /// `.gitignore` (`*a*a*a*a*a*a*b` against a long name) costs O(pattern × path²), not exponential time.
    static func wildmatch(_ p: ArraySlice<UInt8>, _ s: ArraySlice<UInt8>, startsComponent: Bool = true) -> Bool {
        var memo: [WildmatchState: Bool] = [:]
        return wildmatch(p, s, startsComponent: startsComponent, memo: &memo)
    }

    private struct WildmatchState: Hashable {
        var pattern: Int, subject: Int, startsComponent: Bool
    }

    private static func wildmatch(_ p: ArraySlice<UInt8>, _ s: ArraySlice<UInt8>, startsComponent: Bool,
                                  memo: inout [WildmatchState: Bool]) -> Bool {
        let state = WildmatchState(pattern: p.startIndex, subject: s.startIndex, startsComponent: startsComponent)
        if let known = memo[state] { return known }
        let result = wildmatchStep(p, s, startsComponent: startsComponent, memo: &memo)
        memo[state] = result
        return result
    }

    private static func wildmatchStep(_ p: ArraySlice<UInt8>, _ s: ArraySlice<UInt8>, startsComponent: Bool,
                                      memo: inout [WildmatchState: Bool]) -> Bool {
        func wildmatch(_ p: ArraySlice<UInt8>, _ s: ArraySlice<UInt8>, startsComponent: Bool = true) -> Bool {
            GitIgnore.wildmatch(p, s, startsComponent: startsComponent, memo: &memo)
        }
        let slash = UInt8(ascii: "/"), star = UInt8(ascii: "*")
        guard let c = p.first else { return s.isEmpty }
        switch c {
        case star:
            var rest = p.dropFirst()
            if rest.first == star {
                while rest.first == star { rest = rest.dropFirst() }
                if startsComponent && (rest.isEmpty || rest.first == slash) {
                    if rest.isEmpty { return true }
                    // `**/`: zero or more whole folders.
                    let afterSlash = rest.dropFirst()
                    var i = s.startIndex
                    while true {
                        if wildmatch(afterSlash, s[i...]) { return true }
                        guard let next = s[i...].firstIndex(of: slash) else { return false }
                        i = next + 1
                    }
                }
            }
            var i = s.startIndex
            while true {
                if wildmatch(rest, s[i...], startsComponent: false) { return true }
                guard i < s.endIndex, s[i] != slash else { return false }
                i += 1
            }
        case UInt8(ascii: "?"):
            guard let d = s.first, d != slash else { return false }
            return wildmatch(p.dropFirst(), s.dropFirst(), startsComponent: false)
        case UInt8(ascii: "["):
            if let d = s.first, d != slash, let (matched, rest) = bracket(p, d) { return matched && wildmatch(rest, s.dropFirst(), startsComponent: false) }
            // A closed class needs one character that is not `/`; an unclosed `[` is a literal.
            guard bracket(p, 0) == nil, s.first == c else { return false }
            return wildmatch(p.dropFirst(), s.dropFirst(), startsComponent: false)
        case UInt8(ascii: "\\"):
            let literal = p.dropFirst()
            guard let l = literal.first, s.first == l else { return false }
            return wildmatch(literal.dropFirst(), s.dropFirst(), startsComponent: l == slash)
        default:
            guard s.first == c else { return false }
            return wildmatch(p.dropFirst(), s.dropFirst(), startsComponent: c == slash)
        }
    }

    /// Matches one byte against the class that opens `p`; nil when the class is not closed.
    private static func bracket(_ p: ArraySlice<UInt8>, _ byte: UInt8) -> (Bool, ArraySlice<UInt8>)? {
        var i = p.startIndex + 1
        var negate = false
        if i < p.endIndex, p[i] == UInt8(ascii: "!") || p[i] == UInt8(ascii: "^") { negate = true; i += 1 }
        var matched = false
        var first = true
        while i < p.endIndex {
            var low = p[i]
            if low == UInt8(ascii: "]") && !first { return (matched != negate, p[(i + 1)...]) }
            first = false
            if low == UInt8(ascii: "\\"), i + 1 < p.endIndex { i += 1; low = p[i] }
            if i + 2 < p.endIndex, p[i + 1] == UInt8(ascii: "-"), p[i + 2] != UInt8(ascii: "]") {
                var high = p[i + 2]
                i += 2
                if high == UInt8(ascii: "\\"), i + 1 < p.endIndex { i += 1; high = p[i] }
                if low <= byte && byte <= high { matched = true }
            } else if low == byte {
                matched = true
            }
            i += 1
        }
        return nil
    }
}

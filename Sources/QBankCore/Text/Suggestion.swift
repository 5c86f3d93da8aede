/// "Did you mean" for misspelt names (JSON fields, config keys, rule names): the closest
/// known name within a small edit distance, so typos get a hint and unrelated names do not.
public enum Suggestion {
    /// The candidate nearest to `word` (case-insensitive), if within `limit(candidate)` edits;
    /// among equals, the first.
    public static func nearest(to word: String, in candidates: [String], within limit: (String) -> Int = { _ in 2 }) -> String? {
        let lower = Array(word.lowercased().utf8)
        var best: (String, Int)?
        for candidate in candidates {
            let d = distance(lower, Array(candidate.lowercased().utf8))
            if d <= limit(candidate), d < (best?.1 ?? Int.max) { best = (candidate, d) }
        }
        return best?.0
    }

    /// Levenshtein distance over bytes.
    static func distance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = Array(0...b.count), current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

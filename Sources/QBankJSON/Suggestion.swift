/// "Did you mean" for misspelt field names: the closest known name within a small
/// edit distance, so typos get a hint and unrelated names do not.
enum Suggestion {
    static func nearest(to word: String, in candidates: [String]) -> String? {
        let lower = word.lowercased()
        var best: (String, Int)? = nil
        for c in candidates {
            let d = c.lowercased() == lower ? 0 : distance(Array(lower.utf8), Array(c.lowercased().utf8))
            if d <= max(1, min(2, c.count / 3)), d < (best?.1 ?? Int.max) { best = (c, d) }
        }
        return best?.0
    }

    /// Levenshtein distance.
    static func distance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...max(1, b.count) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

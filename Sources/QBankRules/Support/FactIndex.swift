import Foundation

/// QB505's cross-item pass on numbers: each distinct word of the run gets a dense id, each item's
/// key and stem words become sorted id runs in two flat arrays, so intersections are merges, rarity
/// weights an array look-up and the items holding a key word a slice, where `Set<String>`
/// intersections and `[String: Double]` look-ups cost a tenth of a cold lint. Ids follow the words'
/// sorted order and weights are summed in id order, so a run from cached analyses (words sorted) and
/// a fresh one (words as found) add them up the same way.
struct FactIndex {
    /// Per item, its key's and its stem's word ids (sorted): `keyWords[keyStart[i]..<keyStart[i + 1]]`.
    private(set) var keyWords: [Int32] = []
    private(set) var keyStart: [Int] = [0]
    private(set) var stemWords: [Int32] = []
    private(set) var stemStart: [Int] = [0]
    /// Whether the item has facts at all (a choice item with enough key words).
    private(set) var hasFacts: [Bool] = []
    /// Rarity weight by word id.
    private(set) var weight: [Double] = []
    /// Per item, the total weight of its key words.
    private(set) var keyTotal: [Double] = []
    /// Items (ascending) whose key holds word id `w`: `holders[holderStart[w]..<holderStart[w + 1]]`.
    private(set) var holders: [Int32] = []
    private(set) var holderStart: [Int] = []

    /// `facts` gives each item's key and stem words (in any order, repeats allowed), or nil.
    init(_ facts: [(key: [String], stem: [String])?]) {
        // Words numbered as first met, then renumbered by their sorted order.
        var ids = WordIDs()
        var found: [Int32] = []
        func intern(_ text: [String]) {
            for word in text { found.append(ids.id(of: word)) }
        }
        var keyEnds: [Int] = [], stemEnds: [Int] = []
        for fact in facts {
            if let fact { intern(fact.key) }
            keyEnds.append(found.count)
            if let fact { intern(fact.stem) }
            stemEnds.append(found.count)
            hasFacts.append(fact != nil)
        }
        let words = ids.words
        let vocabulary = words.count
        var rank = [Int32](repeating: 0, count: vocabulary)
        for (position, id) in words.indices.sorted(by: { words[$0] < words[$1] }).enumerated() { rank[id] = Int32(position) }
        func append(_ range: Range<Int>, to out: inout [Int32]) {
            let start = out.count
            for k in range { out.append(rank[Int(found[k])]) }
            out[start...].withUnsafeMutableBufferPointer { MinHash.sortHashes($0) }
            var write = start
            for read in start..<out.count where read == start || out[read] != out[write - 1] {
                out[write] = out[read]
                write += 1
            }
            out.removeLast(out.count - write)
        }
        var start = 0
        for item in facts.indices {
            append(start..<keyEnds[item], to: &keyWords)
            append(keyEnds[item]..<stemEnds[item], to: &stemWords)
            start = stemEnds[item]
            keyStart.append(keyWords.count)
            stemStart.append(stemWords.count)
        }
        // Document frequency over key and stem words together; key word → holders, counted then filled.
        var documentFrequency = [Int32](repeating: 0, count: vocabulary)
        var holderCount = [Int](repeating: 0, count: vocabulary + 1)
        var keyed = 0
        for item in facts.indices where hasFacts[item] {
            keyed += 1
            Self.merge(key(item), stem(item)) { id, _, _ in documentFrequency[Int(id)] += 1 }
            for id in key(item) { holderCount[Int(id) + 1] += 1 }
        }
        holderStart = holderCount
        for id in 0..<vocabulary { holderStart[id + 1] += holderStart[id] }
        var fill = holderStart
        holders = [Int32](repeating: 0, count: holderStart[vocabulary])
        for item in facts.indices where hasFacts[item] {
            for id in key(item) {
                holders[fill[Int(id)]] = Int32(item)
                fill[Int(id)] += 1
            }
        }
        // Smoothed: in a tiny bank every word is in every item, and plain log(N / df) would weigh them all 0.
        let keyedCount = Double(keyed)
        weight = documentFrequency.map { log(1 + keyedCount / Double($0)) }
        keyTotal = facts.indices.map { item in key(item).reduce(0) { $0 + weight[Int($1)] } }
        self.keyedCount = keyed
    }

    /// Items with facts.
    private(set) var keyedCount = 0

    func key(_ item: Int) -> ArraySlice<Int32> { keyWords[keyStart[item]..<keyStart[item + 1]] }
    func stem(_ item: Int) -> ArraySlice<Int32> { stemWords[stemStart[item]..<stemStart[item + 1]] }
    func holders(of word: Int32) -> ArraySlice<Int32> { holders[holderStart[Int(word)]..<holderStart[Int(word) + 1]] }

    /// Calls `visit(id, inA, inB)` for each id of the union of two sorted, distinct runs, in order.
    @inline(__always)
    static func merge(_ a: ArraySlice<Int32>, _ b: ArraySlice<Int32>, _ visit: (Int32, Bool, Bool) -> Void) {
        var i = a.startIndex, j = b.startIndex
        while i < a.endIndex || j < b.endIndex {
            if j == b.endIndex || (i < a.endIndex && a[i] < b[j]) {
                visit(a[i], true, false)
                i += 1
            } else if i == a.endIndex || b[j] < a[i] {
                visit(b[j], false, true)
                j += 1
            } else {
                visit(a[i], true, true)
                i += 1
                j += 1
            }
        }
    }

    /// The shared key words of two items: how many, and their total weight.
    func sharedKey(_ a: Int, _ b: Int) -> (count: Int, weight: Double) {
        let x = key(a), y = key(b)
        var i = x.startIndex, j = y.startIndex, count = 0, total = 0.0
        while i < x.endIndex && j < y.endIndex {
            if x[i] == y[j] {
                count += 1
                total += weight[Int(x[i])]
                i += 1
                j += 1
            } else if x[i] < y[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return (count, total)
    }

    /// Weighted Jaccard similarity of two items' stems (0 when neither has a weighted word).
    func stemSimilarity(_ a: Int, _ b: Int) -> Double {
        var shared = 0.0, union = 0.0
        Self.merge(stem(a), stem(b)) { id, inA, inB in
            let w = weight[Int(id)]
            union += w
            if inA && inB { shared += w }
        }
        return union > 0 ? shared / union : 0
    }
}

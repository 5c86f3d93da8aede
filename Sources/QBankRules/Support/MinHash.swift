import Dispatch
import QBankCore

/// Near-duplicate search that stays near-linear in the number of documents:
/// word-shingle sets, MinHash signatures, LSH banding to find candidate pairs, and
/// the exact Jaccard similarity computed only for candidates (Broder 1997; Leskovec,
/// Rajaraman & Ullman, *Mining of Massive Datasets*, ch. 3).
///
/// With 16 bands of 4 rows a pair at Jaccard 0.8 becomes a candidate with
/// probability 1 − (1 − 0.8⁴)¹⁶ ≈ 0.9998; at 0.3 with probability 0.12, and those are
/// then rejected by the exact check. Everything is seeded by constants, so results
/// are the same on every run and machine.
enum MinHash {
    static let bands = 16
    static let rows = 4
    static var signatureLength: Int { bands * rows }

    /// The hash family: h_i(x) = high 32 bits of ((mix(x) ⊕ seed_i) · multiplier_i), one strong
    /// mix per shingle and a multiply-shift per function (Dietzfelbinger et al.'s scheme).
    static let seeds: [UInt64] = (0..<64).map { BankText.mix(UInt64($0) &* 0x9E37_79B9_7F4A_7C15 ^ 0x5151_5151) }
    static let multipliers: [UInt64] = (0..<64).map { BankText.mix(UInt64($0) ^ 0xA5A5_A5A5_A5A5_A5A5) | 1 }

    /// The sorted, distinct 32-bit hashes of the `size`-word shingles of `words`; a
    /// text shorter than `size` words is one shingle.
    static func shingles(_ words: [UInt64], size: Int) -> [UInt32] {
        guard !words.isEmpty else { return [] }
        guard words.count > size else { return [UInt32(truncatingIfNeeded: BankText.combine(words[...]) >> 32)] }
        var result: [UInt32] = []
        result.reserveCapacity(words.count - size + 1)
        for start in 0...(words.count - size) {
            result.append(UInt32(truncatingIfNeeded: BankText.combine(words[start..<(start + size)]) >> 32))
        }
        result.withUnsafeMutableBufferPointer { sortHashes($0) }
        var write = 0
        for read in result.indices where read == 0 || result[read] != result[read - 1] {
            result[write] = result[read]
            write += 1
        }
        result.removeLast(result.count - write)
        return result
    }

    /// Sorts hash values in place: quicksort (median of three) with insertion sort for short runs, the standard
    /// library's sort past `depthLimit`. The standard sort, a stable merge sort through a comparison closure, was
    /// about half of building an item's shingles and of LSH banding; neither needs stability.
    static func sortHashes<Value: Comparable>(_ values: UnsafeMutableBufferPointer<Value>) {
        sortHashes(values, depthLimit: 2 * (Int.bitWidth - values.count.leadingZeroBitCount))
    }

    static func sortHashes<Value: Comparable>(_ values: UnsafeMutableBufferPointer<Value>, depthLimit: Int) {
        var low = 0, high = values.count - 1, depth = depthLimit
        while high - low > 16 {
            guard depth > 0 else {
                var rest = UnsafeMutableBufferPointer(rebasing: values[low...high])
                rest.sort()
                return
            }
            depth -= 1
            let middle = low + (high - low) / 2
            if values[middle] < values[low] { values.swapAt(middle, low) }
            if values[high] < values[low] { values.swapAt(high, low) }
            if values[high] < values[middle] { values.swapAt(high, middle) }
            let pivot = values[middle]
            var i = low, j = high
            while i <= j {
                while values[i] < pivot { i += 1 }
                while values[j] > pivot { j -= 1 }
                if i <= j {
                    values.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            // The smaller side recursively, the larger in the loop: the stack stays logarithmic.
            if j - low < high - i {
                if low < j { sortHashes(UnsafeMutableBufferPointer(rebasing: values[low...j]), depthLimit: depth) }
                low = i
            } else {
                if i < high { sortHashes(UnsafeMutableBufferPointer(rebasing: values[i...high]), depthLimit: depth) }
                high = j
            }
        }
        guard low < high else { return }
        for k in (low + 1)...high {
            let value = values[k]
            var m = k
            while m > low, values[m - 1] > value {
                values[m] = values[m - 1]
                m -= 1
            }
            values[m] = value
        }
    }

    /// The signature of one shingle set: for each hash function, the least value. Each shingle is mixed once,
    /// then four functions at a time run over the mixed shingles with their minimums in registers (a minimum per
    /// function in memory, updated shingle by shingle, made this loop most of QB503's time).
    static func signature(_ set: [UInt32], into out: inout [UInt32], at offset: Int) {
        let length = signatureLength
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: set.count) { bases in
            for (k, shingle) in set.enumerated() { bases[k] = BankText.mix(UInt64(shingle)) }
            out.withUnsafeMutableBufferPointer { buffer in
                seeds.withUnsafeBufferPointer { seeds in
                    multipliers.withUnsafeBufferPointer { multipliers in
                        for i in stride(from: 0, to: length, by: 4) {
                            let (s0, s1, s2, s3) = (seeds[i], seeds[i + 1], seeds[i + 2], seeds[i + 3])
                            let (m0, m1, m2, m3) = (multipliers[i], multipliers[i + 1], multipliers[i + 2], multipliers[i + 3])
                            var (l0, l1, l2, l3) = (UInt32.max, UInt32.max, UInt32.max, UInt32.max)
                            for base in bases {
                                l0 = min(l0, UInt32(truncatingIfNeeded: ((base ^ s0) &* m0) >> 32))
                                l1 = min(l1, UInt32(truncatingIfNeeded: ((base ^ s1) &* m1) >> 32))
                                l2 = min(l2, UInt32(truncatingIfNeeded: ((base ^ s2) &* m2) >> 32))
                                l3 = min(l3, UInt32(truncatingIfNeeded: ((base ^ s3) &* m3) >> 32))
                            }
                            (buffer[offset + i], buffer[offset + i + 1], buffer[offset + i + 2], buffer[offset + i + 3]) = (l0, l1, l2, l3)
                        }
                    }
                }
            }
        }
    }

    /// Pairs (i < j) with Jaccard similarity ≥ `threshold`, sorted, with their similarity.
    static func similarPairs(_ sets: [[UInt32]], threshold: Double) -> [(Int, Int, Double)] {
        guard sets.count >= 2 else { return [] }
        return similarPairs(sets, signatures: signatures(of: sets), threshold: threshold)
    }

    /// The signatures of `sets`, one after another (`signatureLength` values each; all `UInt32.max` for an empty set).
    static func signatures(of sets: [[UInt32]]) -> [UInt32] {
        let count = sets.count
        let length = signatureLength
        // Signatures in parallel chunks; each chunk fills its own array.
        let chunkSize = 2_048
        let chunks = (count + chunkSize - 1) / chunkSize
        let slots = ConcurrentSlots<[UInt32]>(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let range = (chunk * chunkSize)..<min(count, (chunk + 1) * chunkSize)
            var out = Array(repeating: UInt32.max, count: range.count * length)
            for (k, index) in range.enumerated() where !sets[index].isEmpty {
                signature(sets[index], into: &out, at: k * length)
            }
            slots.store(out, at: chunk)
        }
        return slots.values.flatMap { $0 ?? [] }
    }

    /// As `similarPairs(_:threshold:)`, given the sets' `signatures` (as `signatures(of:)` makes them).
    static func similarPairs(_ sets: [[UInt32]], signatures: [UInt32], threshold: Double) -> [(Int, Int, Double)] {
        let count = sets.count
        guard count >= 2, signatures.count == count * signatureLength else { return [] }
        let length = signatureLength
        // Bands on every core; each yields its candidate pairs.
        let perBand = ConcurrentSlots<[UInt64]>(count: bands)
        DispatchQueue.concurrentPerform(iterations: bands) { band in
            var keyed: [BandEntry] = []
            keyed.reserveCapacity(count)
            for index in 0..<count where !sets[index].isEmpty {
                var h = UInt64(band) &* 0xD6E8_FEB8_6659_FD93
                let base = index * length + band * rows
                for r in 0..<rows { h = BankText.mix(h ^ UInt64(signatures[base + r])) }
                keyed.append(BandEntry(key: h, index: UInt32(index)))
            }
            keyed.withUnsafeMutableBufferPointer { sortHashes($0) }
            var found: [UInt64] = []
            var start = 0
            while start < keyed.count {
                var end = start + 1
                while end < keyed.count, keyed[end].key == keyed[start].key { end += 1 }
                addPairs(keyed[start..<end], to: &found)
                start = end
            }
            perBand.store(found, at: band)
        }
        var candidates = perBand.values.flatMap { $0 ?? [] }
        candidates.withUnsafeMutableBufferPointer { sortHashes($0) }
        var result: [(Int, Int, Double)] = []
        var previous: UInt64?
        for pair in candidates where pair != previous {
            previous = pair
            let i = Int(pair >> 32), j = Int(pair & 0xFFFF_FFFF)
            // |A ∩ B| / |A ∪ B| ≤ min / max of the sizes (and so is its rounded quotient): sets too different in
            // size are not merged at all.
            let (small, large) = (min(sets[i].count, sets[j].count), max(sets[i].count, sets[j].count))
            if large > 0, Double(small) / Double(large) < threshold { continue }
            if let similarity = jaccard(sets[i], sets[j], atLeast: threshold) { result.append((i, j, similarity)) }
        }
        return result
    }

    /// Every pair of a bucket. A bucket far larger than any plausible cluster of
    /// copies comes from boilerplate shared by many items (the same lead-in on every
    /// stem): its members are compared with their neighbours in the bucket only,
    /// which keeps the work linear and still finds a large cluster of true copies
    /// (they are each other's neighbours in some other band).
    private static let largeBucket = 64

    /// An item's key in one band; sorted by key, then index (members of a bucket are ordered again anyway).
    private struct BandEntry: Comparable {
        var key: UInt64
        var index: UInt32

        static func < (a: BandEntry, b: BandEntry) -> Bool { a.key < b.key || (a.key == b.key && a.index < b.index) }
    }

    private static func addPairs(_ bucket: ArraySlice<BandEntry>, to candidates: inout [UInt64]) {
        guard bucket.count >= 2 else { return }
        // Ascending already: entries of one key are ordered by index.
        let members = bucket.map { UInt64($0.index) }
        if members.count <= largeBucket {
            for a in 0..<members.count { for b in (a + 1)..<members.count { candidates.append(members[a] << 32 | members[b]) } }
        } else {
            for a in 0..<(members.count - 1) { candidates.append(members[a] << 32 | members[a + 1]) }
        }
    }

    /// `jaccard(a, b)` when it is at least `threshold`, else nil; the merge stops as soon as the elements left
    /// cannot bring the shared count up to the least that reaches the threshold (most LSH candidates fall short).
    static func jaccard(_ a: [UInt32], _ b: [UInt32], atLeast threshold: Double) -> Double? {
        let total = a.count + b.count
        // The least shared count whose quotient, computed as `jaccard` computes it, reaches the threshold; the quotient
        // grows with the shared count, so every smaller count falls short.
        func reaches(_ shared: Int) -> Bool {
            let union = total - shared
            return union > 0 && Double(shared) / Double(union) >= threshold
        }
        let smaller = min(a.count, b.count)
        var needed = max(0, min(smaller, Int((threshold * Double(total) / (1 + threshold)).rounded(.down)) - 1))
        while needed <= smaller, !reaches(needed) { needed += 1 }
        guard needed <= smaller else { return nil }
        var i = 0, j = 0, shared = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] {
                shared += 1; i += 1; j += 1
            } else {
                if a[i] < b[j] { i += 1 } else { j += 1 }
                if shared + min(a.count - i, b.count - j) < needed { return nil }
            }
        }
        let similarity = Double(shared) / Double(total - shared)
        return shared >= needed ? similarity : nil
    }

    /// |A ∩ B| / |A ∪ B| of two sorted, distinct arrays.
    static func jaccard(_ a: [UInt32], _ b: [UInt32]) -> Double {
        var i = 0, j = 0, shared = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] { shared += 1; i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        let union = a.count + b.count - shared
        return union == 0 ? 0 : Double(shared) / Double(union)
    }
}

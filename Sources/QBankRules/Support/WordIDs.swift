import Foundation
import QBankCore

/// Dense ids for the words of one run, first come first numbered: FNV-1a of a word's bytes into an
/// open-addressed table, where `[String: Int32]` seeded and ran its hasher for each of the hundred
/// thousand word occurrences QB505 numbers in a 10,000-item bank. Words are equal as `String`s are
/// (canonically equivalent), so a non-ASCII word is hashed in its canonical composition (NFC).
struct WordIDs {
    private(set) var words: [String] = []
    private var hashes: [UInt64] = []
    /// Index into `words`, or -1 for an empty slot; at most half full.
    private var slots = [Int32](repeating: -1, count: 1_024)

    /// The id of `word`, numbering it if it is new.
    mutating func id(of word: String) -> Int32 {
        var bytes = word
        // `ByteWordSet.hash` and the ASCII test in one pass over the bytes.
        let hash = bytes.withUTF8 { bytes -> UInt64? in
            var hash = StableHash.offsetBasis, high: UInt8 = 0
            for byte in bytes {
                high |= byte
                hash = StableHash.fnv1aStep(hash, byte)
            }
            return high < 0x80 ? hash ^ (hash >> 29) : nil
        } ?? Array(word.precomposedStringWithCanonicalMapping.utf8).withUnsafeBufferPointer { ByteWordSet.hash($0) }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 {
            let id = slots[slot]
            if hashes[Int(id)] == hash, words[Int(id)] == word { return id }
            slot = (slot + 1) & mask
        }
        let id = Int32(words.count)
        words.append(word)
        hashes.append(hash)
        slots[slot] = id
        if words.count * 2 > slots.count { grow() }
        return id
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (id, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(id)
        }
    }
}

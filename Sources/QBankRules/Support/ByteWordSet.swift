import Foundation
import QBankCore

/// A set of words looked up by an ASCII word's bytes, with no `String` made or hashed: FNV-1a into an
/// open-addressed table. QB505 asks it of every word of four letters or more in every key and stem, where
/// `Set<String>` spent most of the look-up in seeding and running its hasher.
struct ByteWordSet {
    /// Each word's bytes in canonical composition (NFC), which is what `String`'s `==` compares: an ASCII word
    /// equals a word of the set exactly when their bytes here are equal.
    private let words: [[UInt8]]
    /// Index into `words` plus one; 0 for an empty slot.
    private let slots: [Int32]
    private let mask: Int

    init(_ set: Set<String>) {
        words = set.map { Array($0.precomposedStringWithCanonicalMapping.utf8) }.sorted { $0.lexicographicallyPrecedes($1) }
        var size = 16
        while size < words.count * 4 { size <<= 1 }
        mask = size - 1
        var slots = [Int32](repeating: 0, count: size)
        for (index, word) in words.enumerated() {
            var slot = Int(truncatingIfNeeded: word.withUnsafeBufferPointer { Self.hash($0) }) & (size - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = Int32(index + 1)
        }
        self.slots = slots
    }

    func contains(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var slot = Int(truncatingIfNeeded: Self.hash(bytes)) & mask
        while slots[slot] != 0 {
            // Lengths first, then the bytes with `memcmp` (`elementsEqual` walked both byte by byte).
            let matches = words[Int(slots[slot]) - 1].withUnsafeBufferPointer { word in
                word.count == bytes.count && (word.isEmpty || memcmp(word.baseAddress!, bytes.baseAddress!, word.count) == 0)
            }
            if matches { return true }
            slot = (slot + 1) & mask
        }
        return false
    }

    /// FNV-1a of the bytes, its high bits folded into the low ones that pick a slot.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let hash = StableHash.fnv1a64(bytes: bytes)
        return hash ^ (hash >> 29)
    }
}

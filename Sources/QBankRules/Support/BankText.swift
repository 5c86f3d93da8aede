import QBankCore

/// Text as the bank rules compare it: words, lower case, punctuation ignored, each
/// word hashed once so n-grams are cheap to build and compare.
enum BankText {
    /// FNV-1a hashes of the words of `text`: runs of ASCII letters and digits (lower
    /// cased) and of non-ASCII bytes. Stable across runs and platforms.
    static func wordHashes(_ text: String, into out: inout [UInt64]) {
        // Bytes in place when the string has them contiguous (native strings do): the UTF-8 view's iterator costs more.
        if text.utf8.withContiguousStorageIfAvailable({ wordHashes(bytes: $0, into: &out) }) == nil {
            Array(text.utf8).withUnsafeBufferPointer { wordHashes(bytes: $0, into: &out) }
        }
    }

    /// Per byte, itself lower-cased when it belongs to a word (never 0: word bytes are digits, letters and
    /// non-ASCII), else 0: one look-up instead of three range tests and a case test per byte of every text.
    static let wordFolding: [UInt8] = (0...255).map { (byte: UInt8) -> UInt8 in
        guard isWordByte(byte) else { return 0 }
        return byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    private static func wordHashes(bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt64]) {
        wordFolding.withUnsafeBufferPointer { folding in
            var hash = StableHash.offsetBasis
            var inWord = false
            for byte in bytes {
                let folded = folding[Int(byte)]
                if folded != 0 {
                    hash = StableHash.fnv1aStep(hash, folded)
                    inWord = true
                } else if inWord {
                    out.append(hash)
                    hash = StableHash.offsetBasis
                    inWord = false
                }
            }
            if inWord { out.append(hash) }
        }
    }

    static func wordHashes(_ text: String) -> [UInt64] {
        var out: [UInt64] = []
        out.reserveCapacity(text.utf8.count / 4)
        wordHashes(text, into: &out)
        return out
    }

    /// A strong 64-bit mix (SplitMix64's finaliser): spreads combined hashes evenly.
    @inline(__always) static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Order-dependent hash of a run of word hashes.
    @inline(__always) static func combine(_ words: ArraySlice<UInt64>) -> UInt64 {
        var h: UInt64 = 0x243F_6A88_85A3_08D3
        for word in words { h = mix(h ^ word) }
        return h
    }

    /// FNV-1a over a string's UTF-8, for exact-content keys.
    static func fnv1a(_ text: String, _ seed: UInt64 = StableHash.offsetBasis) -> UInt64 {
        StableHash.fnv1a64(text, seed: seed)
    }

    /// The texts of an item's answerable parts (options, steps, prompts, responses).
    static func partTexts(_ item: Item) -> [String] {
        item.partGroups.flatMap { $0.map(\.text.value) }
    }

    /// Options such as "All of the above" that say nothing on their own; excluded
    /// from length comparisons (lint/RULES.md, "meta options").
    static let metaOptions = [
        "all of the above", "none of the above", "all of these", "none of these", "both a and b", "neither a nor b",
        "all of the options", "none of the options",
    ]

    /// Meta options are short; longer texts are not even folded.
    static func isMeta(_ text: String, among list: [String]) -> Bool {
        guard text.utf8.count <= 2 * (list.map(\.utf8.count).max() ?? 0) else { return false }
        return list.contains(foldedWords(text).joined(separator: " "))
    }

    /// `text.unicodeScalars.count`, counted on the UTF-8 bytes (every byte that does not continue a scalar starts
    /// one), which the bank rules ask of every option: the scalar view decodes each scalar in turn.
    static func scalarCount(_ text: String) -> Int {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            var count = 0
            for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
            return count
        } ?? text.unicodeScalars.count
    }

    /// `isMeta` for many texts against one list, with nothing built per text: an ASCII text is folded into
    /// a buffer and compared byte for byte with the list's ASCII entries (QB502 asks it of every option of
    /// every item, and `isMeta` made a string per word of each short option).
    struct MetaMatcher {
        let list: [String]
        private let lengthLimit: Int
        /// The entries as bytes, or nil when one is not ASCII (then `String` comparison decides, as in `isMeta`).
        private let asciiEntries: [[UInt8]]?

        init(_ list: [String]) {
            self.list = list
            lengthLimit = 2 * (list.map(\.utf8.count).max() ?? 0)
            asciiEntries = list.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } } ? list.map { Array($0.utf8) } : nil
        }

        func isMeta(_ text: String) -> Bool {
            guard text.utf8.count <= lengthLimit else { return false }
            guard let entries = asciiEntries else { return BankText.isMeta(text, among: list) }
            var contiguous = text
            return contiguous.withUTF8 { bytes -> Bool in
                guard !bytes.contains(where: { $0 >= 0x80 }) else { return BankText.isMeta(text, among: list) }
                // The folded words joined by single spaces, as `foldedWords(text).joined(separator: " ")` spells them.
                return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { folded in
                    var length = 0, pendingSpace = false
                    for var byte in bytes {
                        guard BankText.isWordByte(byte) else { pendingSpace = length > 0; continue }
                        if pendingSpace { folded[length] = 0x20; length += 1; pendingSpace = false }
                        if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
                        folded[length] = byte
                        length += 1
                    }
                    let words = UnsafeBufferPointer(rebasing: folded[0..<length])
                    return entries.contains { $0.elementsEqual(words) }
                }
            }
        }
    }

    /// The words of `text`, ASCII letters lower-cased, split at anything but letters and digits
    /// (non-ASCII bytes count as letters). Byte-level: Unicode property look-ups are what
    /// made the bank rules slow on 100,000 items.
    static func foldedWords(_ text: String) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        for var byte in text.utf8 {
            if isWordByte(byte) {
                if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
                current.append(byte)
            } else if !current.isEmpty {
                words.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            }
        }
        if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
        return words
    }

    @inline(__always) static func isWordByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
    }

    /// FNV-1a of the text with ASCII case folded and white-space runs read as one space:
    /// the identity exact duplicates share.
    static func foldedHash(_ text: String) -> UInt64 {
        text.utf8.withContiguousStorageIfAvailable { foldedHash(bytes: $0) } ?? foldedHash(bytes: text.utf8)
    }

    private static func foldedHash(bytes: some Sequence<UInt8>) -> UInt64 {
        var hash = StableHash.offsetBasis
        var pendingSpace = false
        var started = false
        for var byte in bytes {
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                pendingSpace = started
                continue
            }
            if pendingSpace {
                hash = StableHash.fnv1aStep(hash, 0x20)
                pendingSpace = false
            }
            if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
            hash = StableHash.fnv1aStep(hash, byte)
            started = true
        }
        return hash
    }
}

/// Bank-wide findings name at most this many related items, so a report stays
/// readable (and within SARIF consumers' limits); the message gives the full count.
let maximumRelatedItems = 50

extension Item {
    var relatedLocation: SourceLocation? { origin.location }
}

/// Where a bank-wide finding about `items` points, and the related list.
func relatedItems(_ items: [Item], message: (Item) -> String) -> [RelatedLocation] {
    items.prefix(maximumRelatedItems).compactMap { item in
        item.origin.location.map { RelatedLocation(location: $0, message: message(item)) }
    }
}

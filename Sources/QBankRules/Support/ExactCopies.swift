import QBankCore

/// Whether two items are exact copies as QB503 defines them (`DuplicateItemsRule.exactKey`), without
/// building both keys for every pair QB505 pairs: building them (Unicode lower-casing and white-space
/// splitting of every text) cost more than the rest of QB505. For items whose texts are plain ASCII
/// (no control characters but tab, line feed and carriage return), the key is the texts with ASCII case
/// folded and white-space runs read as one space, so equal keys mean equal `exactHash`es: different hashes
/// settle it. Any other pair compares the keys themselves.
struct ExactCopies {
    private let items: BankItems
    /// Per item: not yet worked out, or its hash when its texts are plain ASCII, or nil.
    private var hashes: [UInt64??]

    init(_ items: BankItems) {
        self.items = items
        hashes = Array(repeating: .none, count: items.count)
    }

    mutating func areCopies(_ a: Int, _ b: Int) -> Bool {
        if let hashA = plainHash(a), let hashB = plainHash(b), hashA != hashB { return false }
        return DuplicateItemsRule.exactKey(items[a]) == DuplicateItemsRule.exactKey(items[b])
    }

    private mutating func plainHash(_ index: Int) -> UInt64? {
        if let known = hashes[index] { return known }
        let item = items[index]
        let parts = BankText.partTexts(item)
        // No parts and one empty part give the same key but not the same hash.
        let plain = !parts.isEmpty && Self.isPlain(item.stem.value) && parts.allSatisfy(Self.isPlain)
        let hash = plain ? DuplicateItemsRule.exactHash(item) : nil
        hashes[index] = .some(hash)
        return hash
    }

    /// ASCII where `lowercased()` folds only A–Z and the white space `exactKey` splits at is the white space
    /// `foldedHash` collapses (its `\u{1}`/`\u{2}` separators cannot occur either).
    private static func isPlain(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 < 0x80 && ($0 >= 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) }
    }
}

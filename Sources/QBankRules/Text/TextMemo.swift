#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import QBankCore

/// Remembers text analyses (words, lead-ins, stems, option kinds) per thread.
///
/// Two dozen quality rules look at the same stem and options; tokenising them once per
/// rule made those rules cost several times what reading the bank costs. The engine
/// checks one item with every item rule on the same thread and then calls `reset()`,
/// so the per-item tables only ever hold one item's texts; they also empty themselves
/// past a size bound, so a caller that never resets cannot grow them without limit.
/// Word stems do not depend on the item and are kept across items, also bounded.
///
/// Every table is keyed by the whole text it derives from (`TextKey`), so a cached value is
/// always the value the computation would give for that text. Values that hold indices into
/// their text (lead-ins, words of a lead-in) are keyed by the stem they were cut from.
final class TextMemo {
    private var wordsTable = Table<TextKey, [Word]>()
    private var loweredTable = Table<TextKey, [String]>()
    private var leadInsTable = Table<TextKey, Substring>()
    private var stemPartsTable = Table<TextKey, StemParts>()
    private var leadInWordsTable = Table<TextKey, [Word]>()
    private var leadInLoweredTable = Table<TextKey, [String]>()
    private var metaKindsTable = Table<TextKey, MetaOption.Kind?>()
    private var combinationsTable = Table<TextKey, Bool>()
    private var stemsTable = Table<TextKey, String>(bound: 50_000)
    /// The last options list asked about and its content options. Keyed by the list's buffer,
    /// which the slot keeps alive: while it does, no other list can have that address, and a
    /// shared buffer is never written to, so a hit is always the same options.
    private var contentOptionsSlot: (options: [Option], content: [Option])?
    /// The last options list's parts (`Item.partGroups`), kept the same way: four rules ask for them.
    private var partGroupsSlot: (options: [Option], groups: [[ItemPart]])?

    func words(of text: String, compute: (String) -> [Word]) -> [Word] {
        let key = TextKey(text)
        if let known = wordsTable.lookup(key) { return known }
        let value = compute(text)
        wordsTable.store(value, for: key)
        return value
    }
    /// The words of `text` if some rule already asked for them, without computing them.
    func knownWords(of text: String) -> [Word]? { wordsTable.lookup(TextKey(text)) }
    func lowered(of text: String, compute: (String) -> [String]) -> [String] {
        let key = TextKey(text)
        if let known = loweredTable.lookup(key) { return known }
        let value = compute(text)
        loweredTable.store(value, for: key)
        return value
    }
    func leadIn(of stem: String, compute: (String) -> Substring) -> Substring {
        let key = TextKey(stem)
        if let known = leadInsTable.lookup(key) { return known }
        let value = compute(stem)
        leadInsTable.store(value, for: key)
        return value
    }
    func stemParts(of stem: String, compute: (String) -> StemParts) -> StemParts {
        let key = TextKey(stem)
        if let known = stemPartsTable.lookup(key) { return known }
        let value = compute(stem)
        stemPartsTable.store(value, for: key)
        return value
    }
    func leadInWords(of stem: String, compute: (String) -> [Word]) -> [Word] {
        let key = TextKey(stem)
        if let known = leadInWordsTable.lookup(key) { return known }
        let value = compute(stem)
        leadInWordsTable.store(value, for: key)
        return value
    }
    func leadInLowered(of stem: String, compute: (String) -> [String]) -> [String] {
        let key = TextKey(stem)
        if let known = leadInLoweredTable.lookup(key) { return known }
        let value = compute(stem)
        leadInLoweredTable.store(value, for: key)
        return value
    }
    func metaKind(of text: String, compute: (String) -> MetaOption.Kind?) -> MetaOption.Kind? {
        let key = TextKey(text)
        if let known = metaKindsTable.lookup(key) { return known }
        let value = compute(text)
        metaKindsTable.store(value, for: key)
        return value
    }
    func isCombination(_ text: String, compute: (String) -> Bool) -> Bool {
        let key = TextKey(text)
        if let known = combinationsTable.lookup(key) { return known }
        let value = compute(text)
        combinationsTable.store(value, for: key)
        return value
    }
    func stem(of word: String, compute: (String) -> String) -> String {
        let key = TextKey(word)
        if let known = stemsTable.lookup(key) { return known }
        let value = compute(word)
        stemsTable.store(value, for: key)
        return value
    }

    func contentOptions(of options: [Option], compute: ([Option]) -> [Option]) -> [Option] {
        if let slot = contentOptionsSlot, slot.options.count == options.count, Self.sameBuffer(slot.options, options) { return slot.content }
        let content = compute(options)
        contentOptionsSlot = (options, content)
        return content
    }

    func partGroups(of options: [Option], compute: ([Option]) -> [[ItemPart]]) -> [[ItemPart]] {
        if let slot = partGroupsSlot, slot.options.count == options.count, Self.sameBuffer(slot.options, options) { return slot.groups }
        let groups = compute(options)
        partGroupsSlot = (options, groups)
        return groups
    }

    private static func sameBuffer(_ a: [Option], _ b: [Option]) -> Bool {
        a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in x.baseAddress == y.baseAddress } }
    }

    func reset() {
        contentOptionsSlot = nil
        partGroupsSlot = nil
        wordsTable.reset()
        loweredTable.reset()
        leadInsTable.reset()
        stemPartsTable.reset()
        leadInWordsTable.reset()
        leadInLoweredTable.reset()
        metaKindsTable.reset()
        combinationsTable.reset()
    }

    /// One bounded table. Emptying an already empty dictionary still walks its buckets,
    /// so `reset` skips tables the item never used.
    struct Table<Key: Hashable, Value> {
        private var entries: [Key: Value] = [:]
        private let bound: Int

        init(bound: Int = 512) { self.bound = bound }

        /// Look-up and store are separate calls, so a computation may use the memo (even this table) itself.
        func lookup(_ key: Key) -> Value? { entries[key] }

        mutating func store(_ value: Value, for key: Key) {
            if entries.count >= bound { entries.removeAll(keepingCapacity: true) }
            entries[key] = value
        }

        mutating func reset() {
            if !entries.isEmpty { entries.removeAll(keepingCapacity: true) }
        }
    }

    /// A text as a table key: equal keys are equal texts, but the hash reads the length and three
    /// 8-byte samples, not every byte. Rules look the same stem and options up a dozen times per
    /// item, and hashing whole texts cost more than the look-ups saved. Texts that share the
    /// samples (options of one length that differ in the middle) only cost a comparison more.
    struct TextKey: Hashable {
        let text: String
        private let count: Int
        private let samples: (head: UInt64, middle: UInt64, tail: UInt64)?

        init(_ text: String) {
            self.text = text
            count = text.utf8.count
            samples = text.utf8.withContiguousStorageIfAvailable { bytes in
                guard let base = bytes.baseAddress, bytes.count >= 8 else {
                    var head: UInt64 = 0
                    for (offset, byte) in bytes.enumerated() { head |= UInt64(byte) << UInt64(8 * offset) }
                    return (head, 0, 0)
                }
                let raw = UnsafeRawPointer(base)
                return (raw.loadUnaligned(as: UInt64.self),
                        raw.loadUnaligned(fromByteOffset: bytes.count / 2 - 4, as: UInt64.self),
                        raw.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self))
            }
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(count)
            if let samples {
                hasher.combine(samples.head)
                hasher.combine(samples.middle)
                hasher.combine(samples.tail)
            } else {
                hasher.combine(text) // no contiguous bytes to sample (a bridged string)
            }
        }

        static func == (a: TextKey, b: TextKey) -> Bool {
            guard a.count == b.count else { return false }
            if let x = a.samples, let y = b.samples, x != y { return false }
            return a.text == b.text
        }
    }

    /// This thread's memo, through a pthread key (Foundation's thread dictionary cost more than the lookups saved).
    static var current: TextMemo {
        if let raw = pthread_getspecific(key) { return Unmanaged<TextMemo>.fromOpaque(raw).takeUnretainedValue() }
        let memo = TextMemo()
        pthread_setspecific(key, Unmanaged.passRetained(memo).toOpaque())
        return memo
    }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { raw in
            #if canImport(Glibc)
            guard let raw else { return }
            #endif
            Unmanaged<TextMemo>.fromOpaque(raw).release()
        }
        return key
    }()
}

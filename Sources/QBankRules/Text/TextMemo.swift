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
/// Every table is keyed by the whole text it derives from, so a cached value is always
/// the value the computation would give for that text. Values that hold indices into
/// their text (lead-ins, words of a lead-in) are keyed by the stem they were cut from.
final class TextMemo {
    private var wordsTable = Table<String, [Word]>()
    private var loweredTable = Table<String, [String]>()
    private var leadInsTable = Table<String, Substring>()
    private var stemPartsTable = Table<String, StemParts>()
    private var leadInWordsTable = Table<String, [Word]>()
    private var leadInLoweredTable = Table<String, [String]>()
    private var metaKindsTable = Table<String, MetaOption.Kind?>()
    private var combinationsTable = Table<String, Bool>()
    private var stemsTable = Table<String, String>(bound: 50_000)
    /// The last options list asked about and its content options. Keyed by the list's buffer,
    /// which the slot keeps alive: while it does, no other list can have that address, and a
    /// shared buffer is never written to, so a hit is always the same options.
    private var contentOptionsSlot: (options: [Option], content: [Option])?

    func words(of text: String, compute: (String) -> [Word]) -> [Word] {
        if let known = wordsTable.lookup(text) { return known }
        let value = compute(text)
        wordsTable.store(value, for: text)
        return value
    }
    func lowered(of text: String, compute: (String) -> [String]) -> [String] {
        if let known = loweredTable.lookup(text) { return known }
        let value = compute(text)
        loweredTable.store(value, for: text)
        return value
    }
    func leadIn(of stem: String, compute: (String) -> Substring) -> Substring {
        if let known = leadInsTable.lookup(stem) { return known }
        let value = compute(stem)
        leadInsTable.store(value, for: stem)
        return value
    }
    func stemParts(of stem: String, compute: (String) -> StemParts) -> StemParts {
        if let known = stemPartsTable.lookup(stem) { return known }
        let value = compute(stem)
        stemPartsTable.store(value, for: stem)
        return value
    }
    func leadInWords(of stem: String, compute: (String) -> [Word]) -> [Word] {
        if let known = leadInWordsTable.lookup(stem) { return known }
        let value = compute(stem)
        leadInWordsTable.store(value, for: stem)
        return value
    }
    func leadInLowered(of stem: String, compute: (String) -> [String]) -> [String] {
        if let known = leadInLoweredTable.lookup(stem) { return known }
        let value = compute(stem)
        leadInLoweredTable.store(value, for: stem)
        return value
    }
    func metaKind(of text: String, compute: (String) -> MetaOption.Kind?) -> MetaOption.Kind? {
        if let known = metaKindsTable.lookup(text) { return known }
        let value = compute(text)
        metaKindsTable.store(value, for: text)
        return value
    }
    func isCombination(_ text: String, compute: (String) -> Bool) -> Bool {
        if let known = combinationsTable.lookup(text) { return known }
        let value = compute(text)
        combinationsTable.store(value, for: text)
        return value
    }
    func stem(of word: String, compute: (String) -> String) -> String {
        if let known = stemsTable.lookup(word) { return known }
        let value = compute(word)
        stemsTable.store(value, for: word)
        return value
    }

    func contentOptions(of options: [Option], compute: ([Option]) -> [Option]) -> [Option] {
        if let slot = contentOptionsSlot, slot.options.count == options.count, Self.sameBuffer(slot.options, options) { return slot.content }
        let content = compute(options)
        contentOptionsSlot = (options, content)
        return content
    }

    private static func sameBuffer(_ a: [Option], _ b: [Option]) -> Bool {
        a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in x.baseAddress == y.baseAddress } }
    }

    func reset() {
        contentOptionsSlot = nil
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

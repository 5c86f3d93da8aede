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
/// so the per-item tables only ever answer for one item's texts; each holds a fixed number
/// of slots, so a caller that never resets cannot grow them. Word stems do not depend on
/// the item and are kept across items, bounded.
///
/// Every table is keyed by the text it derives from (its identity, or for stems its content,
/// `TextKey`), so a cached value is always the value the computation would give for that text.
/// Values that hold indices into their text (lead-ins, words of a lead-in) are keyed by the
/// stem they were cut from.
final class TextMemo {
    private var wordsTable = Table<[Word]>()
    private var loweredTable = Table<[String]>()
    private var leadInsTable = Table<Substring>()
    private var stemPartsTable = Table<StemParts>()
    private var leadInWordsTable = Table<[Word]>()
    private var leadInLoweredTable = Table<[String]>()
    private var metaKindsTable = Table<MetaOption.Kind?>()
    private var combinationsTable = Table<Bool>()
    private var stemsTable = Table<String>(slots: 1024, byContent: true, bound: 50_000)
    /// The last options list asked about and its content options. Keyed by the list's buffer,
    /// which the slot keeps alive: while it does, no other list can have that address, and a
    /// shared buffer is never written to, so a hit is always the same options.
    private var contentOptionsSlot: (options: [Option], value: [Option])?
    /// The last options list's parts (`Item.partGroups`), kept the same way: four rules ask for them.
    private var partGroupsSlot: (options: [Option], value: [[ItemPart]])?
    /// The last options list's correct options, kept the same way: eight rules ask for them.
    private var keysSlot: (options: [Option], value: [Option])?

    func words(of text: String, compute: (String) -> [Word]) -> [Word] {
        if let known = wordsTable.lookup(text) { return known }
        let value = compute(text)
        wordsTable.store(value, for: text)
        return value
    }
    /// The words of `text` if some rule already asked for them, without computing them.
    func knownWords(of text: String) -> [Word]? { wordsTable.lookup(text) }
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

    /// The last item asked whether it names an image, by its stem and parts (see `ItemTexts`): six media rules ask.
    private var namesImageSlot: (texts: ItemTexts, answer: Bool)?

    func namesImage(_ item: Item, compute: (Item) -> Bool) -> Bool {
        let texts = ItemTexts(item)
        if let slot = namesImageSlot, slot.texts.same(as: texts) { return slot.answer }
        let answer = compute(item)
        namesImageSlot = (texts, answer)
        return answer
    }

    func contentOptions(of options: [Option], compute: ([Option]) -> [Option]) -> [Option] {
        Self.answer(&contentOptionsSlot, for: options, compute)
    }

    func partGroups(of options: [Option], compute: ([Option]) -> [[ItemPart]]) -> [[ItemPart]] {
        Self.answer(&partGroupsSlot, for: options, compute)
    }

    func keys(of options: [Option], compute: ([Option]) -> [Option]) -> [Option] {
        Self.answer(&keysSlot, for: options, compute)
    }

    /// The slot's value when it was computed for this options list, else a fresh one, kept.
    private static func answer<Value>(_ slot: inout (options: [Option], value: Value)?, for options: [Option],
                                      _ compute: ([Option]) -> Value) -> Value {
        if let slot, slot.options.count == options.count, sameBuffer(slot.options, options) { return slot.value }
        let value = compute(options)
        slot = (options, value)
        return value
    }

    private static func sameBuffer<Element>(_ a: [Element], _ b: [Element]) -> Bool {
        a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in x.baseAddress == y.baseAddress } }
    }

    /// An item's stem and its parts' arrays, held so that none of their storage can be reused while
    /// held: the same stem storage (or the same inline bytes) and the same part buffers are the same
    /// texts. Two items that share an empty part list and an inline stem have the same texts too.
    struct ItemTexts {
        let stem: String
        let body: ItemBody

        init(_ item: Item) {
            stem = item.stem.value
            body = item.body
        }

        func same(as other: ItemTexts) -> Bool {
            guard StringIdentity(stem) == StringIdentity(other.stem) else { return false }
            switch (body, other.body) {
            case let (.choice(a), .choice(b)): return sameBuffer(a.options, b.options)
            case let (.ordering(a), .ordering(b)): return sameBuffer(a, b)
            case let (.matching(a), .matching(b)): return sameBuffer(a.prompts, b.prompts) && sameBuffer(a.responses, b.responses)
            default: return false
            }
        }
    }

    /// After each item: its texts' values and the answers kept for it go; word stems stay.
    func reset() {
        namesImageSlot = nil
        contentOptionsSlot = nil
        partGroupsSlot = nil
        keysSlot = nil
        wordsTable.reset()
        loweredTable.reset()
        leadInsTable.reset()
        stemPartsTable.reset()
        leadInWordsTable.reset()
        leadInLoweredTable.reset()
        metaKindsTable.reset()
        combinationsTable.reset()
    }

    /// Everything, word stems included: for tests that must see a word analysed afresh.
    func forgetAll() {
        reset()
        stemsTable.reset()
    }

    /// Values by text. A table of one item's texts finds them by identity only (their storage, or the
    /// bytes of a small string), in slots picked by that identity: rules ask about the same stem and
    /// option strings a dozen times per item, and hashing them each time cost more than the look-ups
    /// saved. 256 slots keep two texts of one item from taking one slot, mostly. A slot holds its text, so no other text can take that storage while it is there; an
    /// identity hit is therefore always the same text. A miss (an equal text with other storage, or a
    /// slot another text took) only computes the value again. `reset` ends the slots' generation
    /// instead of clearing them. A table `byContent` (word stems, kept across items) also finds equal
    /// texts through a hash table, emptied past `bound` entries.
    struct Table<Value> {
        private var entries: [TextKey: Value] = [:]
        private let bound: Int
        private let byContent: Bool
        private var slots: [Slot?]
        private var generation: UInt32 = 0

        private struct Slot {
            var identity: StringIdentity
            var text: String
            var value: Value
            var generation: UInt32
        }

        init(slots count: Int = 256, byContent: Bool = false, bound: Int = 512) {
            self.bound = bound
            self.byContent = byContent
            slots = Array(repeating: nil, count: count)
        }

        /// Look-up and store are separate calls, so a computation may use the memo (even this table) itself.
        mutating func lookup(_ text: String) -> Value? {
            let identity = StringIdentity(text)
            let index = identity.slot(among: slots.count)
            if let slot = slots[index], slot.generation == generation, slot.identity == identity { return slot.value }
            guard byContent, !entries.isEmpty, let value = entries[TextKey(text)] else { return nil }
            slots[index] = Slot(identity: identity, text: text, value: value, generation: generation)
            return value
        }

        mutating func store(_ value: Value, for text: String) {
            if byContent {
                if entries.count >= bound { entries.removeAll(keepingCapacity: true) }
                entries[TextKey(text)] = value
            }
            let identity = StringIdentity(text)
            slots[identity.slot(among: slots.count)] = Slot(identity: identity, text: text, value: value, generation: generation)
        }

        mutating func reset() {
            if !entries.isEmpty { entries.removeAll(keepingCapacity: true) }
            generation &+= 1
        }
    }

    /// A string's two words as stored: equal for two copies of one string (same storage, or the same
    /// bytes inline), so equal identities are equal texts while either string is alive; equal texts
    /// with different storage differ here and are left to `TextKey`.
    struct StringIdentity: Equatable {
        private let first: UInt64, second: UInt64

        init(_ text: String) { (first, second) = unsafeBitCast(text, to: (UInt64, UInt64).self) }

        func slot(among count: Int) -> Int {
            let mixed = (first ^ (second &* 0x9E37_79B9_7F4A_7C15)) &* 0xFF51_AFD7_ED55_8CCD
            return Int(truncatingIfNeeded: mixed >> 40) & (count - 1)
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

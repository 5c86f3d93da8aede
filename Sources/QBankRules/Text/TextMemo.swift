#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Remembers text analyses (words, lead-ins, stems) per thread.
///
/// Two dozen quality rules look at the same stem and options; tokenising them once per
/// rule made those rules cost several times what reading the bank costs. The engine
/// checks one item with every item rule on the same thread and then calls `reset()`,
/// so the per-item tables only ever hold one item's texts; they also empty themselves
/// past a size bound, so a caller that never resets cannot grow them without limit.
/// Word stems do not depend on the item and are kept across items, also bounded.
final class TextMemo {
    private var words: [String: [Word]] = [:]
    private var texts: [String: Substring] = [:]
    private var stems: [String: String] = [:]
    private static let itemBound = 512
    private static let stemBound = 50_000

    func words(of text: String, compute: (String) -> [Word]) -> [Word] {
        if let known = words[text] { return known }
        if words.count >= Self.itemBound { words.removeAll(keepingCapacity: true) }
        let value = compute(text)
        words[text] = value
        return value
    }

    /// A derived piece of one text (a lead-in, a stem without its directive), keyed by what derives it.
    func text(_ kind: String, of source: String, compute: (String) -> Substring) -> Substring {
        let key = kind + "\u{0}" + source
        if let known = texts[key] { return known }
        if texts.count >= Self.itemBound { texts.removeAll(keepingCapacity: true) }
        let value = compute(source)
        texts[key] = value
        return value
    }

    func stem(of word: String, compute: (String) -> String) -> String {
        if let known = stems[word] { return known }
        if stems.count >= Self.stemBound { stems.removeAll(keepingCapacity: true) }
        let value = compute(word)
        stems[word] = value
        return value
    }

    func reset() {
        words.removeAll(keepingCapacity: true)
        texts.removeAll(keepingCapacity: true)
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

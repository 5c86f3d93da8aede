import Foundation

/// Remembers text analyses (words, lead-ins) for the item being checked, per thread.
///
/// Two dozen quality rules look at the same stem and options; tokenising them once per
/// rule made those rules cost several times what reading the bank costs. The engine
/// checks one item with every item rule on the same thread and then calls `reset()`,
/// so the memo only ever holds one item's texts; it also empties itself past a size
/// bound, so a caller that never resets cannot grow it without limit.
final class TextMemo {
    private var words: [String: [Word]] = [:]
    private var leadIns: [String: Substring] = [:]
    private static let bound = 512

    func words(of text: String, compute: (String) -> [Word]) -> [Word] {
        if let known = words[text] { return known }
        if words.count >= Self.bound { words.removeAll(keepingCapacity: true) }
        let value = compute(text)
        words[text] = value
        return value
    }

    func leadIn(of stem: String, compute: (String) -> Substring) -> Substring {
        if let known = leadIns[stem] { return known }
        if leadIns.count >= Self.bound { leadIns.removeAll(keepingCapacity: true) }
        let value = compute(stem)
        leadIns[stem] = value
        return value
    }

    func reset() {
        words.removeAll(keepingCapacity: true)
        leadIns.removeAll(keepingCapacity: true)
    }

    /// This thread's memo.
    static var current: TextMemo {
        if let memo = Thread.current.threadDictionary[key] as? TextMemo { return memo }
        let memo = TextMemo()
        Thread.current.threadDictionary[key] = memo
        return memo
    }

    private static let key = "qbank.TextMemo"
}

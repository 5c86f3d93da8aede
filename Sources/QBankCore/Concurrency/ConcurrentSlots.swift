import Foundation

/// Slots that parallel work (`DispatchQueue.concurrentPerform`) fills by index, so
/// results keep their input order whatever order the work finishes in.
public final class ConcurrentSlots<Value>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    public init(count: Int) { slots = Array(repeating: nil, count: count) }

    public func store(_ value: Value, at index: Int) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    /// Every slot, nil where nothing was stored.
    public var values: [Value?] { lock.withLock { slots } }
}

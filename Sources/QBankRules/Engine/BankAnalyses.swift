import Foundation
import QBankCore

/// What the costly bank rules work out of each item on its own (QB503's shingles, QB505's content
/// words), by file, so that the lint cache can keep it beside the file's signature: with one file
/// changed, only that file's items are analysed again and the cross-item passes run on the rest's
/// stored analyses. Each rule writes and reads its own bytes; bytes that do not decode, or that
/// describe another number of items, are ignored and the items analysed afresh.
public final class BankAnalyses: @unchecked Sendable {
    private let lock = NSLock()
    /// File path → rule id → bytes, as the cache gave them.
    private let stored: [String: [String: [UInt8]]]
    private var made: [String: [String: [UInt8]]] = [:]

    public init(stored: [String: [String: [UInt8]]] = [:]) { self.stored = stored }

    func stored(_ rule: String, file: String) -> [UInt8]? { stored[file]?[rule] }

    func record(_ bytes: [UInt8], rule: String, file: String) {
        lock.withLock { made[file, default: [:]][rule] = bytes }
    }

    /// The analyses this run made of `file`'s items, by rule id, for the cache to keep.
    public func made(for file: String) -> [String: [UInt8]] {
        lock.withLock { made[file] ?? [:] }
    }
}

/// The compact bytes of a rule's analyses: LEB128 counts, little-endian fixed-width numbers, UTF-8 strings.
struct AnalysisWriter {
    var bytes: [UInt8] = []

    mutating func count(_ value: Int) {
        var value = UInt64(value)
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    mutating func word<Word: FixedWidthInteger & UnsignedInteger>(_ value: Word) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// The words one after another, uncounted (the reader is given their count), copied whole.
    mutating func words<Word: FixedWidthInteger & UnsignedInteger>(_ values: some Collection<Word>) {
        #if _endian(little)
        if values.withContiguousStorageIfAvailable({ bytes.append(contentsOf: UnsafeRawBufferPointer($0)) }) != nil { return }
        #endif
        for value in values { word(value) }
    }

    mutating func string(_ value: String) {
        count(value.utf8.count)
        bytes.append(contentsOf: value.utf8)
    }
}

struct AnalysisReader {
    let bytes: [UInt8]
    var offset = 0

    var atEnd: Bool { offset == bytes.count }

    mutating func count() -> Int? {
        var value: UInt64 = 0, shift: UInt64 = 0
        while offset < bytes.count {
            let next = bytes[offset]
            offset += 1
            value |= UInt64(next & 0x7F) << shift
            if next < 0x80 { return value <= UInt64(bytes.count) ? Int(value) : nil }
            shift += 7
            if shift > 63 { return nil }
        }
        return nil
    }

    mutating func word<Word: FixedWidthInteger & UnsignedInteger>(_: Word.Type = Word.self) -> Word? {
        let size = MemoryLayout<Word>.size
        guard offset + size <= bytes.count else { return nil }
        defer { offset += size }
        return bytes.withUnsafeBytes { Word(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: Word.self)) }
    }

    /// `count` words, or with no count given, a counted list of them.
    mutating func words<Word: FixedWidthInteger & UnsignedInteger>(_: Word.Type, count: Int? = nil) -> [Word]? {
        var words: [Word] = []
        guard appendWords(Word.self, count: count, to: &words) else { return nil }
        return words
    }

    /// Appends `count` words (or a counted list of them) to `out`, read whole rather than byte by byte: decoding
    /// the other files' analyses was a tenth of a re-lint after one file changed. False when the bytes run out.
    mutating func appendWords<Word: FixedWidthInteger & UnsignedInteger>(_: Word.Type, count: Int? = nil, to out: inout [Word]) -> Bool {
        let size = MemoryLayout<Word>.size
        // A count read from the bytes is at most their length, so the product cannot overflow.
        guard let count = count ?? self.count(), offset + count * size <= bytes.count else { return false }
        let start = offset
        if out.isEmpty { out.reserveCapacity(count) }
        bytes.withUnsafeBytes { raw in
            for index in 0..<count {
                out.append(Word(littleEndian: raw.loadUnaligned(fromByteOffset: start + index * size, as: Word.self)))
            }
        }
        offset += count * size
        return true
    }

    mutating func string() -> String? {
        guard let length = count(), offset + length <= bytes.count else { return nil }
        defer { offset += length }
        // From a buffer, not an array slice: the slice took the generic, slower path.
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[offset..<(offset + length)]), as: UTF8.self) }
    }
}

extension BankItems {
    /// Per file of the bank, in order, its items' analyses: those `context.analyses` stored for the
    /// file when `decode` reads them (as many as the file has items), else `analyse`'s (given the
    /// file's item indices), which are recorded for the cache, when there is one, with `encode`.
    /// Files are analysed on every core.
    func analyses<Analysis>(
        rule: String, in context: LintContext, analyse: @Sendable (Range<Int>) -> [Analysis],
        encode: @Sendable ([Analysis]) -> [UInt8], decode: @Sendable ([UInt8]) -> [Analysis]?
    ) -> [Analysis] {
        let ranges = fileRanges
        let slots = ConcurrentSlots<[Analysis]>(count: ranges.count)
        DispatchQueue.concurrentPerform(iterations: ranges.count) { fileIndex in
            let path = bank.files[fileIndex].path
            if let bytes = context.analyses?.stored(rule, file: path), let stored = decode(bytes), stored.count == ranges[fileIndex].count {
                slots.store(stored, at: fileIndex)
                return
            }
            let fresh = analyse(ranges[fileIndex])
            context.analyses?.record(encode(fresh), rule: rule, file: path)
            slots.store(fresh, at: fileIndex)
        }
        return slots.values.flatMap { $0 ?? [] }
    }
}

/// The compact binary layout the lint cache writes its entries and signatures in: LEB128 counts,
/// zig-zag integers, counted UTF-8 strings. Decoding them costs a fraction of JSON's, which
/// matters when one changed file makes a run read every other file's entry.
protocol CacheByteWriting {
    var bytes: [UInt8] { get set }
}

extension CacheByteWriting {
    mutating func byte(_ value: UInt8) { bytes.append(value) }

    /// LEB128.
    mutating func unsigned(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    /// Zig-zag, so small negative numbers stay short.
    mutating func int(_ value: Int) { unsigned(UInt64(bitPattern: Int64((value << 1) ^ (value >> 63)))) }
    mutating func count(_ value: Int) { unsigned(UInt64(value)) }
    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func string(_ value: String) {
        count(value.utf8.count)
        bytes.append(contentsOf: value.utf8)
    }

    mutating func optional(_ value: String?) {
        bool(value != nil)
        if let value { string(value) }
    }
}

/// Reads what `CacheByteWriting` wrote; every read returns nil past the end or on a malformed value, never traps.
protocol CacheByteReading {
    var bytes: [UInt8] { get }
    var offset: Int { get set }
}

extension CacheByteReading {
    var atEnd: Bool { offset == bytes.count }

    mutating func byte() -> UInt8? {
        guard offset < bytes.count else { return nil }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func unsigned() -> UInt64? {
        var value: UInt64 = 0, shift: UInt64 = 0
        while let next = byte() {
            value |= UInt64(next & 0x7F) << shift
            if next < 0x80 { return value }
            shift += 7
            if shift > 63 { return nil }
        }
        return nil
    }

    mutating func int() -> Int? {
        unsigned().map { Int(Int64(bitPattern: ($0 >> 1) ^ (0 &- ($0 & 1)))) }
    }

    /// A count or length, which can never exceed the bytes left to read.
    mutating func count() -> Int? {
        guard let value = unsigned(), value <= UInt64(bytes.count) else { return nil }
        return Int(value)
    }

    mutating func bool() -> Bool? {
        switch byte() {
        case 0: false
        case 1: true
        default: nil
        }
    }

    mutating func string() -> String? {
        guard let length = count(), offset + length <= bytes.count else { return nil }
        defer { offset += length }
        return String(decoding: bytes[offset..<(offset + length)], as: UTF8.self)
    }

    mutating func optional() -> String?? {
        guard let present = bool() else { return nil }
        guard present else { return .some(nil) }
        guard let value = string() else { return nil }
        return .some(value)
    }

    /// Whether the next bytes are `prefix`, which are then skipped.
    mutating func skip(_ prefix: [UInt8]) -> Bool {
        guard bytes.count - offset >= prefix.count, bytes[offset..<(offset + prefix.count)].elementsEqual(prefix) else { return false }
        offset += prefix.count
        return true
    }
}

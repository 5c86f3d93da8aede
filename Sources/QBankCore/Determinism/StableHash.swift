/// FNV-1a, 64-bit, over UTF-8 bytes: tiny, dependency-free, and the same on every
/// platform and run (unlike `Hasher`, which is seeded per process). Not cryptographic;
/// fingerprints, delivery orders and exact-content keys only need it stable and spread.
public enum StableHash {
    public static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325

    /// - Parameter seed: where the hash starts; chaining a previous hash in combines keys.
    public static func fnv1a64(_ text: String, seed: UInt64 = offsetBasis) -> UInt64 {
        fnv1a64(bytes: text.utf8, seed: seed)
    }

    /// FNV-1a (64 bits) over bytes: file contents, words read off a buffer.
    @inlinable public static func fnv1a64(bytes: some Sequence<UInt8>, seed: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 {
        var hash = seed
        for byte in bytes { hash = fnv1aStep(hash, byte) }
        return hash
    }

    /// One FNV-1a step, for hashes built a byte at a time while scanning (word hashes, folded texts).
    @inlinable @inline(__always) public static func fnv1aStep(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }

    /// 16 lowercase hex digits.
    public static func hex(_ text: String) -> String { hex(fnv1a64(text)) }

    public static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16, uppercase: false)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

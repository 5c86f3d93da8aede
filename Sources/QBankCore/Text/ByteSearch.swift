#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Finding a byte string in file contents (end tags, identifiers) without a byte-by-byte Swift
/// loop: `memchr` to each candidate first byte, then `memcmp`.
public enum ByteSearch {
    /// The offset where `needle` first starts at or after `from`, or nil.
    public static func firstOffset(of needle: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        bytes.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress, let first = needle.first, from >= 0 else { return nil }
            var at = from
            while at + needle.count <= buffer.count {
                guard let hit = memchr(base + at, Int32(first), buffer.count - at) else { return nil }
                let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                guard offset + needle.count <= buffer.count else { return nil }
                if memcmp(base + offset, needle, needle.count) == 0 { return offset }
                at = offset + 1
            }
            return nil
        }
    }
}

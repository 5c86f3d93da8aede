/// The structure check a zip gets before ZIPFoundation sees it: the end-of-central-directory record and every
/// central-directory header must lie inside the file, with their names and local headers, so a truncated or forged
/// package (a 22-byte file whose directory points past its end) is refused with a message instead of trapping in
/// the library's range arithmetic.
enum ZipDirectory {
    static let endSignature: UInt32 = 0x0605_4B50
    static let centralSignature: UInt32 = 0x0201_4B50
    static let localSignature: UInt32 = 0x0403_4B50
    static let endRecordLength = 22, centralHeaderLength = 46, localHeaderLength = 30

    /// One file entry as the central directory describes it, with where its data starts.
    struct Entry {
        var name: String
        var method: UInt16
        var flags: UInt16
        var dataOffset: Int
        var compressedSize: Int
        var uncompressedSize: Int
        var isDirectory: Bool { name.hasSuffix("/") }
        /// Unix file type bits from the external attributes (0o120000 is a link).
        var unixMode: UInt32
        var checksum: UInt32
    }

    /// The entries, once every header is known to lie inside the file.
    @discardableResult
    static func check(_ bytes: [UInt8]) throws(ZipPackage.Failure) -> [Entry] {
        var found: [Entry] = []
        guard let end = endRecordOffset(bytes) else {
            throw ZipPackage.Failure(message: "not a zip archive: no end-of-central-directory record")
        }
        let entries = Int(uint16(bytes, end + 10))
        let size = Int(uint32(bytes, end + 12)), start = Int(uint32(bytes, end + 16))
        // Zip64 keeps the real values elsewhere; packages that need it are far beyond the entry and size limits.
        if entries == 0xFFFF || size == 0xFFFF_FFFF || start == 0xFFFF_FFFF {
            throw ZipPackage.Failure(message: "a Zip64 archive; packages that large are refused (limit \(ZipPackage.maxTotalBytes) bytes)")
        }
        guard start + size <= end else {
            throw ZipPackage.Failure(message: "damaged zip archive: the central directory (offset \(start), \(size) bytes) lies past the end of its \(bytes.count)-byte file")
        }
        var offset = start
        for index in 0..<entries {
            guard offset + centralHeaderLength <= start + size, uint32(bytes, offset) == centralSignature else {
                throw ZipPackage.Failure(message: "damaged zip archive: central-directory entry \(index + 1) of \(entries) is missing or malformed")
            }
            let nameLength = Int(uint16(bytes, offset + 28)), extraLength = Int(uint16(bytes, offset + 30))
            let commentLength = Int(uint16(bytes, offset + 32)), local = Int(uint32(bytes, offset + 42))
            let next = offset + centralHeaderLength + nameLength + extraLength + commentLength
            guard next <= start + size else {
                throw ZipPackage.Failure(message: "damaged zip archive: central-directory entry \(index + 1) runs past the directory")
            }
            guard local != 0xFFFF_FFFF, local + localHeaderLength <= start, uint32(bytes, local) == localSignature else {
                throw ZipPackage.Failure(message: "damaged zip archive: entry \(index + 1) points at no local header (offset \(local))")
            }
            let localEnd = local + localHeaderLength + Int(uint16(bytes, local + 26)) + Int(uint16(bytes, local + 28))
            guard localEnd <= start else {
                throw ZipPackage.Failure(message: "damaged zip archive: the local header of entry \(index + 1) runs into the central directory")
            }
            // ZIPFoundation reads as many bytes as the directory claims: a forged size would have it allocate and
            // loop far past the file (found by Scripts/fuzz.sh qti-package).
            let compressed = Int(uint32(bytes, offset + 20))
            guard localEnd + compressed <= start else {
                throw ZipPackage.Failure(message: "damaged zip archive: entry \(index + 1) claims \(compressed) compressed bytes, more than the file holds")
            }
            let name = String(decoding: bytes[(offset + centralHeaderLength)..<(offset + centralHeaderLength + nameLength)], as: UTF8.self)
            found.append(Entry(name: name, method: uint16(bytes, offset + 10), flags: uint16(bytes, offset + 8), dataOffset: localEnd,
                               compressedSize: compressed, uncompressedSize: Int(uint32(bytes, offset + 24)),
                               unixMode: uint32(bytes, offset + 38) >> 16, checksum: uint32(bytes, offset + 16)))
            offset = next
        }
        return found
    }

    /// The last end-of-central-directory record whose comment ends exactly at the end of the file.
    static func endRecordOffset(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= endRecordLength else { return nil }
        let lowest = max(0, bytes.count - endRecordLength - 0xFFFF)
        var offset = bytes.count - endRecordLength
        while offset >= lowest {
            if uint32(bytes, offset) == endSignature, offset + endRecordLength + Int(uint16(bytes, offset + 20)) == bytes.count {
                return offset
            }
            offset -= 1
        }
        return nil
    }

    static func uint16(_ bytes: [UInt8], _ offset: Int) -> UInt16 {
        UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }

    static func uint32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        UInt32(uint16(bytes, offset)) | UInt32(uint16(bytes, offset + 2)) << 16
    }
}

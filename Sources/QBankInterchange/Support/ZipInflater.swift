import CQBankZlib

/// Inflates one zip entry with zlib directly, under a byte budget checked as output grows. ZIPFoundation's reading
/// loop spun forever on some corrupt deflate streams (found by `Scripts/fuzz.sh qti-package`); here zlib either makes
/// progress or says why not, and every answer but progress ends the loop.
enum ZipInflater {
    /// - Parameter grown: called with the bytes produced so far; throws to stop (size limits, bomb ratio).
    static func inflate(_ input: ArraySlice<UInt8>, name: String,
                        grown: (Int) throws(ZipPackage.Failure) -> Void) throws(ZipPackage.Failure) -> [UInt8] {
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw ZipPackage.Failure(message: "entry '\(name)' cannot be extracted (zlib would not start)")
        }
        defer { inflateEnd(&stream) }
        let compressed = Array(input)
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        var finished = false
        try compressed.withUnsafeBufferPointer { (source: UnsafeBufferPointer<UInt8>) throws(ZipPackage.Failure) in
            stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
            stream.avail_in = UInt32(source.count)
            while !finished {
                let status = chunk.withUnsafeMutableBufferPointer { target -> Int32 in
                    stream.next_out = target.baseAddress
                    stream.avail_out = UInt32(target.count)
                    return CQBankZlib.inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk.count - Int(stream.avail_out)
                output += chunk[0..<produced]
                try grown(output.count)
                switch status {
                case Z_STREAM_END: finished = true
                case Z_OK where produced > 0 || stream.avail_in > 0: continue
                default: throw ZipPackage.Failure(message: "entry '\(name)' cannot be extracted (corrupt or truncated deflate data)")
                }
            }
        }
        return output
    }

    /// CRC-32 as zip stores it.
    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, UInt32($0.count))) }
    }
}

import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole file straight into the byte array the readers take. `FileManager.contents` then
/// `[UInt8](data)` held each file twice while it was read (82 MB for a 41 MB bank file).
enum FileBytes {
    /// The file's bytes, or nil when it cannot be read. Regular files are read into an array sized
    /// from `fstat`; anything else (a FIFO, a file that grows while read) through `FileManager`.
    static func read(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, let size = Int(exactly: info.st_size) else {
            return fallback(path)
        }
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = 0
            while count < size {
                let got = Foundation.read(descriptor, buffer.baseAddress! + count, size - count)
                if got > 0 {
                    count += got
                } else if got == 0 || errno != EINTR {
                    failed = got < 0
                    break
                }
            }
        }
        guard !failed else { return nil }
        // Shorter or longer than `fstat` said: it changed while read; read it the general way.
        var probe: UInt8 = 0
        if bytes.count < size || Foundation.read(descriptor, &probe, 1) != 0 { return fallback(path) }
        return bytes
    }

    private static func fallback(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map { [UInt8]($0) }
    }
}

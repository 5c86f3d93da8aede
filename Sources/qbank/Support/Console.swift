#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard output and error by `write(2)`, never `FileHandle.write`, which traps when the stream cannot be written
/// (`> /dev/full`, a closed pipe): a report that cannot be delivered is an exit 2 with a message, not a crash.
/// Commands print only through here, so the failure is seen whichever command hit it.
enum Console {
    /// The first error writing standard output; qbank writes it from the main thread only.
    nonisolated(unsafe) private static var outputError: Int32?

    static func out(_ text: String) {
        out(bytes: Array(text.utf8))
    }

    /// Bytes as they are (a bank file passed through `lint --fix --stdin-filename`, which may not be UTF-8).
    static func out(bytes: [UInt8]) {
        if outputError == nil, let error = write(bytes, to: STDOUT_FILENO) { outputError = error }
    }

    /// Diagnostics and progress; when stderr itself is unwritable there is nobody left to tell.
    static func err(_ text: String) {
        _ = write(Array(text.utf8), to: STDERR_FILENO)
    }

    /// Exits with `status`, or with 2 and a message on stderr when the report did not get out.
    static func finish(_ status: Int32) -> Never {
        if let outputError {
            err("qbank: cannot write to standard output: \(String(cString: strerror(outputError)))\n")
            exit(2)
        }
        exit(status)
    }

    /// Writes all of `text`, retrying short writes; returns the errno of a failure.
    private static func write(_ all: [UInt8], to descriptor: Int32) -> Int32? {
        var bytes = all[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { buffer in
                #if canImport(Glibc)
                Glibc.write(descriptor, buffer.baseAddress, buffer.count)
                #else
                Darwin.write(descriptor, buffer.baseAddress, buffer.count)
                #endif
            }
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            bytes = bytes.dropFirst(written)
        }
        return nil
    }
}

import Foundation

/// Writes a whole file or nothing: a temporary file beside the target, then a rename,
/// so a reader never sees half a report and a crash never leaves one behind.
///
/// Special targets are never replaced: a symbolic link is written at the file it points to (so a linked bank file
/// stays linked), a FIFO or device (`/dev/stdout`, `/dev/null`) is written through, and anything else that is not
/// a regular file is refused.
public enum AtomicFile {
    public static func write(_ text: String, to path: String) throws(FilesError) {
        try write(bytes: Array(text.utf8), to: path)
    }

    /// Binary content (zip packages) with the same guarantee.
    public static func write(bytes: [UInt8], to path: String) throws(FilesError) {
        var status = stat()
        var destination = path
        if lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFLNK {
            guard let resolved = FileDiscovery.realPath(path) else {
                throw .unwritable(path, "a symbolic link to a file that does not exist; write to its target or remove the link")
            }
            destination = resolved
        }
        guard stat(destination, &status) == 0 else { return try replace(destination, with: bytes, reportedAs: path, mode: nil) }
        switch status.st_mode & S_IFMT {
        case S_IFREG:
            try replace(destination, with: bytes, reportedAs: path, mode: status.st_mode & 0o7777)
        case S_IFIFO, S_IFCHR:
            try writeThrough(destination, bytes: bytes, reportedAs: path)
        case S_IFDIR:
            throw .unwritable(path, "it is a folder")
        default:
            throw .unwritable(path, "not a regular file, FIFO or character device; qbank does not replace it")
        }
    }

    /// The temporary-file-and-rename write, keeping the permissions of the file it replaces.
    private static func replace(_ target: String, with bytes: [UInt8], reportedAs path: String, mode: mode_t?) throws(FilesError) {
        let url = URL(fileURLWithPath: target)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try Data(bytes).write(to: temporary)
            if let mode { chmod(temporary.path, mode) }
            if rename(temporary.path, target) != 0 {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: temporary)
                throw FilesError.unwritable(path, reason)
            }
        } catch let error as FilesError {
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw .unwritable(path, (error as NSError).localizedDescription)
        }
    }

    /// Devices and FIFOs take the bytes as a stream. A FIFO nobody reads is refused rather than waited on.
    private static func writeThrough(_ target: String, bytes: [UInt8], reportedAs path: String) throws(FilesError) {
        let descriptor = open(target, O_WRONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            let reason = errno == ENXIO ? "a FIFO with no reader" : String(cString: strerror(errno))
            throw .unwritable(path, reason)
        }
        defer { close(descriptor) }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw .unwritable(path, String(cString: strerror(errno)))
            }
            offset += written
        }
    }
}

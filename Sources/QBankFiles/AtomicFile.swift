import Foundation

/// Writes a whole file or nothing: a temporary file beside the target, then a rename,
/// so a reader never sees half a report and a crash never leaves one behind.
public enum AtomicFile {
    public static func write(_ text: String, to path: String) throws(FilesError) {
        try write(bytes: Array(text.utf8), to: path)
    }

    /// Binary content (zip packages) with the same guarantee.
    public static func write(bytes: [UInt8], to path: String) throws(FilesError) {
        let target = URL(fileURLWithPath: path)
        let folder = target.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try Data(bytes).write(to: temporary)
            if rename(temporary.path, target.path) != 0 {
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
}

import Foundation
import QBankFiles
import Testing

/// Issue #12 case 8: atomic writes never replace a symbolic link, FIFO or device with a regular file.
struct AtomicFileTests {
    private func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("qbank-atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private func isSymbolicLink(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFLNK
    }

    @Test func aSymbolicLinkIsWrittenAtItsTargetAndStaysALink() throws {
        let root = try folder()
        let target = root.appendingPathComponent("real.xml"), link = root.appendingPathComponent("link.xml")
        try "old".write(to: target, atomically: true, encoding: .utf8)
        chmod(target.path, 0o640)
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "real.xml")
        try AtomicFile.write("new", to: link.path)
        #expect(isSymbolicLink(link.path))
        #expect(try String(contentsOf: target, encoding: .utf8) == "new")
        var status = stat()
        #expect(stat(target.path, &status) == 0 && status.st_mode & 0o777 == 0o640, "the replaced file keeps its permissions")
    }

    @Test func aDanglingLinkOrAFolderIsRefused() throws {
        let root = try folder()
        let link = root.appendingPathComponent("dangling.json")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "missing/nowhere.json")
        #expect(throws: FilesError.self) { try AtomicFile.write("x", to: link.path) }
        #expect(isSymbolicLink(link.path))
        #expect(throws: FilesError.self) { try AtomicFile.write("x", to: root.path) }
    }

    @Test func aFIFOIsWrittenThroughOrRefusedWithoutAReader() throws {
        let root = try folder()
        let fifo = root.appendingPathComponent("report.fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(throws: FilesError.self) { try AtomicFile.write("nobody reads", to: fifo) }
        let reader = open(fifo, O_RDONLY | O_NONBLOCK)
        #expect(reader >= 0)
        defer { close(reader) }
        try AtomicFile.write("through the pipe", to: fifo)
        var buffer = [UInt8](repeating: 0, count: 64)
        let count = read(reader, &buffer, buffer.count)
        #expect(String(decoding: buffer.prefix(max(0, count)), as: UTF8.self) == "through the pipe")
        var status = stat()
        #expect(lstat(fifo, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO, "the FIFO is still a FIFO")
    }

    @Test func aCharacterDeviceIsWrittenThrough() throws {
        try AtomicFile.write("discarded", to: "/dev/null")
        var status = stat()
        #expect(stat("/dev/null", &status) == 0 && status.st_mode & S_IFMT == S_IFCHR)
        if FileManager.default.fileExists(atPath: "/dev/full") {
            #expect(throws: FilesError.self) { try AtomicFile.write("no room", to: "/dev/full") }
        }
    }
}

import Foundation
import ZIPFoundation

/// Reads and writes zip packages (QTI content packages) in memory, defensively.
///
/// Reading refuses, before anything is used: entries whose path is absolute or
/// climbs out of the package (`..`, "zip slip"), symbolic links, more than
/// `maxEntries` entries, and decompression bombs: an entry larger than
/// `maxEntryBytes`, a package larger than `maxTotalBytes` uncompressed, or an entry
/// that expands more than `maxRatio` times. Sizes are counted while inflating, so a
/// header that lies about its size does not help. Two entries with one name are refused (which is meant?), and the
/// central directory is checked against the file's length first (`ZipDirectory`).
public enum ZipPackage {
    public static let maxEntries = 10_000
    public static let maxEntryBytes = 64 << 20
    public static let maxTotalBytes = 256 << 20
    public static let maxRatio = 200

    public struct Failure: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// Every file entry by normalised path (directories skipped). Read with `ZipDirectory` and zlib, not
    /// ZIPFoundation (which only writes): its reader trapped or spun on forged packages.
    public static func read(_ bytes: [UInt8], path: String) throws(Failure) -> [String: [UInt8]] {
        let entries = try ZipDirectory.check(bytes)
        if entries.count > maxEntries { throw Failure(message: "more than \(maxEntries) entries; refused as a possible zip bomb") }
        var files: [String: [UInt8]] = [:]
        var total = 0
        for entry in entries {
            let name = entry.name
            guard let normalised = safePath(name) else {
                throw Failure(message: "entry '\(name)' has an absolute path or climbs out of the package (zip slip); refused")
            }
            if entry.unixMode & 0o170000 == 0o120000 {
                throw Failure(message: "entry '\(name)' is a symbolic link; packages must not contain links")
            }
            if entry.isDirectory { continue }
            if entry.flags & 1 != 0 { throw Failure(message: "entry '\(name)' is encrypted; qbank reads only plain packages") }
            if entry.uncompressedSize > maxEntryBytes {
                throw Failure(message: "entry '\(name)' would expand to \(entry.uncompressedSize) bytes (limit \(maxEntryBytes)); refused as a possible zip bomb")
            }
            let stored = bytes[entry.dataOffset..<(entry.dataOffset + entry.compressedSize)]
            let compressed = max(entry.compressedSize, 1)
            let data: [UInt8]
            switch entry.method {
            case 0:
                data = Array(stored)
            case 8:
                data = try ZipInflater.inflate(stored, name: name) { (count: Int) throws(Failure) in
                    if count > maxEntryBytes || total + count > maxTotalBytes {
                        throw Failure(message: "the package expands beyond \(maxTotalBytes) bytes; refused as a possible zip bomb")
                    }
                    if count > 1 << 20, count / compressed > maxRatio {
                        throw Failure(message: "entry '\(name)' expands more than \(maxRatio) times; refused as a possible zip bomb")
                    }
                }
            default:
                throw Failure(message: "entry '\(name)' uses compression method \(entry.method); qbank reads stored and deflated entries")
            }
            guard ZipInflater.checksum(data) == entry.checksum else {
                throw Failure(message: "entry '\(name)' cannot be extracted (its CRC-32 does not match: the package is damaged)")
            }
            total += data.count
            guard files[normalised] == nil else {
                throw Failure(message: "entry '\(name)' appears twice in the package; which one is meant is ambiguous, so the package is refused")
            }
            files[normalised] = data
        }
        return files
    }

    /// The path inside the package, or nil when it is absolute or escapes it.
    static func safePath(_ raw: String) -> String? {
        let path = raw.replacingOccurrences(of: "\\", with: "/")
        if path.hasPrefix("/") || path.contains("\0") { return nil }
        if path.count >= 2, path.dropFirst().first == ":" { return nil }  // C:/...
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { return nil }
            parts.append(part)
        }
        return parts.isEmpty ? nil : parts.joined(separator: "/")
    }

    /// Resolves `href` against the folder of `base` inside the package.
    static func resolve(_ href: String, from base: String) -> String? {
        let decoded = href.removingPercentEncoding ?? href
        if decoded.contains("://") { return nil }
        let folder = base.split(separator: "/").dropLast().joined(separator: "/")
        var parts = folder.isEmpty ? [] : folder.split(separator: "/").map(String.init)
        for part in decoded.split(separator: "/") {
            if part == "." { continue }
            if part == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }

    /// A zip of `files`, deflated, in the given order, with a fixed timestamp so the
    /// same content gives the same bytes.
    public static func write(_ files: [(path: String, bytes: [UInt8])]) throws(Failure) -> [UInt8] {
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            let date = Date(timeIntervalSince1970: 1_577_836_800)  // 2020-01-01, any fixed time works
            for file in files {
                let data = Data(file.bytes)
                // Large entries are stored: a repetitive one (a long generated text) could deflate past `maxRatio`,
                // and no package qbank writes may be one its own reader refuses as a bomb.
                let method: CompressionMethod = data.count > 1 << 20 ? .none : .deflate
                try archive.addEntry(with: file.path, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
                                     permissions: 0o644, compressionMethod: method) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let data = archive.data else { throw Failure(message: "the archive could not be built") }
            return [UInt8](data)
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(message: "the archive could not be built (\(error))")
        }
    }
}

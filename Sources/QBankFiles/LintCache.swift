import Foundation
import QBankCore
import QBankRules

/// Lint results remembered between runs, like Ruff's cache: one entry per bank (the files under
/// one blueprint), keyed by a hash of every file's content, the blueprint's content, qbank's
/// version and the configuration in force. A bank whose key matches is not read at all; in any
/// other bank only the files whose own entry (file content, blueprint, salt) is missing are read
/// and item-checked, the others standing in as their signatures (`BankFileSignature`), and the
/// bank-level rules rerun on every item.
///
/// Entries also record the media files the bank's texts name, with a hash of their content,
/// because media rules read those files: an entry whose media changed is a miss. Entries live
/// in `.qbank-cache/` (which ignores itself for git), are written atomically under unique
/// temporary names, and one that is corrupt, foreign or from another key is ignored.
public struct LintCache: Sendable {
    public static let folderName = ".qbank-cache"
    /// Bumped when the entry layout changes, so older entries are never decoded as new ones.
    static let format = "qbank-lint-cache-3"

    public let folder: String
    /// Everything besides the files that decides the results: version, configuration, working folder.
    let salt: String
    /// When this run began, for pruning (`LintCachePruning`).
    let started: Date

    /// - Parameter folder: the `.qbank-cache` folder (created on first write).
    /// - Parameter salt: the tool version, the configuration in force and the working folder, as text.
    public init(folder: String, salt: String, started: Date = LintCache.fileClockNow()) {
        self.folder = folder
        self.salt = salt
        self.started = started
    }

    /// What linting one bank produced, as `qbank lint` reports it.
    public struct Entry: Sendable, Equatable {
        public var diagnostics: [Diagnostic]
        public var suppressed: [SuppressedDiagnostic]
        public var filePaths: [String]
        public var itemCount: Int
        public var hasUnreadableInput: Bool
        /// Content fingerprints of the bank's items, for the baseline.
        public var fingerprints: [FingerprintKey: String]
        /// Media files the bank's texts name (path as read → content hash, "-" when not a readable file).
        var media: [String: String] = [:]
        var key = ""

        public init(diagnostics: [Diagnostic], suppressed: [SuppressedDiagnostic], filePaths: [String], itemCount: Int,
                    hasUnreadableInput: Bool, fingerprints: [FingerprintKey: String]) {
            self.diagnostics = diagnostics
            self.suppressed = suppressed
            self.filePaths = filePaths
            self.itemCount = itemCount
            self.hasUnreadableInput = hasUnreadableInput
            self.fingerprints = fingerprints
        }
    }

    /// The content hashes of `files` (read in parallel); a file that cannot be read hashes as "-",
    /// so an entry still records the QB001 it produced.
    public func contentHashes(of files: [String]) -> [String] {
        let hashes = ConcurrentSlots<String>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { hashes.store(Self.contentHash(ofFileAt: files[$0]), at: $0) }
        return hashes.values.map { $0 ?? "-" }
    }

    /// The key of a bank: its files' paths and contents (`hashes`, from `contentHashes`), its blueprint's, and the salt.
    /// - Parameter fingerprints: whether the entry holds content fingerprints (a baseline run), which makes a different entry.
    public func key(blueprintPath: String?, files: [String], hashes: [String], fingerprints: Bool = false) -> String {
        var text = "\(Self.format)\u{1}\(salt)\u{1}\(fingerprints)\u{1}\(blueprintPart(blueprintPath))"
        for (file, hash) in zip(files, hashes) { text += "\u{1}\(file)\u{2}\(hash)" }
        return Self.hex(text)
    }

    /// The keys of files' item-rule findings: they depend on the file, its blueprint and the salt only.
    public func fileKeys(blueprintPath: String?, files: [String], hashes: [String]) -> [String] {
        let head = "\(Self.format)\u{1}file\u{1}\(salt)\u{1}\(blueprintPart(blueprintPath))\u{1}"
        return zip(files, hashes).map { Self.hex(head + "\($0)\u{2}\($1)") }
    }

    func blueprintPart(_ path: String?) -> String {
        "\(path ?? "-")\u{1}\(path.map(Self.contentHash(ofFileAt:)) ?? "-")"
    }

    /// 128 bits: two FNV-1a passes with different seeds.
    static func hex(_ text: String) -> String {
        StableHash.hex(text) + StableHash.hex(StableHash.fnv1a64(text, seed: 0x9e37_79b9_7f4a_7c15))
    }

    /// What linting one file left for the next run: its item-rule findings (before settings and
    /// suppressions, as `LintEngine.run(_:reusing:)` takes them) and what reading it gave — the
    /// reader's findings, and beside the entry the file's `BankFileSignature` — so that when
    /// another file of the bank changes, this one is neither read nor item-checked again.
    public struct FileEntry: Sendable {
        public var findings: [Diagnostic]
        /// QB001/QB002 findings reading the file gave; nil in an entry that kept none.
        public var readDiagnostics: [Diagnostic]?
        public internal(set) var media: [String: String] = [:]
        /// `BankFileSignature.digest` of the file's signature; nil in an entry that kept none.
        public internal(set) var signatureDigest: String?
        /// The digest of the signature's content, its origins left out.
        public internal(set) var signatureContentDigest: String?
        var key = ""
    }

    /// The entry stored for a file under `key`, if it is sound and the file's media unchanged.
    public func fileEntry(for key: String) -> FileEntry? {
        guard let bytes = Self.bytes(atPath: path(of: key)), let entry = CacheEntryCodec.decodeFileEntry(bytes, key: key),
              Self.unchanged(entry.media) else { return nil }
        return entry
    }

    /// The findings stored for a file under `key`, if the entry is sound and the file's media unchanged.
    public func itemFindings(for key: String) -> [Diagnostic]? { fileEntry(for: key)?.findings }

    /// What reading the file of `entry` gave, from the entry and its signature; nil when either is missing or spoiled.
    public func readResult(of entry: FileEntry, for key: String) -> ReadResult? { signature(of: entry, for: key)?.read }

    /// As `readResult(of:for:)`, with the bank rules' per-item analyses stored beside the file (by rule id).
    public func signature(of entry: FileEntry, for key: String) -> (read: ReadResult, analyses: [String: [UInt8]])? {
        guard let diagnostics = entry.readDiagnostics, let bytes = Self.bytes(atPath: signaturePath(of: key)),
              bytes.count > key.utf8.count, bytes.prefix(key.utf8.count).elementsEqual(key.utf8),
              let decoded = BankFileSignature.decodeWithAnalyses(bytes, from: key.utf8.count) else { return nil }
        return (ReadResult(file: decoded.file, diagnostics: diagnostics), decoded.analyses)
    }

    /// Stores a readable file's item findings and, when given, the reader's findings with the file's
    /// signature and the bank rules' `analyses` of its items (in a second file, headed by the key, written
    /// first so an entry never promises a missing one).
    /// - Parameter signature: the file's signature up to its analyses, when the caller made it already (`signature(of:)`).
    public func storeFile(findings: [Diagnostic], readDiagnostics: [Diagnostic]?, for key: String, file: BankFile,
                          analyses: [String: [UInt8]] = [:], signature: FileSignature? = nil) {
        var entry = FileEntry(findings: findings, media: Self.mediaStamps(of: file), key: key)
        guard prepareFolder() else { return }
        if let readDiagnostics {
            let signature = signature ?? Self.signature(of: file)
            var bytes = Array(key.utf8) + signature.items
            BankFileSignature.appendAnalyses(analyses, to: &bytes)
            guard (try? AtomicFile.write(bytes: bytes, to: signaturePath(of: key))) != nil else { return }
            entry.readDiagnostics = readDiagnostics
            entry.signatureDigest = signature.digest
            entry.signatureContentDigest = signature.contentDigest
        }
        try? AtomicFile.write(bytes: CacheEntryCodec.encode(entry, key: key), to: path(of: key))
    }

    public func storeItemFindings(_ findings: [Diagnostic], for key: String, file: BankFile) {
        storeFile(findings: findings, readDiagnostics: nil, for: key, file: file)
    }

    /// The media files `file`'s texts name (path as read → content hash).
    static func mediaStamps(of file: BankFile) -> [String: String] {
        var stamps: [String: String] = [:]
        let folder = (file.path as NSString).deletingLastPathComponent
        for source in file.media.keys {
            let relative = source.removingPercentEncoding ?? source
            let path = folder.isEmpty ? relative : folder + "/" + relative
            stamps[path] = contentHash(ofFileAt: path)
        }
        return stamps
    }

    static func unchanged(_ media: [String: String]) -> Bool {
        media.allSatisfy { contentHash(ofFileAt: $0.key) == $0.value }
    }

    /// The entry stored under `key`, if there is one, it decodes, and the media it names are unchanged.
    public func entry(for key: String) -> Entry? {
        guard let bytes = Self.bytes(atPath: path(of: key)), let entry = CacheEntryCodec.decodeEntry(bytes, key: key),
              Self.unchanged(entry.media) else { return nil }
        return entry
    }

    /// Stores `entry` under `key`, recording the media `bank` names. A cache that cannot be
    /// written is no error: the next run is simply cold again.
    /// - Parameter media: stamps of media named by files the bank holds only as signatures (which keep no media).
    /// - Returns: the entry as stored, its media recorded.
    @discardableResult
    public func store(_ entry: Entry, for key: String, bank: Bank, media: [String: String] = [:]) -> Entry {
        var entry = entry
        entry.key = key
        entry.media = media
        for file in bank.files { entry.media.merge(Self.mediaStamps(of: file)) { first, _ in first } }
        guard prepareFolder() else { return entry }
        try? AtomicFile.write(bytes: CacheEntryCodec.encode(entry, key: key), to: path(of: key))
        return entry
    }

    func path(of key: String) -> String { folder + "/" + key + ".lint" }
    func signaturePath(of key: String) -> String { folder + "/" + key + ".sig" }

    /// Creates the folder with a `.gitignore` of `*` (so it ignores itself) and a CACHEDIR.TAG.
    func prepareFolder() -> Bool {
        let gitignore = folder + "/.gitignore"
        if FileManager.default.fileExists(atPath: gitignore) { return true }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try AtomicFile.write("# Automatically created by qbank.\n*\n", to: gitignore)
            try AtomicFile.write("Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag created by qbank.\n",
                                 to: folder + "/CACHEDIR.TAG")
            return true
        } catch {
            return false
        }
    }

    /// A file's bytes read straight into an array (through `Data` they would be copied once more:
    /// with one file changed, every other file's signature is read, megabytes each).
    static func bytes(atPath path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(status.st_size)
        var complete = true
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            while count < size {
                let got = read(descriptor, buffer.baseAddress! + count, size - count)
                if got <= 0 { complete = got == 0 && count == size; break }
                count += got
            }
        }
        return complete && bytes.count == size ? bytes : nil
    }

    /// A 64-bit hash of a file's bytes, 8 at a time (hex). Streams the file through one buffer: reading each multi-megabyte bank file into a fresh
    /// `Data` cost copies and page faults that were a third of an unchanged (warm) run.
    /// "-" when the file is missing, not a regular file, unreadable or changed size while read.
    static func contentHash(ofFileAt path: String) -> String {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return "-" }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return "-" }
        let size = Int(status.st_size)
        // A multiple of 8, so every chunk but the last ends on a word boundary of the whole file.
        let chunk = 1 << 18
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunk, alignment: 8)
        defer { buffer.deallocate() }
        var hash = StableHash.offsetBasis ^ UInt64(size), total = 0
        while true {
            var filled = 0
            while filled < chunk {
                let got = read(descriptor, buffer.baseAddress! + filled, chunk - filled)
                if got < 0 { return "-" }
                if got == 0 { break }
                filled += got
            }
            contentHash(UnsafeRawBufferPointer(rebasing: buffer[..<filled]), into: &hash)
            total += filled
            if filled < chunk { break }
        }
        return total == size ? StableHash.hex(hash) : "-"
    }

    /// Folds `raw` into `hash` word by word, the bytes after the last whole word one by one.
    static func contentHash(_ raw: UnsafeRawBufferPointer, into hash: inout UInt64) {
        let words = raw.count / 8
        for index in 0..<words {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)) &* 0x9e37_79b9_7f4a_7c15
            hash ^= hash >> 29
        }
        hash = StableHash.fnv1a64(bytes: raw[(words * 8)...], seed: hash)
    }
}

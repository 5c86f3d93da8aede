import QBankCore

/// The bank rules' findings, remembered by what the bank rules read: every file's signature.
/// A change that leaves every signature as it was (a comment or blank lines after the last item;
/// a rationale, tag or statistic rewritten at the same length, so that nothing after it moves)
/// cannot change a bank-rule finding, nor a finding or suppression located in any other file. With such a change the lint cache
/// item-checks the changed files only and takes everything located in the other files from the
/// record, without decoding a single signature or rerunning a bank rule.
extension LintCache {
    /// A file's signature up to its analyses, with its digest and the digest of its content (the signature without origins).
    public struct FileSignature: Sendable {
        public var items: [UInt8]
        public var digest: String
        public var contentDigest: String
    }

    public static func signature(of file: BankFile) -> FileSignature {
        let items = BankFileSignature.encodeItems(file)
        return FileSignature(items: items, digest: BankFileSignature.digest(ofItems: items),
                             contentDigest: BankFileSignature.digest(ofItems: BankFileSignature.encodeItems(file, origins: false)))
    }

    /// What one run of the bank rules over a bank gave, for a later run over the same signatures.
    public struct BankRulesRecord: Sendable {
        /// The bank rules' findings (QB003 included), before settings and suppressions.
        public var bankFindings: [Diagnostic]
        /// The key of every file's entry when the run was made: the files it read and item-checked must be these.
        public var fileKeys: [String]
        /// Every file's signature digest (origins included) when the run was made.
        public var digests: [String]
        /// The bank's entry that run stored.
        public var entry: Entry

        public init(bankFindings: [Diagnostic], fileKeys: [String], digests: [String], entry: Entry) {
            self.bankFindings = bankFindings
            self.fileKeys = fileKeys
            self.digests = digests
            self.entry = entry
        }
    }

    /// The key of a bank's record: its files' paths and signatures' content digests, its blueprint, and the salt.
    public func bankRulesKey(blueprintPath: String?, files: [String], contentDigests digests: [String]) -> String {
        var text = "\(Self.format)\u{1}bank-rules\u{1}\(salt)\u{1}\(blueprintPart(blueprintPath))"
        for (file, digest) in zip(files, digests) { text += "\u{1}\(file)\u{2}\(digest)" }
        return Self.hex(text)
    }

    public func bankRules(for key: String) -> BankRulesRecord? {
        guard let bytes = Self.bytes(atPath: path(of: key)) else { return nil }
        return CacheEntryCodec.decodeBankRules(bytes, key: key)
    }

    public func store(_ record: BankRulesRecord, for key: String) {
        guard prepareFolder() else { return }
        try? AtomicFile.write(bytes: CacheEntryCodec.encode(record, key: key), to: path(of: key))
    }
}

/// Where the places of a file moved between two versions whose signatures differ in origins only:
/// each old origin's location, span end and byte offsets paired with the new one's. Findings are
/// moved by it, and refused (nil) when they point into the file anywhere no origin was.
public struct OriginShift: Sendable {
    let file: String
    var locations: [SourceLocation: SourceLocation] = [:]
    var offsets: [Int: Int] = [:]

    /// Nil when the two versions do not pair up (another content, or one place moved two ways).
    public init?(from old: BankFile, to new: BankFile) {
        let before = BankFileSignature.origins(of: old), after = BankFileSignature.origins(of: new)
        guard old.path == new.path, before.count == after.count else { return nil }
        file = new.path
        // The top of the file, where findings without an origin point, never moves.
        let top = SourceLocation(file: file, line: 1, column: 1)
        locations[top] = top
        func pair(_ from: SourceLocation?, _ to: SourceLocation?) -> Bool {
            guard let from else { return to == nil }
            guard let to, locations[from, default: to] == to else { return false }
            locations[from] = to
            return true
        }
        func pair(_ from: Int?, _ to: Int?) -> Bool {
            guard let from else { return to == nil }
            guard let to, offsets[from, default: to] == to else { return false }
            offsets[from] = to
            return true
        }
        for (from, to) in zip(before, after) {
            guard pair(from.location, to.location), pair(from.span?.endLocation, to.span?.endLocation),
                  pair(from.span?.start, to.span?.start), pair(from.span?.end, to.span?.end),
                  pair(from.element?.lowerBound, to.element?.lowerBound), pair(from.element?.upperBound, to.element?.upperBound)
            else { return nil }
        }
    }

    /// `diagnostic` with every place in the file moved, or nil when one of them cannot be — or when its
    /// words name a place in the file (QB107's "already used at FILE:LINE:COL"): words are not rewritten.
    public func apply(_ diagnostic: Diagnostic) -> Diagnostic? {
        guard !namesAPlace(in: diagnostic) else { return nil }
        var moved = diagnostic
        guard let location = place(diagnostic.location) else { return nil }
        moved.location = location
        if let end = diagnostic.end {
            guard let place = place(end) else { return nil }
            moved.end = place
        }
        for index in moved.related.indices {
            guard let place = place(moved.related[index].location) else { return nil }
            moved.related[index].location = place
        }
        if var fix = diagnostic.fix {
            for index in fix.edits.indices where fix.edits[index].file == file {
                guard let start = offsets[fix.edits[index].start], let end = offsets[fix.edits[index].end] else { return nil }
                (fix.edits[index].start, fix.edits[index].end) = (start, end)
            }
            moved.fix = fix
        }
        return moved
    }

    /// Whether the message, a related place's message or the fix's title holds `FILE:`.
    private func namesAPlace(in diagnostic: Diagnostic) -> Bool {
        let needle = file + ":"
        let texts = [diagnostic.message, diagnostic.fix?.title ?? ""] + diagnostic.related.map(\.message)
        return texts.contains { $0.contains(needle) }
    }

    private func place(_ location: SourceLocation) -> SourceLocation? {
        location.file == file ? locations[location] : location
    }
}

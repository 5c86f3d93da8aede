import QBankCore

/// The bank rules' findings, remembered by what the bank rules read: every file's signature.
/// A change that leaves every signature as it was (a comment or blank lines after the last item;
/// a rationale, tag or statistic rewritten at the same length, so that nothing after it moves)
/// cannot change a bank-rule finding, nor a finding or suppression located in any other file. With such a change the lint cache
/// item-checks the changed files only and takes everything located in the other files from the
/// record, without decoding a single signature or rerunning a bank rule.
extension LintCache {
    /// A file's signature up to its analyses, with its digest.
    public struct FileSignature: Sendable {
        public var items: [UInt8]
        public var digest: String
    }

    public static func signature(of file: BankFile) -> FileSignature {
        let items = BankFileSignature.encodeItems(file)
        return FileSignature(items: items, digest: BankFileSignature.digest(ofItems: items))
    }

    /// What one run of the bank rules over a bank gave, for a later run over the same signatures.
    public struct BankRulesRecord: Sendable {
        /// The bank rules' findings (QB003 included), before settings and suppressions.
        public var bankFindings: [Diagnostic]
        /// The key of every file's entry when the run was made: the files it read and item-checked must be these.
        public var fileKeys: [String]
        /// The bank's entry that run stored.
        public var entry: Entry

        public init(bankFindings: [Diagnostic], fileKeys: [String], entry: Entry) {
            self.bankFindings = bankFindings
            self.fileKeys = fileKeys
            self.entry = entry
        }
    }

    /// The key of a bank's record: its files' paths and signature digests, its blueprint, and the salt.
    public func bankRulesKey(blueprintPath: String?, files: [String], digests: [String]) -> String {
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

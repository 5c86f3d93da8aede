import Dispatch
import QBankCore
import QBankFiles
import QBankRules

/// `qbank lint` with the results cache (`LintCache`).
extension LintRun {
    /// Banks the cache knows are not read; in the others, files the cache knows are not read
    /// either (their signatures stand in for them and their item findings are reused), and the
    /// rest are read, linted, and stored. Returns the banks read (files the cache knew as
    /// signatures, which hold what the bank rules read) and every bank's results, in the order
    /// `BankLoader` groups them. A baseline run (`fingerprints`) reads every file of a missed bank.
    static func cached(
        _ files: [String], engine: LintEngine, fingerprints wanted: Bool, excluding: [String], cache: LintCache, progress: ProgressHandler?
    ) -> ([BankLoader.LoadedBank], [LintCache.Entry]) {
        let groups = BankLoader.groups(files: files, excluding: excluding)
        let hashes = groups.map { cache.contentHashes(of: $0.files) }
        let keys = groups.indices.map { cache.key(blueprintPath: groups[$0].blueprintPath, files: groups[$0].files, hashes: hashes[$0], fingerprints: wanted) }
        let groupFileKeys = groups.indices.map { cache.fileKeys(blueprintPath: groups[$0].blueprintPath, files: groups[$0].files, hashes: hashes[$0]) }
        // Every entry this run stands on is marked used, so that pruning keeps the ones the next change will need.
        var used = keys + groupFileKeys.flatMap { $0 }
        defer {
            cache.markUsed(used)
            cache.finishRun()
        }
        var results = keys.map(cache.entry(for:))
        var banks: [BankLoader.LoadedBank] = []
        for index in results.indices where results[index] == nil {
            let missed = MissedBank(blueprintPath: groups[index].blueprintPath, files: groups[index].files, fileKeys: groupFileKeys[index],
                                    key: keys[index], engine: engine, fingerprints: wanted, cache: cache, progress: progress)
            let done = missed.lint()
            banks += done.banks
            results[index] = done.entry
            used += done.recordKey.map { [$0] } ?? []
        }
        return (banks, results.compactMap { $0 })
    }
}

/// One bank the cache has no entry for. The files whose own entries are missing are read and
/// item-checked; when every file's signature is one a bank-rule record was made from
/// (`LintCache.BankRulesRecord`), the findings located in the other files come from that record,
/// and otherwise the other files' signatures stand in for them and the bank rules rerun.
private struct MissedBank {
    let blueprintPath: String?
    let files: [String]
    let fileKeys: [String]
    let key: String
    let engine: LintEngine
    let fingerprints: Bool
    let cache: LintCache
    let progress: ProgressHandler?

    func lint() -> (banks: [BankLoader.LoadedBank], entry: LintCache.Entry?, recordKey: String?) {
        let slots = ConcurrentSlots<LintCache.FileEntry>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { position in
            if let entry = cache.fileEntry(for: fileKeys[position]) { slots.store(entry, at: position) }
        }
        let entries = slots.values
        // A baseline run (fingerprints) needs every item whole, so it reads every file whose findings it cannot reuse as they are.
        let known = Set(files.indices.filter { !fingerprints && entries[$0]?.readDiagnostics != nil })
        let fresh = BankLoader().load(files: files.indices.filter { !known.contains($0) }.map { files[$0] }, progress: progress).first
        var signatures: [String: LintCache.FileSignature] = [:]
        for file in fresh?.bank.files ?? [] where !fingerprints { signatures[file.path] = LintCache.signature(of: file) }
        let digests = files.indices.map { known.contains($0) ? entries[$0]?.signatureDigest : signatures[files[$0]]?.digest }
        let recordKey = digests.contains(nil) ? nil
            : cache.bankRulesKey(blueprintPath: blueprintPath, files: files, digests: digests.map { $0! })
        if let recordKey, let record = cache.bankRules(for: recordKey),
           let entry = reuse(record, entries: entries, known: known, fresh: fresh, signatures: signatures) {
            cache.store(LintCache.BankRulesRecord(bankFindings: record.bankFindings, fileKeys: fileKeys, entry: entry), for: recordKey)
            return (fresh.map { [$0] } ?? [], entry, recordKey)
        }
        return relint(entries: entries, known: known, fresh: fresh, signatures: signatures, recordKey: recordKey)
    }

    /// The bank's entry from `record` and the files read now (`fresh`), or nil when the record
    /// was made from other contents of the known files, or findings stray from their files.
    private func reuse(_ record: LintCache.BankRulesRecord, entries: [LintCache.FileEntry?], known: Set<Int>, fresh: BankLoader.LoadedBank?,
                       signatures: [String: LintCache.FileSignature]) -> LintCache.Entry? {
        guard record.fileKeys.count == files.count, known.allSatisfy({ record.fileKeys[$0] == fileKeys[$0] }),
              record.entry.filePaths == files, !record.entry.hasUnreadableInput else { return nil }
        guard let fresh else { return cache.store(record.entry, for: key, bank: Bank(files: []), media: stamps(entries, known)) }
        let changed = Set(fresh.bank.files.map(\.path))
        guard changed.count == files.count - known.count, !fresh.hasUnreadableInput, Self.keepsToItsFiles(fresh.fileDiagnostics) else { return nil }
        let run = engine.run(fresh.bank, reusing: [:], analyses: nil, bankFindings: record.bankFindings.filter { changed.contains($0.location.file) },
                             progress: progress)
        guard Self.keepsToItsFiles(run.itemFindings) else { return nil }
        var entry = record.entry
        let read = fresh.bank.files.flatMap { fresh.fileDiagnostics[$0.path] ?? [] }
        entry.diagnostics = entry.diagnostics.filter { !changed.contains($0.location.file) } + LintRun.settled(read, engine: engine)
            + run.outcome.diagnostics
        entry.suppressed = (entry.suppressed.filter { !changed.contains($0.diagnostic.location.file) } + run.outcome.suppressed)
            .sorted { Diagnostic.reportOrder($0.diagnostic, $1.diagnostic) }
        for file in fresh.bank.files {
            guard let position = files.firstIndex(of: file.path) else { continue }
            cache.storeFile(findings: run.itemFindings[file.path] ?? [], readDiagnostics: fresh.fileDiagnostics[file.path], for: fileKeys[position],
                            file: file, signature: signatures[file.path])
        }
        return cache.store(entry, for: key, bank: fresh.bank, media: stamps(entries, known))
    }

    /// Lints the bank with the known files' signatures standing in for them, stores the read files'
    /// entries, the bank's, and when every file has a signature, a bank-rule record.
    private func relint(entries: [LintCache.FileEntry?], known: Set<Int>, fresh: BankLoader.LoadedBank?,
                        signatures: [String: LintCache.FileSignature], recordKey: String?) -> (banks: [BankLoader.LoadedBank], entry: LintCache.Entry?, recordKey: String?) {
        let decoded = ConcurrentSlots<(read: ReadResult, analyses: [String: [UInt8]])>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { position in
            guard known.contains(position), let entry = entries[position],
                  let signature = cache.signature(of: entry, for: fileKeys[position]) else { return }
            decoded.store(signature, at: position)
        }
        var readResults: [String: ReadResult] = [:], reusing: [String: [Diagnostic]] = [:], storedAnalyses: [String: [String: [UInt8]]] = [:]
        let signatureValues = decoded.values
        for (position, entry) in entries.enumerated() {
            // A file read now (its signature missing or spoiled) still has its item findings from a sound entry.
            if let entry { reusing[files[position]] = entry.findings }
            guard let signature = signatureValues[position] else { continue }
            readResults[files[position]] = signature.read
            storedAnalyses[files[position]] = signature.analyses
        }
        for file in fresh?.bank.files ?? [] { readResults[file.path] = ReadResult(file: file, diagnostics: fresh?.fileDiagnostics[file.path] ?? []) }
        guard let loaded = BankLoader().load(files: files, known: readResults, progress: progress).first else { return ([], nil, nil) }
        let analyses = BankAnalyses(stored: storedAnalyses)
        let result = LintRun.lint(loaded, engine: engine, fingerprints: fingerprints, reusing: reusing, analyses: analyses, progress: progress)
        var storedSignatures = signatures
        for (position, file) in files.enumerated() where storedAnalyses[file] == nil {
            guard let bankFile = loaded.bank.files.first(where: { $0.path == file }) else { continue }
            // A file read now: its findings and signature are stored unless a sound entry already holds them (a baseline run's).
            guard reusing[file] == nil || !fingerprints else { continue }
            let signature = fingerprints ? nil : storedSignatures[file] ?? LintCache.signature(of: bankFile)
            storedSignatures[file] = signature
            cache.storeFile(findings: result.itemFindings[file] ?? [], readDiagnostics: fingerprints ? nil : loaded.fileDiagnostics[file],
                            for: fileKeys[position], file: bankFile, analyses: fingerprints ? [:] : analyses.made(for: file), signature: signature)
        }
        let entry = cache.store(result.entry, for: key, bank: loaded.bank,
                                media: stamps(entries, Set(files.indices.filter { storedAnalyses[files[$0]] != nil })))
        guard !fingerprints, let recordKey, !loaded.hasUnreadableInput, Self.keepsToItsFiles(loaded.fileDiagnostics),
              Self.keepsToItsFiles(result.itemFindings),
              loaded.readDiagnostics.count(where: { loaded.fileDiagnostics[$0.location.file] != nil })
                == loaded.fileDiagnostics.values.reduce(0, { $0 + $1.count }) else { return ([loaded], entry, nil) }
        cache.store(LintCache.BankRulesRecord(bankFindings: result.bankFindings, fileKeys: fileKeys, entry: entry), for: recordKey)
        return ([loaded], entry, recordKey)
    }

    /// The media stamps the `entries` of the files at `positions` recorded (their signatures keep no media).
    private func stamps(_ entries: [LintCache.FileEntry?], _ positions: Set<Int>) -> [String: String] {
        var media: [String: String] = [:]
        for position in positions.sorted() {
            if let stamps = entries[position]?.media { media.merge(stamps) { first, _ in first } }
        }
        return media
    }

    /// Whether every finding listed under a file is located in that file: a record splits a bank's findings by the file they are in.
    static func keepsToItsFiles(_ findings: [String: [Diagnostic]]) -> Bool {
        findings.allSatisfy { path, list in list.allSatisfy { $0.location.file == path } }
    }
}

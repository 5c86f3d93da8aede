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
/// item-checked; when every file's signature has the content a bank-rule record was made from
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
        let contentDigests = files.indices.map { known.contains($0) ? entries[$0]?.signatureContentDigest : signatures[files[$0]]?.contentDigest }
        let record = digests.contains(nil) || contentDigests.contains(nil) ? nil
            : (key: cache.bankRulesKey(blueprintPath: blueprintPath, files: files, contentDigests: contentDigests.map { $0! }), digests: digests.map { $0! })
        if let record, let stored = cache.bankRules(for: record.key),
           let made = reuse(stored, digests: record.digests, entries: entries, known: known, fresh: fresh, signatures: signatures) {
            cache.store(made, for: record.key)
            return (fresh.map { [$0] } ?? [], made.entry, record.key)
        }
        return relint(entries: entries, known: known, fresh: fresh, signatures: signatures, record: record)
    }

    /// The record `stored` brought up to the files as they are: the bank's entry from it and the
    /// files read now (`fresh`), its places in those files moved where they moved. Nil when the
    /// record was made from other contents of the known files, when a moved place cannot be
    /// followed, or when findings stray from their files.
    private func reuse(_ stored: LintCache.BankRulesRecord, digests: [String], entries: [LintCache.FileEntry?], known: Set<Int>,
                       fresh: BankLoader.LoadedBank?, signatures: [String: LintCache.FileSignature]) -> LintCache.BankRulesRecord? {
        guard stored.fileKeys.count == files.count, stored.digests.count == files.count, known.allSatisfy({ stored.fileKeys[$0] == fileKeys[$0] }),
              stored.entry.filePaths == files, !stored.entry.hasUnreadableInput else { return nil }
        guard let fresh else {
            let entry = cache.store(stored.entry, for: key, bank: Bank(files: []), media: stamps(entries, known))
            return LintCache.BankRulesRecord(bankFindings: stored.bankFindings, fileKeys: fileKeys, digests: digests, entry: entry)
        }
        let changed = Set(fresh.bank.files.map(\.path))
        guard changed.count == files.count - known.count, !fresh.hasUnreadableInput, Self.keepsToItsFiles(fresh.fileDiagnostics) else { return nil }
        // Findings that stay (bank rules' all, the entry's outside the changed files) follow the places that moved.
        var shifts: [OriginShift] = []
        for file in fresh.bank.files {
            guard let position = files.firstIndex(of: file.path) else { return nil }
            if stored.digests[position] == digests[position] { continue }
            guard let oldEntry = cache.fileEntry(for: stored.fileKeys[position]),
                  let old = cache.signature(of: oldEntry, for: stored.fileKeys[position])?.read.file,
                  let shift = OriginShift(from: old, to: file) else { return nil }
            shifts.append(shift)
        }
        func moved(_ diagnostic: Diagnostic) -> Diagnostic? {
            shifts.reduce(Optional(diagnostic)) { moving, shift in moving.flatMap(shift.apply) }
        }
        var bankFindings: [Diagnostic] = [], kept: [Diagnostic] = [], keptSuppressed: [SuppressedDiagnostic] = []
        for finding in stored.bankFindings {
            guard let finding = moved(finding) else { return nil }
            bankFindings.append(finding)
        }
        for finding in stored.entry.diagnostics where !changed.contains(finding.location.file) {
            guard let finding = moved(finding) else { return nil }
            kept.append(finding)
        }
        for suppressed in stored.entry.suppressed where !changed.contains(suppressed.diagnostic.location.file) {
            guard let finding = moved(suppressed.diagnostic) else { return nil }
            keptSuppressed.append(SuppressedDiagnostic(finding, kind: suppressed.kind, justification: suppressed.justification))
        }
        let run = engine.run(fresh.bank, reusing: [:], analyses: nil, bankFindings: bankFindings.filter { changed.contains($0.location.file) },
                             progress: progress)
        guard Self.keepsToItsFiles(run.itemFindings) else { return nil }
        var entry = stored.entry
        let read = fresh.bank.files.flatMap { fresh.fileDiagnostics[$0.path] ?? [] }
        entry.diagnostics = kept + LintRun.settled(read, engine: engine) + run.outcome.diagnostics
        entry.suppressed = (keptSuppressed + run.outcome.suppressed).sorted { Diagnostic.reportOrder($0.diagnostic, $1.diagnostic) }
        for file in fresh.bank.files {
            guard let position = files.firstIndex(of: file.path) else { continue }
            cache.storeFile(findings: run.itemFindings[file.path] ?? [], readDiagnostics: fresh.fileDiagnostics[file.path], for: fileKeys[position],
                            file: file, signature: signatures[file.path])
        }
        entry = cache.store(entry, for: key, bank: fresh.bank, media: stamps(entries, known))
        return LintCache.BankRulesRecord(bankFindings: bankFindings, fileKeys: fileKeys, digests: digests, entry: entry)
    }

    /// Lints the bank with the known files' signatures standing in for them, stores the read files'
    /// entries, the bank's, and when every file has a signature, a bank-rule record.
    private func relint(entries: [LintCache.FileEntry?], known: Set<Int>, fresh: BankLoader.LoadedBank?,
                        signatures: [String: LintCache.FileSignature], record: (key: String, digests: [String])?)
        -> (banks: [BankLoader.LoadedBank], entry: LintCache.Entry?, recordKey: String?) {
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
        guard !fingerprints, let record, !loaded.hasUnreadableInput, Self.keepsToItsFiles(loaded.fileDiagnostics),
              Self.keepsToItsFiles(result.itemFindings),
              loaded.readDiagnostics.count(where: { loaded.fileDiagnostics[$0.location.file] != nil })
                == loaded.fileDiagnostics.values.reduce(0, { $0 + $1.count }) else { return ([loaded], entry, nil) }
        cache.store(LintCache.BankRulesRecord(bankFindings: result.bankFindings, fileKeys: fileKeys, digests: record.digests, entry: entry),
                    for: record.key)
        return ([loaded], entry, record.key)
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

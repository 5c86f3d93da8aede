import Foundation
import QBankCore
import QBankFiles
import Testing

/// The cache's keys and entries: what changes a key, and which entries are refused.
struct LintCacheTests {
    func folder() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("qbank-cache-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try "<bank xmlns=\"urn:qbank:bank:1\"/>\n".write(to: root.appendingPathComponent("a.xml"), atomically: true, encoding: .utf8)
        try "{}".write(to: root.appendingPathComponent("blueprint.json"), atomically: true, encoding: .utf8)
        return root
    }

    func entry() -> LintCache.Entry {
        let finding = Diagnostic(ruleID: "QB101", ruleName: "single-answer-key-count", severity: .error, message: "two keys",
                                 location: SourceLocation(file: "a.xml", line: 3, column: 5), itemID: "q1")
        return LintCache.Entry(diagnostics: [finding], suppressed: [], filePaths: ["a.xml"], itemCount: 1,
                               hasUnreadableInput: false, fingerprints: [:])
    }

    @Test func aKeyChangesWithTheVersionConfigurationBlueprintAndEveryFile() throws {
        let root = try folder()
        let files = [root.appendingPathComponent("a.xml").path], blueprint = root.appendingPathComponent("blueprint.json").path
        let cache = LintCache(folder: root.appendingPathComponent(".qbank-cache").path, salt: "0.1.0\u{1}config")
        let key = cache.key(blueprintPath: blueprint, files: files, hashes: cache.contentHashes(of: files))
        #expect(cache.key(blueprintPath: blueprint, files: files, hashes: cache.contentHashes(of: files)) == key, "stable")
        #expect(LintCache(folder: cache.folder, salt: "0.2.0\u{1}config").key(blueprintPath: blueprint, files: files, hashes: cache.contentHashes(of: files)) != key)
        #expect(LintCache(folder: cache.folder, salt: "0.1.0\u{1}other").key(blueprintPath: blueprint, files: files, hashes: cache.contentHashes(of: files)) != key)
        #expect(cache.key(blueprintPath: blueprint, files: files, hashes: cache.contentHashes(of: files), fingerprints: true) != key)
        #expect(cache.key(blueprintPath: nil, files: files, hashes: cache.contentHashes(of: files)) != key)
        try "{ }".write(toFile: blueprint, atomically: true, encoding: .utf8)
        let afterBlueprint = cache.key(blueprintPath: blueprint, files: files, hashes: cache.contentHashes(of: files))
        #expect(afterBlueprint != key)
        try "<bank xmlns=\"urn:qbank:bank:1\"></bank>\n".write(toFile: files[0], atomically: true, encoding: .utf8)
        #expect(cache.key(blueprintPath: blueprint, files: files, hashes: cache.contentHashes(of: files)) != afterBlueprint)
    }

    @Test func anEntryComesBackOnlyUnderItsOwnKeyAndVersion() throws {
        let root = try folder()
        let cache = LintCache(folder: root.appendingPathComponent(".qbank-cache").path, salt: "v1")
        let files = [root.appendingPathComponent("a.xml").path]
        let key = cache.key(blueprintPath: nil, files: files, hashes: cache.contentHashes(of: files))
        #expect(cache.entry(for: key) == nil)
        cache.store(entry(), for: key, bank: Bank(files: []))
        #expect(cache.entry(for: key)?.diagnostics == entry().diagnostics)
        let gitignore = try String(contentsOfFile: cache.folder + "/.gitignore", encoding: .utf8)
        #expect(gitignore.hasSuffix("*\n"))
        // Renamed under another key: foreign, so refused.
        let other = String(key.reversed())
        try FileManager.default.copyItem(atPath: cache.folder + "/\(key).lint", toPath: cache.folder + "/\(other).lint")
        #expect(cache.entry(for: other) == nil)
        // Truncated: refused, never a crash.
        let data = try Data(contentsOf: URL(fileURLWithPath: cache.folder + "/\(key).lint"))
        try data.prefix(data.count / 2).write(to: URL(fileURLWithPath: cache.folder + "/\(key).lint"))
        #expect(cache.entry(for: key) == nil)
    }

    /// A bank-rule record is keyed by every file's signature digest and comes back only whole, under its own key.
    @Test func aBankRulesRecordComesBackOnlyUnderItsKeyAndWhole() throws {
        let root = try folder()
        let cache = LintCache(folder: root.appendingPathComponent(".qbank-cache").path, salt: "v1")
        var file = BankFile(path: "a.xml")
        file.items = [Item(id: "q1", domain: 1, task: "1.1", stem: Text("Which one?"), body: .choice(ChoiceBody(options: [])))]
        let signature = LintCache.signature(of: file)
        #expect(LintCache.signature(of: file).digest == signature.digest, "stable")
        var moved = file
        moved.items[0].stem = Text("Which one?", origin: Origin(SourceLocation(file: "a.xml", line: 2, column: 1)))
        #expect(LintCache.signature(of: moved).digest != signature.digest, "an origin the bank rules could report at is part of it")
        #expect(LintCache.signature(of: moved).contentDigest == signature.contentDigest, "but not of the content")
        var reworded = file
        reworded.items[0].stem = Text("Which two?")
        #expect(LintCache.signature(of: reworded).contentDigest != signature.contentDigest)
        let key = cache.bankRulesKey(blueprintPath: nil, files: ["a.xml"], contentDigests: [signature.contentDigest])
        #expect(cache.bankRulesKey(blueprintPath: nil, files: ["a.xml"], contentDigests: [LintCache.signature(of: reworded).contentDigest]) != key)
        #expect(LintCache(folder: cache.folder, salt: "v2").bankRulesKey(blueprintPath: nil, files: ["a.xml"], contentDigests: [signature.contentDigest]) != key)
        #expect(cache.bankRules(for: key) == nil)
        let record = LintCache.BankRulesRecord(bankFindings: entry().diagnostics, fileKeys: ["k1"], digests: [signature.digest], entry: entry())
        cache.store(record, for: key)
        let back = try #require(cache.bankRules(for: key))
        #expect(back.bankFindings == record.bankFindings && back.fileKeys == ["k1"] && back.digests == [signature.digest])
        #expect(back.entry.diagnostics == entry().diagnostics)
        #expect(cache.entry(for: key) == nil && cache.fileEntry(for: key) == nil, "a record is neither a bank's entry nor a file's")
        let path = cache.folder + "/\(key).lint"
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        for length in stride(from: 0, to: data.count, by: max(1, data.count / 10)) {
            try data.prefix(length).write(to: URL(fileURLWithPath: path))
            #expect(cache.bankRules(for: key) == nil, "cut at \(length)")
        }
    }

    /// Places of a file whose content stayed follow its origins; a place no origin was at, or another content, is refused.
    @Test func anOriginShiftMovesFindingsWithTheOriginsAndNothingElse() throws {
        func file(line: Int, offset: Int, stem: String = "Which one?") -> BankFile {
            var file = BankFile(path: "a.xml")
            var origin = Origin(SourceLocation(file: "a.xml", line: line, column: 3))
            origin.element = offset..<(offset + 40)
            let span = TextSpan(start: offset + 10, end: offset + 20, raw: "", syntax: .xml, endLocation: SourceLocation(file: "a.xml", line: line + 1, column: 9))
            file.items = [Item(id: "q1", domain: 1, task: "1.1", stem: Text(stem, origin: Origin(SourceLocation(file: "a.xml", line: line + 1, column: 5), span: span)),
                               body: .choice(ChoiceBody(options: [])), origin: origin)]
            return file
        }
        let shift = try #require(OriginShift(from: file(line: 3, offset: 100), to: file(line: 7, offset: 180)))
        #expect(OriginShift(from: file(line: 3, offset: 100), to: file(line: 7, offset: 180, stem: "Which two?")) != nil,
                "origins pair up by position; the content digest is what tells contents apart")
        var finding = Diagnostic(ruleID: "QB503", ruleName: "near-duplicate-items", severity: .warning, message: "near copy",
                                 location: SourceLocation(file: "a.xml", line: 3, column: 3), itemID: "q1",
                                 related: [RelatedLocation(location: SourceLocation(file: "b.xml", line: 9, column: 3), message: "the other")])
        finding.end = SourceLocation(file: "a.xml", line: 4, column: 9)
        finding.fix = Fix("drop it", edits: [TextEdit(file: "a.xml", start: 100, end: 140, replacement: "")])
        let moved = try #require(shift.apply(finding))
        #expect(moved.location == SourceLocation(file: "a.xml", line: 7, column: 3) && moved.end == SourceLocation(file: "a.xml", line: 8, column: 9))
        #expect(moved.related == finding.related, "places in other files stay")
        #expect(moved.fix?.edits.first.map { ($0.start, $0.end) } ?? (0, 0) == (180, 220))
        var inside = finding
        inside.location = SourceLocation(file: "a.xml", line: 4, column: 12)
        #expect(shift.apply(inside) == nil, "a place no origin was at cannot be followed")
        var elsewhere = finding
        elsewhere.location = SourceLocation(file: "b.xml", line: 4, column: 12)
        elsewhere.fix = nil
        elsewhere.end = nil
        #expect(shift.apply(elsewhere) == elsewhere)
    }

    /// An entry no run of the last `keptRuns` used is deleted once the run log holds twice as many runs; one
    /// every run marks stays, and so do files that are no entries.
    @Test func entriesUnusedForTheLastRunsArePruned() throws {
        let root = try folder()
        let folder = root.appendingPathComponent(".qbank-cache").path
        let hour = Date().addingTimeInterval(-3_600)
        let cache = LintCache(folder: folder, salt: "v1", started: hour)
        let old = String(repeating: "a", count: 32), used = String(repeating: "b", count: 32)
        for key in [old, used] { cache.store(entry(), for: key, bank: Bank(files: [])) }
        try "keep".write(toFile: folder + "/notes", atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: hour.addingTimeInterval(-60)], ofItemAtPath: folder + "/\(old).lint")
        for run in 0..<(2 * LintCache.keptRuns) {
            #expect(cache.entry(for: old) != nil, "still there before run \(run)'s end")
            let later = LintCache(folder: folder, salt: "v1", started: hour.addingTimeInterval(Double(run)))
            later.markUsed([used])
            later.finishRun()
        }
        #expect(cache.entry(for: old) == nil, "unused for the last runs: pruned")
        #expect(cache.entry(for: used) != nil, "used by every run: kept")
        #expect(FileManager.default.fileExists(atPath: folder + "/notes"))
        let log = try String(contentsOfFile: folder + "/runs", encoding: .utf8)
        #expect(log.split(separator: "\n").count == LintCache.keptRuns, "the log is cut back")
    }

    /// The streamed hash equals the whole-file fold for a file spanning several read chunks with a
    /// partial last word; a folder and a missing file hash to "-".
    @Test func aFileHashIsTheWholeFileFoldAcrossReadChunks() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        var generator = UInt64(17)
        let bytes = (0..<(3 << 18) + 5).map { _ -> UInt8 in
            generator = generator &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: generator >> 33)
        }
        let file = root.appendingPathComponent("big.xml")
        try Data(bytes).write(to: file)
        var hash = StableHash.offsetBasis ^ UInt64(bytes.count)
        let words = bytes.count / 8
        for index in 0..<words {
            let word = (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[index * 8 + $1]) << (8 * UInt64($1)) }
            hash = (hash ^ word) &* 0x9e37_79b9_7f4a_7c15
            hash ^= hash >> 29
        }
        for byte in bytes[(words * 8)...] { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        let cache = LintCache(folder: root.appendingPathComponent(".qbank-cache").path, salt: "s")
        #expect(cache.contentHashes(of: [file.path, root.path, root.appendingPathComponent("missing").path])
            == [StableHash.hex(hash), "-", "-"])
    }
}

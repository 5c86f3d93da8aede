import Foundation
import QBankInterchange
import Testing
import TestSupport
import ZIPFoundation

/// Hostile packages are refused before anything in them is used.
@Suite struct ZipPackageTests {
    static func zip(_ build: (Archive) throws -> Void) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        try build(archive)
        return [UInt8](archive.data!)
    }

    static func add(_ archive: Archive, _ path: String, _ data: Data, type: Entry.EntryType = .file) throws {
        try archive.addEntry(with: path, type: type, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
    }

    func refusal(_ bytes: [UInt8]) -> String? {
        do { _ = try ZipPackage.read(bytes, path: "p.zip"); return nil } catch { return error.message }
    }

    @Test func zipSlipIsRefused() throws {
        let bytes = try Self.zip { try Self.add($0, "../../etc/evil.xml", Data("x".utf8)) }
        #expect(refusal(bytes)?.contains("zip slip") == true)
    }

    @Test func absolutePathIsRefused() throws {
        let bytes = try Self.zip { try Self.add($0, "/tmp/evil.xml", Data("x".utf8)) }
        #expect(refusal(bytes)?.contains("absolute") == true)
    }

    @Test func symlinkIsRefused() throws {
        let bytes = try Self.zip { try Self.add($0, "items/link.xml", Data("/etc/passwd".utf8), type: .symlink) }
        #expect(refusal(bytes)?.contains("symbolic link") == true)
    }

    @Test func decompressionBombIsRefused() throws {
        let bytes = try Self.zip { try Self.add($0, "bomb.xml", Data(count: 4 << 20)) }  // 4 MB of zeros: ratio ~1000
        #expect(bytes.count < 100_000)
        #expect(refusal(bytes)?.contains("zip bomb") == true)
    }

    @Test func packageWithoutManifestIsReported() throws {
        let bytes = try Self.zip { try Self.add($0, "item.xml", Data("<x/>".utf8)) }
        let result = QTIImporter().importItems(from: ImportSource(path: "p.zip", bytes: bytes))
        #expect(result.problems.first?.reason.contains("no imsmanifest.xml") == true)
    }

    @Test func doctypeInAPackageItemIsRefused() throws {
        let manifest = #"<manifest xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"><resources><resource identifier="i" type="imsqti_item_xmlv2p1" href="i.xml"/></resources></manifest>"#
        let item = #"<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1">&e;</assessmentItem>"#
        let bytes = try Self.zip { try Self.add($0, "imsmanifest.xml", Data(manifest.utf8)); try Self.add($0, "i.xml", Data(item.utf8)) }
        let result = QTIImporter().importItems(from: ImportSource(path: "p.zip", bytes: bytes))
        #expect(result.imported == 0 && result.skipped == 1)
        #expect(result.problems.first?.reason.contains("DOCTYPE") == true)
    }

    // Issue #12 case 2: a directory that points past the end of the file trapped inside ZIPFoundation.
    @Test func aCentralDirectoryPastTheEndIsRefused() {
        var record: [UInt8] = [0x50, 0x4B, 0x05, 0x06, 0, 0, 0, 0, 1, 0, 1, 0]
        record += [46, 0, 0, 0, 0xE8, 0x03, 0, 0, 0, 0]  // 46 bytes at offset 1000, no comment
        #expect(record.count == 22)
        #expect(refusal(record)?.contains("past the end") == true)
    }

    /// Every truncation and a byte flipped at every offset of a real package: refused or read, never a trap.
    @Test func damagedPackagesNeverTrap() throws {
        let bytes = try Self.zip { archive in
            try Self.add(archive, "imsmanifest.xml", Data("<manifest/>".utf8))
            try Self.add(archive, "items/q1.xml", Data(String(repeating: "<p>text</p>", count: 20).utf8))
        }
        for length in 0..<bytes.count { _ = refusal(Array(bytes.prefix(length))) }
        for offset in bytes.indices {
            var flipped = bytes
            flipped[offset] ^= 0xFF
            _ = refusal(flipped)
        }
    }

    // Issue #12 case 12: the last of two same-named entries silently won.
    @Test func entriesWithOneNameAreRefused() throws {
        let bytes = try Self.zip { archive in
            try Self.add(archive, "items/q1.xml", Data("first".utf8))
            try Self.add(archive, "items/./q1.xml", Data("second".utf8))
        }
        #expect(refusal(bytes)?.contains("appears twice") == true)
    }

    /// Found by `Scripts/fuzz.sh qti-package`: a compressed size larger than the file kept ZIPFoundation reading
    /// (allocating) past the 10 s timeout.
    @Test func aCompressedSizeBeyondTheFileIsRefused() throws {
        var bytes = try Self.zip { try Self.add($0, "items/q1.xml", Data("<p>text</p>".utf8)) }
        let signature: [UInt8] = [0x50, 0x4B, 0x01, 0x02]
        let starts: [Int] = (0..<(bytes.count - 4)).filter { Array(bytes[$0..<($0 + 4)]) == signature }
        let central = try #require(starts.last)
        bytes.replaceSubrange((central + 20)..<(central + 24), with: [0xFF, 0xFF, 0xFF, 0x7F])
        #expect(refusal(bytes)?.contains("compressed bytes") == true)
    }

    /// Every crash or hang the fuzzers saved (Fuzz/Regressions/qti-package) is refused or read, quickly.
    @Test func fuzzerFindingsAreHandled() throws {
        let folder = Fixtures.repositoryRoot.appendingPathComponent("Fuzz/Regressions/qti-package")
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
            let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
            let result = QTIImporter().importItems(from: ImportSource(path: name, bytes: bytes))
            #expect(result.imported + result.problems.count > 0, "\(name)")
        }
    }
}

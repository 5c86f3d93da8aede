import QBankCore

/// Images an import copies into the bank: each under `media/<hash>.<type>` (content-addressed,
/// so the same picture in many items is one file and names never clash). Only PNG, JPEG,
/// GIF and SVG are taken; anything else is left for the importer to report as lost.
final class ImportedMedia {
    private(set) var files: [String: [UInt8]] = [:]

    func place(_ bytes: [UInt8]) -> String? {
        guard let kind = MediaFile.kind(of: bytes) else { return nil }
        let path = "media/" + MediaFile.contentName(bytes, kind)
        files[path] = bytes
        return path
    }
}

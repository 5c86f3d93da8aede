import QBankCore
import QBankMarkdown

extension ImportResult {
    /// Images the imported texts name by a path relative to the source file (Markdown and
    /// GIFT banks): each file is read with `read`, copied into the bank's `media/` under its
    /// content-addressed name, and the texts point there. A file that cannot be read or is no
    /// PNG, JPEG, GIF or SVG is reported as lost for its item (the reference stays, so lint shows it).
    public mutating func placeLocalImages(read: (String) -> [UInt8]?) {
        var placed: [String: String] = [:]
        func place(_ item: Item) -> Item {
            var lost: [String] = []
            for text in item.placedTexts where text.value.contains("](") {
                for image in MarkdownReader.read(text.value).images where placed[image.source] == nil && !media.keys.contains(image.source) {
                    guard MediaFile.outsideBankReason(image.source) != "a URL" else { continue }
                    guard let bytes = read(image.source), let kind = MediaFile.kind(of: bytes) else {
                        lost.append("image '\(image.source)' (no PNG, JPEG, GIF or SVG file at that path)")
                        continue
                    }
                    let path = "media/" + MediaFile.contentName(bytes, kind)
                    media[path] = bytes
                    placed[image.source] = path
                }
            }
            for reason in lost {
                problems.append(ImportProblem(.lost, at: item.origin.location ?? SourceLocation(file: file.path, line: 1, column: 1), item: item.id, reason))
            }
            guard !placed.isEmpty else { return item }
            return item.mappingTexts { text in
                placed.reduce(text) { $0.replacingOccurrences(of: "](\($1.key))", with: "](\($1.value))") }
            }
        }
        file.items = file.items.map(place)
        for index in file.cases.indices { file.cases[index].items = file.cases[index].items.map(place) }
    }
}

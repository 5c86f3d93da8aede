import QBankCore
import QBankMarkdown

/// The images an export's items show, each under a content-addressed name
/// (`<hash>.<type>`), so two paths to one file travel once and names never clash.
struct ExportMedia {
    struct Entry {
        var name: String
        var file: MediaFile
    }

    /// By the path as written in the texts.
    private(set) var entries: [String: Entry] = [:]
    /// By item id: the names its texts use (scenario images count for every item of the case).
    private(set) var namesByItem: [String: [String]] = [:]

    /// Every image must be a file of the bank the loader found; anything else would be lost.
    init(_ content: ExportContent) throws(ExportError) {
        func collect(_ texts: [PlacedText], for item: Item) throws(ExportError) {
            for text in texts where text.value.contains("](") {
                for image in MarkdownReader.read(text.value).images {
                    guard let file = content.media[image.source], let kind = file.kind, !file.bytes.isEmpty else {
                        throw ExportError("image '\(image.source)' in the \(text.role) of item '\(item.id)' is not a PNG, JPEG, GIF or SVG file of the bank; run `qbank lint` and fix it before exporting")
                    }
                    let name = MediaFile.contentName(file.bytes, kind)
                    entries[image.source] = Entry(name: name, file: file)
                    if !namesByItem[item.id, default: []].contains(name) { namesByItem[item.id, default: []].append(name) }
                }
            }
        }
        for block in content.blocks {
            switch block {
            case .item(let item): try collect(item.placedTexts, for: item)
            case .caseStudy(let study):
                for item in study.items { try collect([study.placedScenario] + item.placedTexts, for: item) }
            }
        }
    }

    func name(of image: RichImage) -> String? { entries[image.source]?.name }

    /// The content-addressed names the images of `source` get, in order of first use.
    func names(in source: String) -> [String] {
        guard source.contains("](") else { return [] }
        var names: [String] = []
        for image in MarkdownReader.read(source).images {
            if let name = name(of: image), !names.contains(name) { names.append(name) }
        }
        return names
    }

    func bytes(named name: String) -> [UInt8]? { entries.values.first { $0.name == name }?.file.bytes }

    /// One file per distinct image, in name order.
    var files: [(name: String, bytes: [UInt8])] {
        var seen = Set<String>()
        return entries.values.sorted { $0.name < $1.name }.compactMap { seen.insert($0.name).inserted ? ($0.name, $0.file.bytes) : nil }
    }
}

import Foundation
import QBankCore
import QBankFiles
import QBankInterchange
import TestSupport

/// Shared data for interchange tests: the sample bank and the third-party corpus.
enum Interchange {
    static var sampleBankFolder: String { Fixtures.repositoryRoot.appendingPathComponent("Banks/mla-c01").path }

    /// The sample bank as one export content (all files, items then cases).
    static func sampleContent() throws -> ExportContent {
        try content(of: sampleBankFolder, title: "MLA-C01", identifier: "mla-c01")
    }

    /// Every item of the content, case-study questions included: what an export must carry.
    static func itemCount(_ content: ExportContent) -> Int {
        content.items.count + content.cases.map(\.items.count).reduce(0, +)
    }

    /// The XML fixture with every Markdown block kind, with its images (Tests/QBankXMLTests/Fixtures/media).
    static func richContent() throws -> ExportContent {
        try content(of: Fixtures.repositoryRoot.appendingPathComponent("Tests/QBankXMLTests/Fixtures/valid-rich-content.xml").path,
                    title: "Rich content", identifier: "rich")
    }

    static func content(of path: String, title: String, identifier: String) throws -> ExportContent {
        let files = try BankLoader().load([path]).flatMap(\.bank.files)
        var content = ExportContent(title: title, identifier: identifier, items: files.flatMap(\.items), cases: files.flatMap(\.cases))
        content.media = Bank(files: files).media
        return content
    }

    /// `../shared/corpus/<relative>` when present.
    static func corpus(_ relative: String) -> String? {
        guard let shared = Fixtures.sharedFolder else { return nil }
        let path = shared.appendingPathComponent("corpus/\(relative)").path
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    static func source(_ path: String) throws -> ImportSource {
        ImportSource(path: path, bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
    }

    static func source(_ text: String, path: String) -> ImportSource { ImportSource(path: path, bytes: Array(text.utf8)) }

    /// What a candidate-facing export keeps of an item: everything but rationales,
    /// status, references, enemies and statistics (and tags, unless `keepTags`).
    /// `media`: images come back under their content-addressed names (`media/<hash>.<type>`).
    static func delivered(_ item: Item, keepTags: Bool = false, media: [String: MediaFile] = [:]) -> Item {
        var copy = item
        if !media.isEmpty { copy = packagedImages(copy, media) }
        copy.status = .draft
        copy.references = []
        copy.enemies = []
        copy.stats = nil
        if !keepTags { copy.tags = [] }
        switch copy.body {
        case .choice(var body):
            for index in body.options.indices { body.options[index].rationale = nil }
            copy.body = .choice(body)
        case .ordering(var steps):
            for index in steps.indices { steps[index].rationale = nil }
            copy.body = .ordering(steps)
        case .matching(var body):
            for index in body.prompts.indices { body.prompts[index].rationale = nil }
            copy.body = .matching(body)
        }
        return copy
    }

    static func delivered(_ study: CaseStudy, keepTags: Bool = false, media: [String: MediaFile] = [:]) -> CaseStudy {
        var copy = study
        copy.items = study.items.map { delivered($0, keepTags: keepTags, media: media) }
        return copy
    }

    /// The item with every image path as a package or an import names it.
    static func packagedImages(_ item: Item, _ media: [String: MediaFile]) -> Item {
        item.mappingTexts { text in
            media.reduce(text) { text, entry in
                guard let kind = entry.value.kind else { return text }
                return text.replacingOccurrences(of: "](\(entry.key))", with: "](media/\(MediaFile.contentName(entry.value.bytes, kind)))")
            }
        }
    }
}

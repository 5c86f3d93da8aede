import Foundation
import QBankCore
import QBankInterchange
import QBankMarkdown
import Testing

/// Code blocks, lists, tables and images in the corpus sources, counted in each source and in
/// what importing it gives; every one that does not arrive is accounted for in `accounted`.
@Suite struct CorpusRichContentTests {
    struct Census: Equatable, CustomStringConvertible {
        var code = 0, lists = 0, tables = 0, images = 0
        var description: String { "code \(code), lists \(lists), tables \(tables), images \(images)" }
    }

    /// Where rich content in a source does not reach the bank, and why (checked by hand).
    static let accounted: [String: (source: Census, imported: Census, why: String)] = [
        "formats/gift/gift-grammar-pegjs/multiLineFeedback1.gift": (Census(images: 1), Census(),
            "the image is in the general feedback (####), reported as lost"),
        "banks/kananinirav-clf-c02/practice-exam/exams.md": (Census(images: 1), Census(),
            "the book cover sits above the question list, in no question (the file reads 0 questions)"),
        "banks/text2qti/README-examples-excerpt.md": (Census(code: 8), Census(),
            "the fences quote whole questions to show the format; they are read as questions"),
    ]

    /// `<pre>`, `<ul>`/`<ol>`, `<table>`, `<img>` (also escaped, as in GIFT and Moodle CDATA) and
    /// Markdown fences, tables and images.
    static func sourceCensus(_ text: String) -> Census {
        func count(_ pattern: String) -> Int {
            (try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive, .anchorsMatchLines]))?
                .numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text)) ?? 0
        }
        return Census(code: count(#"(?:<|&lt;)pre[\s>]"#) + count(#"^\s*```"#) / 2,
                      lists: count(#"(?:<|&lt;)[uo]l[\s>]"#),
                      tables: count(#"(?:<|&lt;)table[\s>]"#) + count(#"^\s*\|[-:| ]+\|\s*$"#),
                      images: count(#"(?:<|&lt;)img[\s>]"#) + count(#"(?<!<)!\[[^\]]*\]\("#))
    }

    static func importedCensus(_ result: ImportResult) -> Census {
        var census = Census()
        func note(_ blocks: [RichBlock]) {
            for block in blocks {
                switch block {
                case .code: census.code += 1
                case .list(_, let items): census.lists += 1; items.forEach(note)
                case .table: census.tables += 1
                case .image: census.images += 1
                case .paragraph(let inlines): census.images += inlines.filter { if case .image = $0 { true } else { false } }.count
                }
            }
        }
        let texts = result.file.cases.map(\.scenario.value) + result.file.allItems.flatMap { $0.placedTexts.map(\.value) }
        for text in texts { note(MarkdownReader.read(text).blocks) }
        return census
    }

    @Test func nothingIsDroppedSilently() throws {
        guard Interchange.corpus("formats") != nil else { print("skipped: corpus absent"); return }
        let clf = "banks/kananinirav-clf-c02/practice-exam"
        let practice = (try? FileManager.default.contentsOfDirectory(atPath: Interchange.corpus(clf) ?? "")) ?? []
        let files = CorpusAcceptanceTests.expected.map(\.0) + ["banks/moodle-fixtures/questions.gift.txt", "banks/moodle-fixtures/questions.aiken.txt"]
            + practice.filter { $0.hasPrefix("practice-exam-") }.sorted().map { "\(clf)/\($0)" }
        var total = Census()
        for relative in files {
            let path = try #require(Interchange.corpus(relative))
            let source = Self.sourceCensus(String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self))
            let result = try #require(try CorpusAcceptanceTests.run(relative))
            let imported = Self.importedCensus(result)
            total.code += source.code; total.lists += source.lists; total.tables += source.tables; total.images += source.images
            if let known = Self.accounted[relative] {
                #expect(source == known.source && imported == known.imported, "\(relative): source \(source), imported \(imported)")
            } else {
                #expect(imported == source, "\(relative): source \(source), imported \(imported)")
            }
        }
        #expect(total.code + total.lists + total.tables + total.images > 0, "the census found nothing to count")
    }
}

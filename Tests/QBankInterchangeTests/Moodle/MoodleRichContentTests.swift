import Foundation
import QBankCore
import QBankInterchange
import Testing

/// Rich item text reaches Moodle XML as HTML, with images as embedded `@@PLUGINFILE@@` files.
@Suite struct MoodleRichContentTests {
    @Test func richContentAndEmbeddedImages() throws {
        let content = try Interchange.richContent()
        let xml = String(decoding: try MoodleExporter().export(content)[0].bytes, as: UTF8.self)
        for escaped in ["&lt;pre&gt;&lt;code class=\"language-python\"&gt;", "&lt;table&gt;", "&lt;ul&gt;", "&lt;ol&gt;",
                        "&lt;img src=\"@@PLUGINFILE@@/"] {
            #expect(xml.contains(escaped), "\(escaped)")
        }
        let svg = try #require(content.media["media/pipeline.svg"])
        #expect(xml.contains(">\(Data(svg.bytes).base64EncodedString())</file>"))
        #expect(xml.contains("<file name=\"") && xml.contains("path=\"/\" encoding=\"base64\">"))
    }

    @Test func importingTheExportKeepsBlocksAndEmbeddedImages() throws {
        let content = try Interchange.richContent()
        let xml = try MoodleExporter().export(content)[0].bytes
        let result = MoodleImporter().importItems(from: ImportSource(path: "rich.moodle.xml", bytes: xml))
        #expect(result.imported == 3)
        #expect(!result.media.isEmpty && result.media.keys.allSatisfy { $0.hasPrefix("media/") })
        let imported = RichCensus(candidateTextsOf: result.file.items, result.file.cases)
        let original = RichCensus(candidateTextsOf: content.items, content.cases)
        #expect(imported == original, "\(imported) vs \(original)")
        #expect(!result.problems.contains { $0.reason.contains("embedded file") })
    }
}

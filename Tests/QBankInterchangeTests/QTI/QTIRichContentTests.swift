import Foundation
import QBankCore
import QBankInterchange
import QBankMarkdown
import Testing

/// Code, lists, tables and images reach QTI packages as XHTML the official XSDs accept,
/// with each image inside the package and listed in its item's manifest resource.
@Suite struct QTIRichContentTests {
    @Test(arguments: [QTIVersion.v30, .v21])
    func richContentValidatesWithItsMedia(_ version: QTIVersion) throws {
        let files = try QTIExporter(version: version).export(Interchange.richContent())
        let media = files.filter { $0.path.hasPrefix("media/") }
        #expect(media.count == 2)
        let text = files.filter { !$0.path.hasPrefix("media/") }.map { String(decoding: $0.bytes, as: UTF8.self) }.joined()
        for element in ["<pre><code class=\"language-python\">", "<ul>", "<ol>", "<table>", "<thead>", "<img src=\"../media/", "<strong>", "<em>", "<a href="] {
            #expect(text.contains(element), "\(element)")
        }
        #expect(text.contains("    image_uri=image_uri,\n"), "code keeps its indentation")
        let manifest = String(decoding: try #require(files.first { $0.path == "imsmanifest.xml" }).bytes, as: UTF8.self)
        for file in media { #expect(manifest.contains("<file href=\"\(file.path)\"/>")) }
        let (items, package) = version == .v30 ? ("v3", "v3cp") : ("v21", "v21cp")
        guard let itemSchema = QTIExportTests.schemas[items], let manifestSchema = QTIExportTests.schemas[package] else { return }
        for file in files where !file.path.hasPrefix("media/") {
            let errors = (file.path == "imsmanifest.xml" ? manifestSchema : itemSchema).validate(file.bytes)
            #expect(errors.isEmpty, "\(file.path): \(errors.prefix(3))")
        }
    }

    @Test(arguments: [QTIVersion.v30, .v21])
    func importingTheExportKeepsEveryBlockAndImage(_ version: QTIVersion) throws {
        let content = try Interchange.richContent()
        let package = try ZipPackage.write(QTIExporter(version: version).export(content).map { ($0.path, $0.bytes) })
        let result = QTIImporter().importItems(from: ImportSource(path: "rich.zip", bytes: package))
        #expect(result.imported == 3)
        #expect(result.media.count == 2 && result.media.keys.allSatisfy { $0.hasPrefix("media/") })
        #expect(RichCensus(candidateTextsOf: result.file.items, result.file.cases) == RichCensus(candidateTextsOf: content.items, content.cases))
        #expect(RichCensus(candidateTextsOf: content.items, content.cases).total >= 8)
    }

    @Test func anImageThatIsNoFileOfTheBankStopsTheExport() throws {
        var content = try Interchange.richContent()
        content.media = [:]
        #expect(throws: ExportError.self) { try QTIExporter(version: .v30).export(content) }
    }
}

/// Code blocks, lists, tables and images in what candidates see (rationales are not exported).
struct RichCensus: Equatable {
    var code = 0, lists = 0, tables = 0, images = 0
    var total: Int { code + lists + tables + images }

    init(candidateTextsOf items: [Item], _ cases: [CaseStudy]) {
        let all = items + cases.flatMap(\.items)
        var texts = cases.map(\.scenario.value)
        for item in all {
            texts += item.placedTexts.filter { !$0.role.hasPrefix("rationale") }.map(\.value)
        }
        for text in texts { count(MarkdownReader.read(text).blocks) }
    }

    private mutating func count(_ blocks: [RichBlock]) {
        for block in blocks {
            switch block {
            case .code: code += 1
            case .list(_, let items): lists += 1; items.forEach { count($0) }
            case .table: tables += 1
            case .image: images += 1
            case .paragraph(let inlines): images += inlines.filter { if case .image = $0 { true } else { false } }.count
            }
        }
    }
}

/// An item whose options were only images that cannot come in is skipped, never imported half-empty.
@Suite struct QTIUnanswerableItemTests {
    @Test func optionsThatWereOnlyImagesSkipTheItem() {
        let item = """
            <assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="pick" title="Pick" adaptive="false" timeDependent="false">
              <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier">
                <correctResponse><value>A</value></correctResponse>
              </responseDeclaration>
              <itemBody>
                <p>Which chart shows drift?</p>
                <choiceInteraction responseIdentifier="RESPONSE" shuffle="false" maxChoices="1">
                  <simpleChoice identifier="A"><img src="a.png" alt="chart A"/></simpleChoice>
                  <simpleChoice identifier="B"><img src="b.png" alt="chart B"/></simpleChoice>
                </choiceInteraction>
              </itemBody>
            </assessmentItem>
            """
        let result = ImportRunner.run(Interchange.source(item, path: "pick.xml"), from: .qti)
        #expect(result.imported == 0 && result.skipped == 1)
        let reason = result.problems.first { $0.kind == .skipped }?.reason ?? ""
        #expect(reason.contains("option 'A' has no content qbank can hold") && reason.contains("image 'a.png'"), "\(reason)")
    }
}

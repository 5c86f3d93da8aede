import Foundation
import QBankCore
import QBankInterchange
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
        for element in ["<pre><code>", "<ul>", "<ol>", "<table>", "<thead>", "<img src=\"../media/", "<strong>", "<em>", "<a href="] {
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

    @Test func anImageThatIsNoFileOfTheBankStopsTheExport() throws {
        var content = try Interchange.richContent()
        content.media = [:]
        #expect(throws: ExportError.self) { try QTIExporter(version: .v30).export(content) }
    }
}

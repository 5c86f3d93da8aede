import Foundation
import QBankCore
import QBankInterchange
import QBankXML
import Testing

/// Every file of a QTI export of the sample bank validates against the official
/// 1EdTech XSDs, compiled offline by libxml2 (skipped when the corpus is absent).
@Suite struct QTIExportTests {
    /// Compiling the QTI 3 XSD takes seconds: once per test run.
    static let schemas: [String: ExternalSchema] = {
        var compiled: [String: ExternalSchema] = [:]
        for (key, relative) in [("v3", "qti-xsd/v3/imsqti_asiv3p0p1_v1p0.xsd"), ("v3cp", "qti-xsd/v3/imsqtiv3p0_imscpv1p2_v1p0.xsd"),
                                ("v21", "qti-xsd/v2p1/imsqti_v2p1.xsd"), ("v21cp", "qti-xsd/v2p1/cp/qtiv2p1_imscpv1p2_v1p0.xsd")] {
            if let path = Interchange.corpus(relative) { compiled[key] = try? ExternalSchema(path: path) }
        }
        return compiled
    }()

    @Test(arguments: [QTIVersion.v30, .v21])
    func sampleBankValidates(_ version: QTIVersion) throws {
        let (items, manifest) = version == .v30 ? ("v3", "v3cp") : ("v21", "v21cp")
        guard let itemSchema = Self.schemas[items], let manifestSchema = Self.schemas[manifest] else {
            print("skipped: ../shared/corpus/qti-xsd not present")
            return
        }
        let content = try Interchange.sampleContent()
        let files = try QTIExporter(version: version).export(content)
        #expect(files.filter { $0.path.hasPrefix("items/") }.count == Interchange.itemCount(content))
        for file in files where !file.path.hasPrefix("media/") {
            let schema = file.path == "imsmanifest.xml" ? manifestSchema : itemSchema
            let errors = schema.validate(file.bytes)
            #expect(errors.isEmpty, "\(file.path): \(errors.prefix(3))")
        }
    }

    @Test func invalidQTIIsCaught() throws {
        guard let schema = Self.schemas["v3"] else { return }
        // max-choices on the wrong element: the validator must say so, or the test above proves nothing.
        let bad = #"<qti-assessment-item xmlns="http://www.imsglobal.org/xsd/imsqtiasi_v3p0" identifier="1bad" title="t" adaptive="false" time-dependent="false"/>"#
        #expect(!schema.validate(Array(bad.utf8)).isEmpty)
    }

    @Test func candidateFacingFilesCarryNoRationaleOrStatus() throws {
        let content = try Interchange.sampleContent()
        let files = try QTIExporter(version: .v30).export(content)
        let all = files.map { String(decoding: $0.bytes, as: UTF8.self) }.joined()
        let rationale = content.allItems.compactMap { item -> String? in
            if case .choice(let body) = item.body { return body.options.compactMap(\.rationale).first } else { return nil }
        }.first!
        #expect(!all.contains(rationale))
        for marker in ["status=", "pValue", "pointBiserial", "<rationale", "category=\"pretest"] { #expect(!all.contains(marker), "\(marker)") }
    }

    @Test func orderingStepsAreNotWrittenInTheCorrectOrder() throws {
        let content = try Interchange.sampleContent()
        let ordering = content.allItems.first { $0.type == .ordering }!
        let file = try QTIExporter(version: .v21).export(ExportContent(title: "t", identifier: "t", items: [ordering], cases: []))
        let text = String(decoding: file[0].bytes, as: UTF8.self)
        guard case .ordering(let steps) = ordering.body else { return }
        let body = text[text.range(of: "<orderInteraction")!.lowerBound...]
        let positions = steps.map { body.range(of: "identifier=\"\($0.id)\"")!.lowerBound }
        #expect(positions != positions.sorted())
    }

    @Test func exportIsDeterministic() throws {
        let content = try Interchange.sampleContent()
        let first = try ZipPackage.write(QTIExporter(version: .v30).export(content).map { ($0.path, $0.bytes) })
        let second = try ZipPackage.write(QTIExporter(version: .v30).export(content).map { ($0.path, $0.bytes) })
        #expect(first == second)
    }
}

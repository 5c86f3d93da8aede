import Foundation
import QBankCore
import QBankInterchange
import Testing

/// import(export(X)) gives back X's items, as delivered (no rationales, status,
/// statistics), for every item type and the case studies, in QTI 3.0 and 2.1.
@Suite struct QTIRoundTripTests {
    @Test(arguments: [QTIVersion.v30, .v21])
    func sampleBankRoundTrips(_ version: QTIVersion) throws {
        let content = try Interchange.sampleContent()
        let files = try QTIExporter(version: version).export(content)
        let zip = try ZipPackage.write(files.map { ($0.path, $0.bytes) })
        let result = QTIImporter().importItems(from: ImportSource(path: "bank.zip", bytes: zip))
        #expect(result.problems.isEmpty, "\(result.problems.prefix(3))")
        #expect(result.read == Interchange.itemCount(content) && result.imported == Interchange.itemCount(content))
        #expect(Set(ItemType.allCases) == Set(result.file.allItems.map(\.type)))
        #expect(result.file.items == content.items.map { Interchange.delivered($0, media: content.media) })
        #expect(result.file.cases == content.cases.map { Interchange.delivered($0, media: content.media) })
    }

    @Test func thirdPartyItemWithUnsupportedInteractionIsReported() {
        let item = """
            <assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="essay1" title="Essay" adaptive="false" timeDependent="false">
              <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="string"/>
              <itemBody><p>Explain.</p><extendedTextInteraction responseIdentifier="RESPONSE"/></itemBody>
            </assessmentItem>
            """
        let result = QTIImporter().importItems(from: Interchange.source(item, path: "essay.xml"))
        #expect(result.read == 1 && result.skipped == 1)
        #expect(result.problems.first?.reason.contains("extendedTextInteraction is not supported") == true)
        #expect(result.problems.first?.location.line == 1)
    }

    @Test func qti3ChoiceWithImageAndFeedbackReportsWhatIsLost() {
        let item = """
            <qti-assessment-item xmlns="http://www.imsglobal.org/xsd/imsqtiasi_v3p0" identifier="c1" title="Pick" adaptive="false" time-dependent="false">
              <qti-response-declaration identifier="RESPONSE" cardinality="single" base-type="identifier">
                <qti-correct-response><qti-value>B</qti-value></qti-correct-response>
              </qti-response-declaration>
              <qti-item-body>
                <p>Which one &amp; why? <img src="a.png" alt=""/></p>
                <qti-choice-interaction response-identifier="RESPONSE" max-choices="1">
                  <qti-simple-choice identifier="A">One</qti-simple-choice>
                  <qti-simple-choice identifier="B"><strong>Two</strong></qti-simple-choice>
                </qti-choice-interaction>
              </qti-item-body>
              <qti-modal-feedback outcome-identifier="FEEDBACK" identifier="x" show-hide="show">Well done</qti-modal-feedback>
            </qti-assessment-item>
            """
        let result = QTIImporter().importItems(from: Interchange.source(item, path: "c1.xml"))
        let imported = try? #require(result.file.items.first)
        #expect(imported?.stem.value == "Which one & why?")
        guard case .choice(let body)? = imported?.body else { Issue.record("not a choice item"); return }
        #expect(body.options.map(\.text.value) == ["One", "**Two**"])
        #expect(body.keys.map(\.id) == ["B"])
        let lost = result.problems.filter { $0.kind == .lost }.map(\.reason)
        #expect(lost.contains { $0.contains("image 'a.png'") })
        #expect(lost.contains { $0.contains("feedback") })
    }
}

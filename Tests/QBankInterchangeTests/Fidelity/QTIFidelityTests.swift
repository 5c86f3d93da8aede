import QBankCore
import QBankInterchange
import Testing

/// Issue 14: what a QTI item says reaches the bank, or the report names it; nothing the
/// candidate must not see (feedback) ends up in what they see.
@Suite struct QTIFidelityTests {
    static func item(_ body: String, declarations: String = "", correct: String = "A") -> ImportSource {
        Interchange.source("""
            <assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p2" identifier="q1" title="q1" adaptive="false" timeDependent="false">
              <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier">
                <correctResponse><value>\(correct)</value></correctResponse>
              </responseDeclaration>
              \(declarations)
              <itemBody>\(body)</itemBody>
            </assessmentItem>
            """, path: "q1.xml")
    }

    @Test func feedbackInsideAChoiceBecomesItsRationaleNeverItsText() throws {
        let source = Self.item("""
            <p>Is the sky blue?</p>
            <choiceInteraction responseIdentifier="RESPONSE" shuffle="true" maxChoices="1">
              <simpleChoice identifier="A">True<feedbackInline outcomeIdentifier="FEEDBACK" identifier="A" showHide="show">That's correct</feedbackInline></simpleChoice>
              <simpleChoice identifier="B">False <feedbackBlock outcomeIdentifier="FEEDBACK" identifier="B" showHide="show"><p>No, look up.</p></feedbackBlock></simpleChoice>
            </choiceInteraction>
            <feedbackBlock outcomeIdentifier="FEEDBACK" identifier="X" showHide="show"><p>Well done</p></feedbackBlock>
            """)
        let result = QTIImporter().importItems(from: source)
        let item = try #require(result.file.items.first)
        guard case .choice(let body) = item.body else { Issue.record("not a choice item"); return }
        #expect(body.options.map(\.text.value) == ["True", "False"])
        #expect(body.options.map(\.rationale) == ["That's correct", "No, look up."])
        #expect(!item.stem.value.contains("Well done"))
        #expect(result.problems.contains { $0.kind == .lost && $0.reason.hasPrefix("1 feedback element not imported") })
        let exported = try QTIExporter(version: .v21).export(ExportContent(title: "t", identifier: "t", items: [item], cases: []))
        let text = exported.map { String(decoding: $0.bytes, as: UTF8.self) }.joined()
        #expect(!text.contains("That's correct") && !text.contains("look up"), "feedback reached the candidate's export")
    }
}

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

    @Test func aFixedChoiceInAShuffledInteractionTurnsShuffleOff() throws {
        let source = Self.item("""
            <choiceInteraction responseIdentifier="RESPONSE" shuffle="true" maxChoices="1">
              <prompt>Which one?</prompt>
              <simpleChoice identifier="A">One</simpleChoice>
              <simpleChoice identifier="B">Two</simpleChoice>
              <simpleChoice identifier="C" fixed="true">None of the above</simpleChoice>
            </choiceInteraction>
            """)
        let result = QTIImporter().importItems(from: source)
        let item = try #require(result.file.items.first)
        #expect(item.shuffle == false)
        #expect(result.problems.contains { $0.kind == .note && $0.reason.contains("'C' is fixed in place") })
    }

    @Test func aGeneratedItemIsRefused() {
        let source = Self.item("""
            <p><printedVariable identifier="a"/> <printedVariable identifier="b"/> of <printedVariable identifier="c"/> is equal to:</p>
            <choiceInteraction responseIdentifier="RESPONSE" shuffle="false" maxChoices="1">
              <simpleChoice identifier="A">Choix1</simpleChoice><simpleChoice identifier="B">Choix2</simpleChoice>
            </choiceInteraction>
            """, declarations: #"<templateDeclaration identifier="a" cardinality="single" baseType="integer"/>"#)
        let result = QTIImporter().importItems(from: source)
        #expect(result.imported == 0 && result.skipped == 1)
        #expect(result.problems.first { $0.kind == .skipped }?.reason.hasPrefix("generated item: its text is produced at delivery (templateDeclaration, printedVariable)") == true)
    }

    /// The same unanswerable item (every option an image with no file) is skipped by QTI and Moodle alike.
    @Test func oneHalfEmptyPolicyAcrossImporters() {
        let qti = Self.item("""
            <choiceInteraction responseIdentifier="RESPONSE" shuffle="false" maxChoices="1">
              <prompt>Which chart shows drift?</prompt>
              <simpleChoice identifier="A"><img src="a.png" alt=""/></simpleChoice><simpleChoice identifier="B"><img src="b.png" alt=""/></simpleChoice>
            </choiceInteraction>
            """)
        let moodle = Interchange.source("""
            <quiz><question type="multichoice"><name><text>q1</text></name>
              <questiontext format="html"><text><![CDATA[<p>Which chart shows drift?</p>]]></text></questiontext>
              <single>true</single>
              <answer fraction="100" format="html"><text><![CDATA[<img src="@@PLUGINFILE@@/a.png">]]></text></answer>
              <answer fraction="0" format="html"><text><![CDATA[<img src="@@PLUGINFILE@@/b.png">]]></text></answer>
            </question></quiz>
            """, path: "q1.xml")
        for result in [ImportRunner.run(qti, from: .qti), ImportRunner.run(moodle, from: .moodle)] {
            #expect(result.imported == 0 && result.skipped == 1, "\(result.problems)")
        }
    }
}

import QBankCore
import QBankXML
import Testing

/// Each invalid fixture gives QB002 at the offending element, with a message that
/// says what to do, and the model is still built where it can be.
@Suite struct SchemaDiagnosticsTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let fixture: String
        let expected: [String]
        let message: String
        let item: String?
        var testDescription: String { fixture }
    }

    static let cases: [Case] = [
        Case(fixture: "invalid-attribute-value.xml", expected: ["QB002 6:7"],
             message: "element 'option': attribute 'correct' must be true or false, not 'yes'", item: "q1"),
        Case(fixture: "invalid-status.xml", expected: ["QB002 3:3"],
             message: "element 'item': attribute 'status' must be one of draft, review, approved, pretest, operational, retired, not 'finished'",
             item: "q1"),
        Case(fixture: "invalid-missing-attribute.xml", expected: ["QB002 5:5"],
             message: "element 'item': add the required attribute 'status' (one of draft, review, approved, pretest, operational, retired)",
             item: "q1"),
        Case(fixture: "invalid-body-type.xml", expected: ["QB002 5:5"],
             message: "element 'item': an ordering item needs <steps>, not <options>; change the body or the type", item: "q1"),
        Case(fixture: "invalid-select.xml", expected: ["QB002 3:3", "QB002 7:3"],
             message: "element 'item': a multiple-response item needs select=\"N\" (how many options to choose); add it", item: "q1"),
        Case(fixture: "invalid-unknown-element.xml", expected: ["QB002 6:51"],
             message: "element 'hint' is not expected here; expected <rationale>", item: "q1"),
    ]

    @Test(arguments: cases) func invalidFixture(_ test: Case) throws {
        let result = try Fixtures.read(test.fixture)
        #expect(result.diagnostics.map(\.short) == test.expected)
        let first = try #require(result.diagnostics.first)
        #expect(first.message == test.message)
        #expect(first.ruleName == "schema-violation" && first.severity == .error)
        #expect(first.itemID == test.item)
        #expect(result.file != nil)
    }

    @Test func modelIsBuiltLenientlyAfterSchemaErrors() throws {
        let status = try #require(try Fixtures.read("invalid-status.xml").file)
        #expect(status.items.map(\.id) == ["q2"])  // q1 has no usable status; q2 is fine
        let flag = try #require(try Fixtures.read("invalid-attribute-value.xml").file)
        #expect(flag.items.count == 1)
        let select = try #require(try Fixtures.read("invalid-select.xml").file)
        #expect(select.items.map(\.type) == [.multiple, .single])
        #expect(try Fixtures.read("invalid-select.xml").diagnostics[1].message
                == "element 'item': select=\"1\" is only for multiple-response items; remove it or set type=\"multiple\"")
    }

    @Test func wrongRootAndNamespace() {
        let noNamespace = readXML("<bank/>")
        #expect(noNamespace.diagnostics.map(\.short) == ["QB002 1:1"])
        #expect(noNamespace.diagnostics.first?.message.contains("add the namespace") == true)
        let other = readXML("<?xml version=\"1.0\"?>\n<quiz/>")
        #expect(other.diagnostics.map(\.short) == ["QB002 2:1"])
        #expect(other.file?.items.isEmpty == true)
    }

    @Test func schemaLocationIsAllowed() {
        let source = """
            <bank xmlns="urn:qbank:bank:1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                  xsi:schemaLocation="urn:qbank:bank:1 http://example.com/qbank-bank.xsd"/>
            """
        let result = readXML(source)
        #expect(result.diagnostics.isEmpty)
        #expect(result.file != nil)
    }

    @Test func emptyListsAreAllowed() {
        let result = readXML("""
            <bank xmlns="urn:qbank:bank:1"><item id="q" type="ordering" domain="1" task="1.1" status="draft">\
            <stem>S</stem><steps/><references/><tags/><enemies/><stats/></item></bank>
            """)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.file?.items.first?.stats == ItemStats())
    }

    @Test func casesNeedAnItemAndAScenario() {
        let result = readXML("""
            <bank xmlns="urn:qbank:bank:1">
              <case id="c1"><title>T</title></case>
            </bank>
            """)
        #expect(result.diagnostics.map(\.short) == ["QB002 2:3"])
        #expect(result.diagnostics.first?.message == "element 'case' is incomplete; add <scenario>")
        #expect(result.diagnostics.first?.itemID == "c1")
        #expect(result.file?.cases.isEmpty == true)
    }
}

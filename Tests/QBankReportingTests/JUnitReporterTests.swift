import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import QBankReporting

@Suite struct JUnitReporterTests {
    @Test func junitFormat() {
        assertSnapshot(JUnitReporter().render(Fixtures.report()), as: "xml")
    }

    @Test func junitFormatClean() {
        assertSnapshot(JUnitReporter().render(Fixtures.cleanReport), as: "xml")
    }

    @Test func junitParsesWithCorrectCounts() throws {
        let counts = try JUnitCounter.parse(JUnitReporter().render(Fixtures.report()))
        #expect(counts.testcases == 7)      // 6 findings + 1 clean file
        #expect(counts.failures == 5)       // errors and warnings; the info passes
        #expect(counts.suiteAttributes["tests"] == "7")
        #expect(counts.suiteAttributes["failures"] == "5")
        #expect(counts.suiteAttributes["errors"] == "0")
        #expect(counts.failureMessages.contains("Option 'c' text \"100% <fast> & 'cheap'\", key: value\nsecond line]]>"))
    }

    @Test func junitCleanRunHasOnePassingTestPerFile() throws {
        let counts = try JUnitCounter.parse(JUnitReporter().render(Fixtures.cleanReport))
        #expect(counts.testcases == Fixtures.checkedFiles.count)
        #expect(counts.failures == 0)
    }
}

/// Counts what a CI system would read, with Foundation's (libxml2-backed) XMLParser.
private final class JUnitCounter: NSObject, XMLParserDelegate {
    var testcases = 0
    var failures = 0
    var suiteAttributes: [String: String] = [:]
    var failureMessages: [String] = []

    static func parse(_ xml: String) throws -> JUnitCounter {
        let counter = JUnitCounter()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = counter
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.propertyListReadCorrupt) }
        return counter
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String]) {
        switch name {
        case "testsuite": suiteAttributes = attributes
        case "testcase": testcases += 1
        case "failure":
            failures += 1
            failureMessages.append(attributes["message"] ?? "")
        default: break
        }
    }
}

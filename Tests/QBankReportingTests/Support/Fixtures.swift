import Foundation
import QBankCore
@testable import QBankReporting

/// One fixed run that exercises every reporter feature: all three severities, related
/// locations, multibyte and wide text before a column, a tab-indented line, a message
/// that needs escaping in every format, a file outside the root, and a clean file.
enum Fixtures {
    static let root = "/repo"

    static let awsXML = """
        <bank xmlns="urn:qbank:bank:1">
          <item id="q1" type="single" domain="1" task="1.1" status="draft">
            <stem>¿Qué servicio «almacena» objetos? 🚀 Which one, 東京?</stem>
            <options>
              <option id="a" correct="true"><text>Amazon S3</text></option>
              <option id="b" correct="true"><text>Amazon EBS</text></option>
        \t<option id="c"><text>EFS</text></option>
            </options>
          </item>
        </bank>
        """

    static let gcpJSON = "{\"format\": \"urn:qbank:bank:1\",\r\n \"items\": []}\r\n"

    static let awsLines = SourceText.lines(of: awsXML)

    /// The 1-based UTF-16 column of `needle` on 1-based `line` of `aws.xml`.
    static func column(of needle: String, line: Int) -> Int {
        let text = String(awsLines[line - 1])
        let range = text.range(of: needle)!
        return text.utf16.distance(from: text.startIndex, to: range.lowerBound) + 1
    }

    static func rule(_ id: String, _ name: String, _ category: RuleCategory, _ severity: Severity,
                     summary: String, rationale: String, example: RuleExample? = nil) -> RuleDescription {
        RuleDescription(id: id, name: name, category: category, summary: summary, rationale: rationale,
                        severity: severity, triggeringExamples: example.map { [$0] } ?? [])
    }

    static let rules: [RuleDescription] = ReaderRules.all + [
        rule("QB101", "single-answer-key-count", .structure, .error,
             summary: "A single-answer item has exactly one correct option.",
             rationale: "Candidates are told to pick one answer; two keys make the item unscoreable.",
             example: "<item id=\"q1\" type=\"single\">↓<option correct=\"true\"/><option correct=\"true\"/></item>"),
        rule("QB204", "stem-mixed-language", .stem, .warning,
             summary: "The stem mixes languages.",
             rationale: String(repeating: "A stem in one language keeps reading load fair. ", count: 30)),
        rule("QB305", "option-special-characters", .options, .warning,
             summary: "An option contains characters that render badly.",
             rationale: "Symbols such as % and & are often mangled by delivery systems."),
        rule("QB510", "key-position-balance", .bank, .info,
             summary: "Correct answers are spread evenly over positions.",
             rationale: "Test-wise candidates exploit a favourite key position (Haladyna et al. 2002)."),
    ]

    static var diagnostics: [Diagnostic] {
        let aws = "banks/aws.xml"
        return [
            Diagnostic(ruleID: "QB101", ruleName: "single-answer-key-count", severity: .error,
                       message: "Item 'q1' has 2 correct options; a single-answer item needs exactly one.",
                       location: SourceLocation(file: aws, line: 6, column: column(of: "<option", line: 6)),
                       itemID: "q1",
                       related: [RelatedLocation(
                           location: SourceLocation(file: aws, line: 5, column: column(of: "<option", line: 5)),
                           message: "the other option marked correct")]),
            fixable(Diagnostic(ruleID: "QB204", ruleName: "stem-mixed-language", severity: .warning,
                       message: "Stem of 'q1' switches from Spanish to English at 'Which'.",
                       location: SourceLocation(file: aws, line: 3, column: column(of: "Which", line: 3)),
                       itemID: "q1")),
            Diagnostic(ruleID: "QB204", ruleName: "stem-mixed-language", severity: .warning,
                       message: "Stem of 'q1' switches to Japanese at '東京'.",
                       location: SourceLocation(file: aws, line: 3, column: column(of: "東京", line: 3)),
                       itemID: "q1"),
            Diagnostic(ruleID: "QB305", ruleName: "option-special-characters", severity: .warning,
                       message: "Option 'c' text \"100% <fast> & 'cheap'\", key: value\nsecond line]]>",
                       location: SourceLocation(file: aws, line: 7, column: column(of: "<option", line: 7)),
                       itemID: "q1"),
            Diagnostic(ruleID: "QB510", ruleName: "key-position-balance", severity: .info,
                       message: "Position A is the key in 60% of items; aim for about 25%.",
                       location: SourceLocation(file: "/repo/banks/gcp.json", line: 2, column: 2)),
            Diagnostic(ReaderRules.syntaxError, "Expected ',' or '}' after an object member.",
                       at: SourceLocation(file: "/elsewhere/extra bank.json", line: 3, column: 9)),
        ].sorted(by: Diagnostic.reportOrder)
    }

    /// The QB204 finding with an end and a fix (`Which` → `WHICH`), for SARIF's regions and `fixes`.
    static func fixable(_ diagnostic: Diagnostic) -> Diagnostic {
        var result = diagnostic
        result.end = SourceLocation(file: diagnostic.location.file, line: 3, column: column(of: "Which", line: 3) + 5)
        let start = awsXML.utf8.count - awsXML[awsXML.range(of: "Which")!.lowerBound...].utf8.count
        result.fix = Fix("write 'Which' in capitals", edits: [TextEdit(file: diagnostic.location.file, start: start, end: start + 5, replacement: "WHICH")])
        return result
    }

    static let checkedFiles = ["banks/aws.xml", "/repo/banks/gcp.json", "/elsewhere/extra bank.json", "banks/clean.json"]

    static func report(_ diagnostics: [Diagnostic]? = nil) -> LintReport {
        LintReport(
            diagnostics: diagnostics ?? self.diagnostics, rules: rules, checkedFiles: checkedFiles,
            itemsChecked: 7, toolVersion: "0.1.0", rootDirectory: root, workingDirectory: root,
            sources: ["banks/aws.xml": awsXML, "/repo/banks/gcp.json": gcpJSON])
    }

    static var cleanReport: LintReport { report([]) }

    /// 12 errors, 11 warnings and 1 info: past GitHub's 10-per-level annotation cap.
    static var overflowReport: LintReport {
        let errors = (1...12).map { index in
            Diagnostic(ruleID: "QB101", ruleName: "single-answer-key-count", severity: .error,
                       message: "Item 'e\(index)' has 2 correct options.",
                       location: SourceLocation(file: "banks/big.xml", line: index * 10, column: 3), itemID: "e\(index)")
        }
        let warnings = (1...11).map { index in
            Diagnostic(ruleID: "QB305", ruleName: "option-special-characters", severity: .warning,
                       message: "Option text of 'w\(index)' contains '%'.",
                       location: SourceLocation(file: "banks/big.xml", line: index * 10 + 5, column: 3),
                       itemID: "w\(index)")
        }
        let info = Diagnostic(ruleID: "QB510", ruleName: "key-position-balance", severity: .info,
                              message: "Position A is the key in 40% of items.",
                              location: SourceLocation(file: "banks/big.xml", line: 1, column: 1))
        return LintReport(
            diagnostics: (errors + warnings + [info]).sorted(by: Diagnostic.reportOrder), rules: rules,
            checkedFiles: ["banks/big.xml"], itemsChecked: 23, toolVersion: "0.1.0", rootDirectory: root)
    }
}

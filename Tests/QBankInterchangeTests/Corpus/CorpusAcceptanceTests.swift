import Foundation
import QBankCore
import QBankInterchange
import Testing

/// Every file under ../shared/corpus/formats and the Markdown, CSV and QTI files
/// under ../shared/corpus/banks: each source item imported or reported with a
/// reason, with the counts asserted. Skipped when the corpus is absent.
@Suite struct CorpusAcceptanceTests {
    /// (file, read, imported, skipped)
    static let expected: [(String, Int, Int, Int)] = [
        ("banks/canvas-qti-fixtures/bb8_ordering.xml", 1, 1, 0),
        ("banks/canvas-qti-fixtures/canvas_multiple_choice_html.xml", 1, 1, 0),
        ("banks/canvas-qti-fixtures/terrible_qti.xml", 1, 1, 0),
        ("banks/kananinirav-clf-c02/practice-exam/exams.md", 0, 0, 0),
        ("banks/mmlu-csv/machine_learning_dev.csv", 5, 5, 0),
        ("banks/mmlu-csv/machine_learning_test.csv", 105, 105, 0),
        ("banks/mmlu-csv/machine_learning_val.csv", 11, 11, 0),
        ("banks/text2qti/README-examples-excerpt.md", 9, 3, 6),
        ("formats/aiken/moodle_qformat_aiken_aiken_errors.txt", 4, 2, 2),
        ("formats/aiken/moodle_qformat_aiken_questions.aiken.txt", 2, 2, 0),
        ("formats/gift/gift-grammar-pegjs/TFTwoFeedback.gift", 3, 3, 0),
        ("formats/gift/gift-grammar-pegjs/category1.gift", 0, 0, 0),
        ("formats/gift/gift-grammar-pegjs/escapeAll.gift", 1, 1, 0),
        ("formats/gift/gift-grammar-pegjs/escapeEquals.gift", 1, 1, 0),
        ("formats/gift/gift-grammar-pegjs/formatExamples.gift", 1, 1, 0),
        ("formats/gift/gift-grammar-pegjs/giftFormatPhpExamples.gift", 10, 6, 4),
        ("formats/gift/gift-grammar-pegjs/matching1.gift", 2, 2, 0),
        ("formats/gift/gift-grammar-pegjs/mc1.gift", 1, 1, 0),
        ("formats/gift/gift-grammar-pegjs/mc4.gift", 1, 1, 0),
        ("formats/gift/gift-grammar-pegjs/mc5.gift", 4, 4, 0),
        ("formats/gift/gift-grammar-pegjs/mcHTMLComment.gift", 1, 1, 0),
        ("formats/gift/gift-grammar-pegjs/multiLineFeedback1.gift", 2, 2, 0),
        ("formats/gift/gift-grammar-pegjs/multipleAnswersFloat.gift", 1, 1, 0),
        ("formats/gift/gift-grammar-pegjs/options1.gift", 14, 9, 5),
        ("formats/gift/gift-grammar-pegjs/totara_moodle_match.gift", 1, 1, 0),
        ("formats/gift/gift-grammar-pegjs/totara_moodle_multichoice.gift", 1, 1, 0),
        ("formats/gift/gift-grammar-pegjs/totara_moodle_multichoice_multi.gift", 1, 1, 0),
        ("formats/gift/moodle_qformat_gift_questions.gift.txt", 9, 6, 3),
        ("formats/gift/moodle_qformat_gift_questions_in_category.gift.txt", 4, 3, 1),
        ("formats/gift/moodle_qtype_ordering_testexport.gift.txt", 1, 1, 0),
        ("formats/moodle/moodle_qformat_xml_broken_cloze_questions.xml", 5, 0, 5),
        ("formats/moodle/moodle_qformat_xml_error_invalid_grades.xml", 1, 0, 1),
        ("formats/moodle/moodle_qtype_match_testquestion.moodle.xml", 1, 1, 0),
        ("formats/moodle/moodle_qtype_multichoice_testquestion.moodle.xml", 1, 1, 0),
        ("formats/moodle/moodle_qtype_ordering_testexport.moodle.xml", 1, 1, 0),
        ("formats/moodle/moodle_qtype_ordering_testimport.moodle.xml", 1, 1, 0),
        ("formats/moodle/moodle_qtype_ordering_testimportempty.moodle.xml", 1, 1, 0),
    ]

    static func run(_ relative: String) throws -> ImportResult? {
        guard let path = Interchange.corpus(relative) else { return nil }
        return ImportRunner.run(try Interchange.source(path), from: nil)
    }

    @Test func everyFileIsAccountedFor() throws {
        guard let formats = Interchange.corpus("formats") else { print("skipped: corpus absent"); return }
        // No file under formats/ is left out of the table (READMEs, checksums and goldens aside).
        let listed = Set(Self.expected.map(\.0))
        let files = (FileManager.default.enumerator(atPath: formats)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".gift") || $0.hasSuffix(".txt") || $0.hasSuffix(".xml") }
        for file in files { #expect(listed.contains("formats/" + file), "formats/\(file) is not in the acceptance table") }
        for (relative, read, imported, skipped) in Self.expected {
            let result = try #require(try Self.run(relative))
            #expect(result.read == read && result.imported == imported && result.skipped == skipped,
                    "\(relative): read \(result.read), imported \(result.imported), skipped \(result.skipped)")
            #expect(result.read == result.imported + result.skipped)
            for problem in result.problems where problem.kind == .skipped { #expect(!problem.reason.isEmpty) }
        }
    }

    @Test func allCLFItemsAreAccountedFor() throws {
        guard let folder = Interchange.corpus("banks/kananinirav-clf-c02/practice-exam") else { return }
        var read = 0, imported = 0, multiple = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) where name.hasPrefix("practice-exam-") {
            let result = ImportRunner.run(try Interchange.source(folder + "/" + name), from: nil)
            read += result.read
            imported += result.imported
            multiple += result.file.items.filter { $0.type == .multiple }.count
        }
        #expect(read == 1_142 && imported == 1_142)
        #expect(multiple == 267)  // the corpus README's count of multiple-response items
    }

    @Test func giftCountsAgreeWithTheReferenceParser() throws {
        guard let folder = Interchange.corpus("formats/gift/gift-grammar-pegjs") else { return }
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) where name.hasSuffix(".json") {
            let golden = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))) as! [[String: Any]]
            let questions = golden.filter { ($0["type"] as? String) != "Category" && ($0["type"] as? String) != "Description" }
            let supported = questions.filter { ["MC", "TF", "Matching"].contains($0["type"] as? String ?? "") }.count
            let result = ImportRunner.run(try Interchange.source(folder + "/" + name.replacingOccurrences(of: ".json", with: ".gift")), from: nil)
            #expect(result.read == questions.count, "\(name)")
            #expect(result.imported == supported, "\(name)")
        }
    }

    @Test func aikenErrorsAreMoodles() throws {
        guard let result = try Self.run("formats/aiken/moodle_qformat_aiken_aiken_errors.txt") else { return }
        let messages = result.problems.map(\.reason)
        for expected in ["Question must have at least 2 answers on line 3", "Question not started on line 5",
                         "Question not started on line 7", "Question not completed before next question start on line 18"] {
            #expect(messages.contains(expected), "\(expected)")
        }
        #expect(result.file.items.map(\.stem.value) == ["A good question", "A second good question"])
    }

    @Test func moodleInvalidGradeAndClozeAreReported() throws {
        guard let grades = try Self.run("formats/moodle/moodle_qformat_xml_error_invalid_grades.xml"),
              let cloze = try Self.run("formats/moodle/moodle_qformat_xml_broken_cloze_questions.xml") else { return }
        #expect(grades.problems.first?.reason.hasPrefix("Grades (33) do not match grade options - question skipped.") == true)
        #expect(cloze.problems.allSatisfy { $0.kind == .skipped && $0.reason.contains("cloze") })
    }

    @Test func openQuizzDBNeedsAColumnMap() throws {
        guard let path = Interchange.corpus("banks/openquizzdb/openquizzdb_1.csv") else { return }
        let bare = ImportRunner.run(try Interchange.source(path), from: nil)
        #expect(bare.problems.first?.kind == .unreadable)
        let mapped = CSVImporter(columns: ["id", "question", "correct", "option", "option", "option", "-", "explanation", "reference"])
            .importItems(from: try Interchange.source(path))
        #expect(mapped.read == 30 && mapped.imported == 30)
        guard case .choice(let body)? = mapped.file.items.first?.body else { Issue.record("not a choice"); return }
        #expect(body.keys.map(\.text.value) == ["Nespresso"])
        #expect(body.keys.first?.rationale?.hasPrefix("Le fameux slogan") == true)
    }
}

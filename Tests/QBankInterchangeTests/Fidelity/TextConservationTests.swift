import Foundation
import QBankCore
import QBankInterchange
import Testing

/// Issue 14: every word of a source item's question and option text reaches the imported item or
/// is named in its report; a word that does neither is a reported problem.
@Suite struct TextConservationTests {
    @Test func aWordLostSilentlyIsReported() {
        let origin = Origin(SourceLocation(file: "q.md", line: 1, column: 1))
        let item = Item(id: "q-1", domain: 0, task: "", status: .draft, stem: Text("Which service stores objects?"),
                        body: .choice(ChoiceBody(options: [Option(id: "a", text: Text("S3"), isCorrect: true), Option(id: "b", text: Text("EC2"))])),
                        origin: origin)
        var result = ImportResult(path: "q.md", items: [item])
        result.sourceTexts = ["q-1": "Which <b>service</b> stores objects durably?\nS3\nEC2 &amp; EBS"]
        result.checkConservation()
        let violations = result.problems.filter { $0.reason.hasPrefix(ImportResult.conservationPrefix) }
        #expect(violations.count == 1)
        #expect(violations.first?.reason.contains("2 words of the source ('durably', 'ebs')") == true, "\(violations)")

        // Named in the item's report, the words are accounted for.
        var reported = ImportResult(path: "q.md", items: [item], problems: [ImportProblem(.lost, at: origin.location!, item: "q-1", "'durably' and EBS dropped")])
        reported.sourceTexts = result.sourceTexts
        reported.checkConservation()
        #expect(!reported.problems.contains { $0.reason.hasPrefix(ImportResult.conservationPrefix) })
    }

    /// Every importable file of ../shared/corpus, each with the importer its name and content select
    /// (QTI 1.2 and 2.x, Moodle XML, GIFT, Aiken, CSV, Markdown), and qbank's own QTI and Moodle exports
    /// of the sample bank imported back.
    @Test func theCorpusImportsWithoutAViolation() throws {
        guard let corpus = Interchange.corpus("banks") else { print("skipped: corpus absent"); return }
        let root = (corpus as NSString).deletingLastPathComponent
        var sources: [(String, ImportResult)] = []
        for folder in ["banks", "formats"] {
            let files = FileManager.default.enumerator(atPath: "\(root)/\(folder)")?.allObjects as? [String] ?? []
            for relative in files.sorted() {
                let path = "\(root)/\(folder)/\(relative)"
                guard let data = FileManager.default.contents(atPath: path) else { continue }
                let source = ImportSource(path: path, bytes: [UInt8](data))
                guard let format = InterchangeFormat.detect(path: path, bytes: source.bytes) else { continue }
                sources.append((relative, ImportRunner.run(source, from: format)))
            }
        }
        // The layouts that need a map: OpenTDB JSON (`--map` "json") and OpenQuizzDB CSV (`--map` "csv").
        for file in ["api_3q_typeboolean.json"] {
            let path = "\(root)/banks/opentdb/\(file)"
            let map = JSONFieldMap(items: "results", stem: "question", correct: "correct_answer", distractors: "incorrect_answers", tags: "category")
            var result = JSONMapImporter(map: map).importItems(from: try Interchange.source(path))
            result.finishImport()
            #expect(result.imported == 3)
            sources.append(("opentdb/\(file)", result))
        }
        var quizz = CSVImporter(columns: ["id", "question", "correct", "option", "option", "option", "-", "explanation", "reference"])
            .importItems(from: try Interchange.source("\(root)/banks/openquizzdb/openquizzdb_1.csv"))
        quizz.finishImport()
        sources.append(("openquizzdb_1.csv (mapped)", quizz))
        let content = try Interchange.sampleContent()
        for exporter in [QTIExporter(version: .v30), QTIExporter(version: .v21)] as [any FormExporter] {
            var exported = content
            exported.media = [:]
            exported.blocks = exported.blocks.filter { if case .item(let item) = $0 { !item.placedTexts.contains { $0.value.contains("](media/") } } else { false } }
            let package = try ZipPackage.write(exporter.export(exported).map { ($0.path, $0.bytes) })
            sources.append(("sample.zip", ImportRunner.run(ImportSource(path: "sample.zip", bytes: package), from: .qti)))
        }
        let imported = sources.reduce(0) { $0 + $1.1.imported }
        #expect(imported > 1_400, "the corpus gave \(imported) items")
        #expect(Set(sources.filter { $0.1.imported > 0 }.map { ($0.0 as NSString).pathExtension }).isSuperset(of: ["xml", "gift", "txt", "csv", "md", "zip"]))
        for (relative, result) in sources {
            let violations = result.problems.filter { $0.reason.hasPrefix(ImportResult.conservationPrefix) }
            #expect(violations.isEmpty, "\(relative): \(violations.prefix(3).map { "\($0.location): \($0.reason)" })")
        }
    }
}

import ArgumentParser
import Foundation
import QBankCore
import QBankJSON

struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score a candidate's responses against a form's key.",
        discussion: """
            RESPONSES.json is {"form": "form-1", "responses": {"ITEM-ID": ANSWER, ...}} with answers shaped like the \
            key's: "b" (single), ["a", "c"] (multiple), ["s2", "s1", "s3"] (ordering), {"p1": "r3", ...} (matching); \
            a missing or null answer is wrong. Unscored items are ignored; every item is all-or-nothing; case-study \
            questions count one by one. The scale comes from --blueprint (default 100-1000, cut 720 at 70% correct). \
            Exit status: 0 scored, 2 unreadable key, responses or blueprint.
            """
    )

    @ArgumentParser.Option(help: "The form's FORM.key.json from qbank assemble.")
    var key: String

    @ArgumentParser.Option(help: "blueprint.json whose \"scoring\" maps raw to scaled scores.")
    var blueprint: String?

    @ArgumentParser.Option(help: "Output format: text or json.")
    var format: ScoreFormat = .text

    @Argument(help: "The candidate's responses file.")
    var responses: String

    func run() throws {
        let keyFile = try ScoringFileReader.keyFile(read(key), path: key)
        let answers = try ScoringFileReader.responsesFile(read(responses), path: responses, known: Set(keyFile.entries.map(\.id)))
        if let form = answers.form, form != keyFile.form {
            throw CLIError.usage("\(responses) answers form '\(form)' but \(key) is the key of '\(keyFile.form)'")
        }
        var scale = ScoreScale.standard
        if let blueprint {
            let result = BlueprintReader().read(try read(blueprint), path: blueprint)
            guard let bp = result.blueprint else {
                throw CLIError.usage(result.diagnostics.map { "\($0.location): \($0.message)" }.joined(separator: "\n"))
            }
            scale = bp.scoring
        }
        let report = ScoreReport(form: keyFile.form, key: keyFile.entries, responses: answers.answers, scale: scale)
        switch format {
        case .text:
            Console.out("\(report.form): raw \(report.raw)/\(report.maxRaw) (pass mark \(report.rawCut)), scaled \(report.scaled) "
                + "on \(scale.minimum)–\(scale.maximum), cut \(report.cut): \(report.passed ? "PASS" : "FAIL")\n")
            if report.ignored > 0 { Console.out("\(report.ignored) responses to unscored items ignored\n") }
        case .json:
            Console.out("""
                {"form": "\(report.form)", "raw": \(report.raw), "maxRaw": \(report.maxRaw), "rawCut": \(report.rawCut), \
                "scaled": \(report.scaled), "cut": \(report.cut), "passed": \(report.passed), "ignored": \(report.ignored)}

                """)
        }
    }

    private func read(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else { throw CLIError.usage("cannot read \(path)") }
        return [UInt8](data)
    }
}

enum ScoreFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

extension ScoringFileReader {
    static func keyFile(_ bytes: [UInt8], path: String) throws -> (form: String, entries: [KeyEntry]) {
        do { return try key(bytes, path: path) } catch { throw CLIError.usage(error.description) }
    }

    static func responsesFile(_ bytes: [UInt8], path: String, known: Set<String>) throws -> (form: String?, answers: [String: Answer]) {
        do { return try responses(bytes, path: path, known: known) } catch { throw CLIError.usage(error.description) }
    }
}

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

    @ArgumentParser.Option(help: "The form's FORM.conversion.json (default: the one beside --key, if any).")
    var conversion: String?

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
        let table = try conversionTable(form: keyFile.form)
        let report = ScoreReport(form: keyFile.form, key: keyFile.entries, responses: answers.answers, scale: scale, conversion: table?.conversion)
        if let table, table.conversion.maxRaw != report.maxRaw {
            throw CLIError.usage("\(table.path) converts raw scores 0–\(table.conversion.maxRaw) but \(key) has \(report.maxRaw) scored items; regenerate it with qbank assemble")
        }
        switch format {
        case .text:
            Console.out("\(report.form): raw \(report.raw)/\(report.maxRaw) (pass mark \(report.rawCut)), scaled \(report.scaled) "
                + "on \(scale.minimum)–\(scale.maximum), cut \(report.cut): \(report.passed ? "PASS" : "FAIL")\n")
            if report.ignored > 0 { Console.out("\(report.ignored) responses to unscored items ignored\n") }
            Console.out((table.map { "raw cut and scale from \($0.path) (IRT true-score equating" + "; " + ($0.standard ?? "standard: the blueprint's scoring.cutTheta") + ")" }
                  ?? "no conversion table beside the key: raw cut = ceil(\(scale.cutFraction) × scored items)") + "\n")
        case .json:
            Console.out("""
                {"form": "\(report.form)", "raw": \(report.raw), "maxRaw": \(report.maxRaw), "rawCut": \(report.rawCut), \
                "scaled": \(report.scaled), "cut": \(report.cut), "passed": \(report.passed), "ignored": \(report.ignored), \
                "conversion": \(table == nil ? "false" : "true")}

                """)
        }
    }

    /// --conversion, or FORM.conversion.json beside the key when it is there.
    private func conversionTable(form: String) throws -> (path: String, conversion: RawConversion, standard: String?)? {
        let beside = (key as NSString).deletingLastPathComponent
        let path = conversion ?? (beside.isEmpty ? "" : beside + "/") + "\(form).conversion.json"
        guard conversion != nil || FileManager.default.fileExists(atPath: path) else { return nil }
        do {
            let table = try ScoringFileReader.conversion(try read(path), path: path)
            guard table.form == form else { throw CLIError.usage("\(path) is the conversion of '\(table.form)' but \(key) is the key of '\(form)'") }
            return (path, table.conversion, table.standard)
        } catch let failure as ScoringFileReader.Failure {
            throw CLIError.usage(failure.description)
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

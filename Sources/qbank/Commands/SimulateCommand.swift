import ArgumentParser
import Foundation
import QBankCore
import QBankFiles
import QBankInterchange
import QBankJSON
import QBankPsychometrics
import QBankReporting

struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Seeded simulated responses to assembled forms, from the bank's IRT parameters.",
        discussion: """
            For each --key FORM.key.json (or every key in --forms DIR) writes OUT/FORM.csv, the responses CSV \
            qbank analyze and calibrate read, and OUT/generating.json, the parameters the responses were drawn \
            from. Abilities are θ ~ N(--mean, --sd²); each response is right with the 2PL/3PL probability of the \
            item's stored IRT parameters; wrong responses pick a distractor (single), swap a key for a distractor \
            (multiple), swap two neighbours (ordering) or two responses (matching). An item without stored IRT \
            parameters gets a = e^N(0, 0.3²), b ~ N(0, 1) drawn from --seed and its id (generating.json says \
            which). Same inputs and seed, same bytes. Exit status: 0 written, 2 unreadable input.
            """
    )

    @ArgumentParser.Option(name: .customLong("key"), help: "A form's FORM.key.json (repeat for several forms).")
    var keys: [String] = []

    @ArgumentParser.Option(help: "A folder written by qbank assemble: simulate every FORM.key.json in it.")
    var forms: String?

    @ArgumentParser.Option(help: "Also write NAME.key.json, a calibration booklet of every operational, approved and review (scored) and pretest (unscored) item of the bank, and simulate it.")
    var wholeBank: String?

    @ArgumentParser.Option(help: "The bank the forms were assembled from (item parameters and distractors).")
    var bank: String

    @Flag(help: "Draw every item's generating parameters from the seed, ignoring stored ones (re-running a simulated pretest gives the same bytes).")
    var drawAll = false

    @ArgumentParser.Option(help: "Candidates per form.")
    var candidates: Int = 1000

    @ArgumentParser.Option(help: "Seed of the random draws.")
    var seed: UInt64 = 1

    @ArgumentParser.Option(help: "Mean of the simulated abilities.")
    var mean: Double = 0

    @ArgumentParser.Option(help: "Standard deviation of the simulated abilities.")
    var sd: Double = 1

    @ArgumentParser.Option(help: "Folder to write FORM.csv and generating.json into (created if missing).")
    var out: String

    func validate() throws {
        guard !keys.isEmpty || forms != nil || wholeBank != nil else { throw ValidationError("give --key FORM.key.json (repeatable), --forms DIR or --whole-bank NAME") }
        if let wholeBank, wholeBank.isEmpty || wholeBank.contains("/") { throw ValidationError("--whole-bank takes a plain name such as pretest") }
        guard candidates > 0, candidates <= 10_000_000 else { throw ValidationError("--candidates must be between 1 and 10,000,000") }
        guard sd > 0, sd.isFinite, mean.isFinite else { throw ValidationError("--sd must be positive and --mean finite") }
    }

    func run() throws {
        var paths = keys
        if let forms { paths += try FormsFolder.keys(in: forms).map(\.path) }
        var administrations = try paths.map { path -> (form: String, key: [KeyEntry]) in
            let keyed = try ScoringFileReader.keyFile(try AdministrationFiles.bytes(path), path: path)
            return (keyed.form, keyed.entries)
        }
        let (bank, blueprint) = try SingleBank.load(bank, purpose: "responses are drawn from the bank's items")
        do { try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true) } catch {
            throw CLIError.usage("cannot create \(out): \(error.localizedDescription)")
        }
        if let wholeBank {
            // Every item but drafts and retired ones; items in review stay in so that re-running gives the same booklet.
            let booklet = bank.allItems.filter { [.operational, .approved, .review, .pretest].contains($0.status) }
                .map { (item: $0, scored: $0.status != .pretest) }
            let path = "\(out)/\(wholeBank).key.json"
            try write(KeyExporter.json(name: wholeBank, items: booklet, seed: seed, blueprint: blueprint), to: path)
            let keyed = try ScoringFileReader.keyFile(try AdministrationFiles.bytes(path), path: path)
            administrations.append((keyed.form, keyed.entries))
        }
        let items = Dictionary(bank.allItems.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var parameters: [String: ItemParameters] = [:], distractors: [String: [String]] = [:], drawn: Set<String> = []
        for (_, key) in administrations {
            for entry in key where parameters[entry.id] == nil {
                guard let item = items[entry.id] else { throw CLIError.usage("item '\(entry.id)' of the key is not in \(self.bank); simulate against the bank the forms came from") }
                if !drawAll, let a = item.stats?.irtA, let b = item.stats?.irtB {
                    parameters[entry.id] = ItemParameters(a: a, b: b, c: item.stats?.irtC ?? 0)
                } else {
                    parameters[entry.id] = ResponseSimulator.drawnParameters(for: entry.id, seed: seed)
                    drawn.insert(entry.id)
                }
                if case .choice(let body) = item.body { distractors[entry.id] = body.distractors.map { $0.id } }
            }
        }
        if !drawn.isEmpty { Log.info("\(drawn.count) items have no stored IRT parameters: theirs are drawn (see generating.json)") }
        var simulator = ResponseSimulator(parameters: parameters, distractors: distractors, seed: seed)
        for (form, key) in administrations {
            let administration = simulator.administer(form: form, key: key, count: candidates, mean: mean, sd: sd, idPrefix: "\(form)-c")
            try write(Self.csv(administration), to: "\(out)/\(form).csv")
        }
        try write(CalibrationReport.generating(parameters, drawn: drawn, seed: seed), to: "\(out)/generating.json")
        Log.info("\(administrations.count) form\(administrations.count == 1 ? "" : "s") × \(candidates) candidates written to \(out)")
    }

    private func write(_ text: String, to path: String) throws {
        do { try AtomicFile.write(text, to: path) } catch { throw CLIError.files(error) }
    }

    static func csv(_ administration: Administration) -> String {
        var out = "candidate," + administration.key.map { field($0.id) }.joined(separator: ",") + "\n"
        for candidate in administration.candidates {
            out += field(candidate.id) + "," + candidate.responses.map { field(ResponseTable.cell($0)) }.joined(separator: ",") + "\n"
        }
        return out
    }

    /// RFC 4180: quoted when it holds a comma, quote or line break.
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

import ArgumentParser
import Foundation
import QBankCore
import QBankFiles
import QBankPsychometrics
import QBankReporting

struct CalibrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "IRT calibration (Rasch, 2PL, 3PL) of responses to assembled forms by marginal maximum likelihood.",
        discussion: """
            Forms and responses as for qbank analyze (--key/--responses pairs; items matched by id). Items are \
            scored all-or-nothing; estimation is MML by EM over 41 quadrature points (Bock & Aitkin), logistic \
            without the 1.7 constant, θ ~ N(0, 1) unless anchors are given. --bank takes the operational items \
            with stored IRT parameters as fixed anchors, so pretest items land on their scale (the ability \
            mean and sd are then estimated). Standard errors come from the cross-product of candidates' score \
            vectors; item fit is the RMSD between posterior-expected and model proportions correct. \
            Exit status: 0 converged and no misfit, 1 misfit or not converged, 2 unreadable input.
            """
    )

    @OptionGroup var forms: AdministrationOptions

    @ArgumentParser.Option(help: "rasch, 2pl or 3pl.")
    var model: IRTModel = .twoPL


    @ArgumentParser.Option(help: "A bank folder: its operational items with IRT parameters are fixed anchors.")
    var bank: String?

    @ArgumentParser.Option(help: "The 3PL's Beta prior on c as ALPHA,BETA (1,1 is flat).")
    var guessingPrior: String = "5,17"

    @ArgumentParser.Option(help: "Flag items whose RMSD exceeds this.")
    var misfit: Double = 0.1

    @ArgumentParser.Option(help: "Output format: text or json.")
    var format: ScoreFormat = .text

    @ArgumentParser.Option(help: "Write the report to this file (atomically) instead of standard output.")
    var output: String?

    @OptionGroup var writeBack: WriteBackOptions

    func validate() throws {
        guard prior != nil else { throw ValidationError("--guessing-prior must be ALPHA,BETA with both ≥ 1, e.g. 5,17") }
    }

    private var prior: GuessingPrior? {
        let parts = guessingPrior.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, parts[0] >= 1, parts[1] >= 1 else { return nil }
        return GuessingPrior(alpha: parts[0], beta: parts[1])
    }

    func run() throws {
        let administrations = try forms.read()
        let data = ResponsePatterns(administrations, convention: forms.omitted)
        var anchors: [String: ItemParameters] = [:]
        if let bank {
            let loaded = try SingleBank.load(bank, purpose: "anchors are read from the bank")
            let onForms = Set(data.items)
            for item in loaded.bank.allItems where item.status == .operational && onForms.contains(item.id) {
                if let a = item.stats?.irtA, let b = item.stats?.irtB { anchors[item.id] = ItemParameters(a: a, b: b, c: item.stats?.irtC ?? 0) }
            }
            Log.info("\(anchors.count) operational items with IRT parameters anchor the scale")
        }
        let calibration = Calibration(data, options: .init(model: model, guessingPrior: prior!, anchors: anchors, misfitRMSD: misfit))
        let text = format == .json ? CalibrationReport.json(calibration) : CalibrationReport.text(calibration)
        if let output {
            do { try AtomicFile.write(text, to: output) } catch { throw CLIError.files(error) }
        } else {
            Console.out(text)
        }
        if let updateBank = writeBack.updateBank {
            let free = calibration.items.filter { !$0.anchored }
            let byID = Dictionary(free.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            let forms = Dictionary(administrations.flatMap { a in a.key.map { ($0.id, a.form) } }, uniquingKeysWith: { $0 + "," + $1 })
            try BankUpdate.write(bank: updateBank, ids: free.map(\.id)) { id, stats in
                let item = byID[id]!
                var stats = stats
                stats.irtA = item.parameters.a
                stats.irtB = item.parameters.b
                stats.irtC = model == .threePL ? item.parameters.c : nil
                stats.irtSeA = item.seA
                stats.irtSeB = item.seB
                stats.irtSeC = item.seC
                stats.irtModel = model.rawValue
                stats.responses = stats.responses ?? item.responses
                stats.source = writeBack.source.rawValue
                stats.forms = forms[id]
                stats.window = writeBack.window ?? stats.window
                return stats
            }
        }
        if !calibration.converged || calibration.items.contains(where: \.misfits) { throw ExitCode(ExitStatus.findings) }
    }
}

extension IRTModel: ExpressibleByArgument {}

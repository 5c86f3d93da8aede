import ArgumentParser
import Foundation
import QBankAssembly
import QBankCBC
import QBankFiles
import QBankHiGHS
import QBankJSON
import QBankReporting

struct AssembleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assemble",
        abstract: "Assemble parallel forms from a bank with a MIP solver (HiGHS), with separate scoring keys.",
        discussion: """
            Writes FORM.form.json/.xml (candidate-facing), FORM.key.json (scoring key), assembly.json and assembly.md \
            into --out, each atomically; the same bank, blueprint and seed give byte-identical files. Solve time goes \
            to stderr. Exit status: 0 written, 1 the forms cannot be built (the reasons are printed), 2 bad input, \
            3 internal error.
            """
    )

    @Argument(help: "The bank folder (its files share one blueprint.json).")
    var bank: String

    @ArgumentParser.Option(help: "How many forms to assemble.")
    var forms = 1

    @ArgumentParser.Option(help: "Seed for tie-breaking, delivery order and option order.")
    var seed: Int = 0

    @ArgumentParser.Option(help: "Output folder (created if missing).")
    var out: String

    @ArgumentParser.Option(name: .customLong("max-overlap"), help: "Most scored items any two forms may share (default 0: disjoint).")
    var maxOverlap = 0

    @ArgumentParser.Option(name: .customLong("max-exposure"), help: "Most forms a scored item may appear on (default: 1 when disjoint, else --forms).")
    var maxExposure: Int?

    @ArgumentParser.Option(name: .customLong("time-limit"), help: "Seconds per solve before the best solution so far is taken (flagged in the report).")
    var timeLimit = 120.0

    @ArgumentParser.Option(help: "Relative optimality gap at which a solve stops.")
    var gap = 1e-4

    @ArgumentParser.Option(help: "MIP solver: highs (default) or cbc (COIN-OR CBC, for comparison).")
    var solver: SolverName = .highs

    enum SolverName: String, ExpressibleByArgument, CaseIterable {
        case highs, cbc
        var adapter: any MIPSolver { self == .cbc ? CBCSolver() : HiGHSSolver() }

        /// The solver is a shared library opened at run time: a missing one is a usage error (exit 2) saying what to install.
        func checkAvailable() throws {
            do {
                switch self {
                case .highs: try HiGHSSolver.checkAvailable()
                case .cbc: try CBCSolver.checkAvailable()
                }
            } catch {
                throw CLIError.usage(error.description)
            }
        }
    }

    /// More forms than any bank can fill; the bound keeps every count derived from flags far from overflow.
    static let maximumForms = 1000

    func validate() throws {
        let forms = 1...Self.maximumForms, length = 0...BlueprintReader.maximumFormLength
        if !forms.contains(self.forms) { throw ValidationError("--forms takes a number from 1 to \(Self.maximumForms)") }
        if seed < 0 { throw ValidationError("--seed takes a number of 0 or more") }
        if !length.contains(maxOverlap) { throw ValidationError("--max-overlap takes a number from 0 to \(length.upperBound)") }
        if let maxExposure, !forms.contains(maxExposure) { throw ValidationError("--max-exposure takes a number from 1 to \(Self.maximumForms)") }
        if !(timeLimit > 0 && timeLimit <= 1_000_000) { throw ValidationError("--time-limit takes a number of seconds above 0 and at most 1000000") }
        if !(gap >= 0 && gap < 1) { throw ValidationError("--gap takes a fraction from 0 to below 1") }
    }

    func run() throws {
        try solver.checkAvailable()
        let (bank, blueprint) = try SingleBank.load(self.bank, purpose: "forms are assembled against the blueprint")
        let pool = AssemblyPool(bank: bank, blueprint: blueprint)
        let request = AssemblyRequest(forms: forms, seed: UInt64(seed), maxOverlap: maxOverlap, maxExposure: maxExposure,
                                      options: SolverOptions(relativeGap: gap, timeLimit: timeLimit, seed: 0))
        let start = Date()
        let outcome: AssemblyOutcome
        do {
            outcome = try Assembler(solver: solver.adapter).assemble(pool, request)
        } catch {
            throw Self.cliError(error, forms: forms)
        }
        var files: [(String, String)] = []
        for f in outcome.forms.indices {
            let form = DeliveredForm(outcome, form: f)
            files.append(("\(form.name).form.json", FormExporter.json(form, blueprint: blueprint, media: bank.media)))
            files.append(("\(form.name).form.xml", FormExporter.xml(form, blueprint: blueprint)))
            files.append(("\(form.name).key.json", KeyExporter.json(form, seed: request.seed, blueprint: blueprint)))
        }
        let conversion = ConversionFiles.make(outcome.forms.indices.map { DeliveredForm(outcome, form: $0) }, scale: blueprint.scoring)
        files += conversion.files
        files.append(("assembly.json", AssemblyReporter.json(outcome)))
        files.append(("assembly.md", AssemblyReporter.markdown(outcome)))
        do {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        } catch {
            throw CLIError.usage("cannot create \(out): \((error as NSError).localizedDescription)")
        }
        for (name, text) in files {
            do { try AtomicFile.write(text, to: (out as NSString).appendingPathComponent(name)) } catch { throw CLIError.files(error) }
        }
        let seconds = Date().timeIntervalSince(start)
        let limited = ((outcome.boundStep.map { [$0] } ?? []) + outcome.steps).filter { $0.status == .timeLimit }
            .map { $0.form == 0 ? "the shadow test" : "form-\($0.form)" }
        var note = "assembled \(forms) form\(forms == 1 ? "" : "s") into \(out) with \(outcome.solver) in \(String(format: "%.2f", seconds)) s"
        note += " (solver \(String(format: "%.2f", outcome.totalSeconds)) s)"
        if !limited.isEmpty { note += "; time limit reached for \(limited.joined(separator: ", ")): results may differ on another machine" }
        if blueprint.constraints.information != nil, outcome.target.name != "information" {
            note += "\nnote: the blueprint asks for information at θ points, but no operational or approved item has IRT parameters "
                + "(stats irtA and irtB); " + (outcome.target.name == "none" ? "with no p-values either, the forms are not made parallel"
                    : "the forms are parallel by \(outcome.target.name) instead")
        }
        note += "\n" + conversion.note
        Console.err(note + "\n")
    }

    static func cliError(_ error: AssemblyError, forms: Int) -> CLIError {
        switch error {
        case .invalidRequest(let message):
            return .usage(message)
        case .infeasible(let form, let total, let reasons):
            let which = total == 1 ? "the form" : form == 1 ? "\(total) forms" : "form \(form) of \(total) (forms 1–\(form - 1) were built)"
            return .findings("cannot assemble \(which):\n" + reasons.map { "  - \($0)" }.joined(separator: "\n"))
        case .noSolutionInTime(let form, let seconds):
            return .findings("no solution for form \(form) within --time-limit \(String(format: "%g", seconds)) s; raise --time-limit (the default is 120 s)")
        case .solverFailed(let form, let detail):
            return .internalError("the solver failed on form \(form): \(detail)")
        case .wrongAnswer(let form, let violations):
            let head = violations.prefix(5).joined(separator: "; ")
            return .internalError("the solver's answer for \(form == 0 ? "the forms" : "form \(form)") failed verification: \(head)")
        }
    }
}

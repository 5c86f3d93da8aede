import ArgumentParser
import QBankPsychometrics

/// The administered forms `analyze` and `calibrate` read: --key/--responses pairs, items matched by id.
struct AdministrationOptions: ParsableArguments {
    @ArgumentParser.Option(name: .customLong("key"), help: "A form's FORM.key.json (repeat for several forms).")
    var keys: [String] = []

    @ArgumentParser.Option(name: .customLong("responses"), help: "The responses CSV to the --key at the same place.")
    var responses: [String] = []

    @ArgumentParser.Option(help: "What an omitted response counts as: wrong (as scored) or missing (left out, R psych's convention).")
    var omitted: OmitConvention = .wrong

    func validate() throws {
        guard !keys.isEmpty, keys.count == responses.count else {
            throw ValidationError("give --key and --responses in pairs, one per form (\(keys.count) --key, \(responses.count) --responses)")
        }
    }

    func read() throws -> [Administration] {
        try zip(keys, responses).map { try AdministrationFiles.read(key: $0, responses: $1) }
    }
}

/// Where and with what provenance `--update-bank` writes statistics.
struct WriteBackOptions: ParsableArguments {
    @ArgumentParser.Option(help: "Write the statistics into the items of this bank folder (only their stats change).")
    var updateBank: String?

    @ArgumentParser.Option(help: "Provenance written with --update-bank: administered or simulated.")
    var source: StatisticsSource = .administered

    @ArgumentParser.Option(help: "Administration window written with --update-bank, e.g. 2026-11-01/2026-11-30.")
    var window: String?
}

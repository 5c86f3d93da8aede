import ArgumentParser
import Foundation
import QBankCore
import QBankFiles
import QBankInterchange
import QBankJSON
import QBankPsychometrics
import QBankReporting

struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Classical item analysis of responses to one or more assembled forms.",
        discussion: """
            Give each form as --key FORM.key.json --responses FORM.csv (pairs in the same order). The responses CSV \
            has a header candidate,ITEM-ID,... and one row per candidate: an option id (single), ids joined by | \
            (multiple a|c, ordering s2|s1|s3), prompt=response pairs joined by | (matching p1=r3|p2=r1); an empty \
            cell is an omitted response. A key may also be a two-column CSV item,key (single-response items). \
            Items are matched by id across forms. Every item is scored all-or-nothing as the exam scores it. \
            Per item: p-value, corrected point-biserial (against the scored total without the item; unscored items \
            against the scored total), options chosen, omit rate; per form: KR-20, SEM, score distribution. \
            --omitted missing follows R psych (omitted responses are missing, not wrong). \
            Exit status: 0 no item flagged, 1 items flagged, 2 unreadable or inconsistent input.
            """
    )

    @OptionGroup var forms: AdministrationOptions

    @ArgumentParser.Option(help: "Flag items with a p-value below this.")
    var minP: Double = AnalysisThresholds().minimumP

    @ArgumentParser.Option(help: "Flag items with a p-value above this.")
    var maxP: Double = AnalysisThresholds().maximumP

    @ArgumentParser.Option(help: "Flag items whose corrected point-biserial is below this.")
    var minDiscrimination: Double = AnalysisThresholds().minimumDiscrimination

    @ArgumentParser.Option(help: "A distractor chosen by a smaller share is non-functioning.")
    var nonFunctioning: Double = AnalysisThresholds().nonFunctioningShare

    @ArgumentParser.Option(help: "Output format: text, json, markdown or html.")
    var format: AnalysisFormat = .text

    @ArgumentParser.Option(help: "Write the report to this file (atomically) instead of standard output.")
    var output: String?

    @OptionGroup var writeBack: WriteBackOptions

    func validate() throws {
        guard 0 <= minP, minP <= maxP, maxP <= 1, 0 <= nonFunctioning, nonFunctioning <= 1 else {
            throw ValidationError("thresholds must satisfy 0 ≤ --min-p ≤ --max-p ≤ 1 and 0 ≤ --non-functioning ≤ 1")
        }
    }

    func run() throws {
        let administrations = try forms.read()
        let thresholds = AnalysisThresholds(minimumP: minP, maximumP: maxP, minimumDiscrimination: minDiscrimination, nonFunctioningShare: nonFunctioning)
        let analysis = ItemAnalysis(administrations, convention: forms.omitted, thresholds: thresholds)
        let text = switch format {
        case .text: AnalysisText.render(analysis)
        case .json: AnalysisJSON.render(analysis)
        case .markdown: AnalysisMarkdown.render(analysis)
        case .html: AnalysisHTML.render(analysis)
        }
        if let output {
            do { try AtomicFile.write(text, to: output) } catch { throw CLIError.files(error) }
        } else {
            Console.out(text)
        }
        if let updateBank = writeBack.updateBank {
            let byID = Dictionary(analysis.items.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            try BankUpdate.write(bank: updateBank, ids: analysis.items.map(\.id)) { id, stats in
                let item = byID[id]!
                var stats = stats
                stats.pValue = item.pValue.isFinite ? item.pValue : nil
                stats.pointBiserial = item.pointBiserial
                stats.responses = item.n
                stats.source = writeBack.source.rawValue
                stats.forms = item.forms.joined(separator: ",")
                stats.window = writeBack.window ?? stats.window
                return stats
            }
        }
        if analysis.items.contains(where: { !$0.flags.isEmpty }) { throw ExitCode(ExitStatus.findings) }
    }
}

enum AnalysisFormat: String, ExpressibleByArgument, CaseIterable { case text, json, markdown, html }

/// Where written statistics come from.
enum StatisticsSource: String, ExpressibleByArgument, CaseIterable { case administered, simulated }

extension OmitConvention: ExpressibleByArgument {}

/// Reads one administered form: its key (FORM.key.json, or an item,key CSV) and its responses CSV.
enum AdministrationFiles {
    static func read(key keyPath: String, responses responsesPath: String) throws -> Administration {
        let keyBytes = try bytes(keyPath)
        let form: String
        let key: [KeyEntry]
        if keyPath.lowercased().hasSuffix(".csv") {
            do { key = try ResponseTable.key(keyBytes, path: keyPath) } catch { throw CLIError.usage(error.description) }
            form = URL(fileURLWithPath: keyPath).deletingPathExtension().lastPathComponent
        } else {
            (form, key) = try ScoringFileReader.keyFile(keyBytes, path: keyPath)
        }
        do {
            let rows = try ResponseTable.read(try bytes(responsesPath), path: responsesPath, key: key)
            guard !rows.isEmpty else { throw CLIError.usage("\(responsesPath): no candidates; a responses file needs at least one row after the header") }
            return Administration(form: form, key: key, candidates: rows.map { Administration.Candidate(id: $0.id, responses: $0.responses) })
        } catch let failure as ResponseTable.Failure {
            throw CLIError.usage(failure.description)
        }
    }

    static func bytes(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else { throw CLIError.usage("cannot read \(path)") }
        return [UInt8](data)
    }
}

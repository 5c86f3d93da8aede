import ArgumentParser
import Foundation
import QBankCore
import QBankFiles
import QBankInterchange

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Bring items in from QTI, Moodle XML, GIFT, Aiken, CSV, Markdown or qbank files.",
        discussion: """
            Every source item is imported or reported with the reason; the summary counts read / imported / skipped. \
            Items without domain or task come in as draft. Exit status: 0 all imported, 1 some items skipped or id \
            collisions refused (nothing written then), 2 unreadable input, a non-empty source that gave no item, or a \
            usage error (nothing written: a run is all or nothing unless --keep-going).
            """
    )

    @Argument(help: "Files, folders or .zip packages to import.")
    var sources: [String]

    @ArgumentParser.Option(help: "The bank folder, or a bank file (.xml/.json), to import into.")
    var into: String

    @ArgumentParser.Option(help: "Source format (default: from the name and content): \(InterchangeFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var from: InterchangeFormat?

    @ArgumentParser.Option(name: .customLong("as"), help: "Syntax of new bank files: xml or json.")
    var syntax: BankSyntax = .xml

    @Flag(help: "Read and report, write nothing.")
    var dryRun = false

    @ArgumentParser.Option(help: "Domain for items that have none.")
    var domain: Int?

    @ArgumentParser.Option(help: "Task statement (e.g. 2.3) for items that have none.")
    var task: String?

    @ArgumentParser.Option(help: "JSON file mapping source categories/tags to tasks, and CSV columns (see README).")
    var map: String?

    @ArgumentParser.Option(help: "What to do with an id already in the bank: rename, skip or replace.")
    var onConflict: ConflictPolicy?

    @Flag(help: "Write what could be read even when some sources cannot be read (the exit status is still 2).")
    var keepGoing = false

    @ArgumentParser.Option(help: "Report format: text, or json (per source and per item: imported, changed or skipped, with reasons and positions).")
    var format: ImportReportFormat = .text

    @Flag(help: "List every imported item with its source location.")
    var verbose = false

    func validate() throws {
        if let domain, !(1...99).contains(domain) { throw ValidationError("--domain takes 1 to 99") }
        if let task, task.range(of: #"^[1-9][0-9]?\.[1-9][0-9]?$"#, options: .regularExpression) == nil {
            throw ValidationError("--task takes a task statement such as 2.3")
        }
        if let task, let domain, !task.hasPrefix("\(domain).") { throw ValidationError("--task \(task) is not in --domain \(domain)") }
    }

    func run() throws {
        let mapping = try map.map(ImportMapping.load) ?? ImportMapping()
        let assignment = Assignment(domain: domain, task: task, categories: mapping.categories)
        var run = ImportRun(into: into, syntax: syntax, from: from, csvColumns: mapping.csvColumns, jsonFields: mapping.jsonFields, assignment: assignment)
        run.json = format == .json
        let status = try run.execute(sources, dryRun: dryRun, policy: onConflict, verbose: verbose, keepGoing: keepGoing)
        throw ExitCode(status)
    }
}

enum BankSyntax: String, ExpressibleByArgument, CaseIterable {
    case xml, json
}

enum ImportReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

extension InterchangeFormat: ExpressibleByArgument {}
extension ConflictPolicy: ExpressibleByArgument {}

/// `--map FILE`: `{"categories": {"Cloud Concepts": "1.1", "Billing": {"domain": 4}}, "csv": {"columns": [...]},
/// "json": {"items": "results", "stem": "question", "options": "options", "key": "answer"}}`.
struct ImportMapping {
    var categories: [String: (domain: Int, task: String?)] = [:]
    var csvColumns: [String]?
    var jsonFields: JSONFieldMap?

    static func load(_ path: String) throws -> ImportMapping {
        guard let data = FileManager.default.contents(atPath: path) else { throw CLIError.files(.notFound(path)) }
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw CLIError.usage("\(path): not a JSON object; see README (import mapping)")
        }
        var mapping = ImportMapping()
        for (name, value) in root["categories"] as? [String: Any] ?? [:] {
            if let task = value as? String, let domain = Int(task.split(separator: ".").first ?? "") {
                mapping.categories[name] = (domain, task.contains(".") ? task : nil)
            } else if let domain = value as? Int {
                mapping.categories[name] = (domain, nil)
            } else if let object = value as? [String: Any], let domain = object["domain"] as? Int {
                mapping.categories[name] = (domain, object["task"] as? String)
            } else {
                throw CLIError.usage("\(path): category '\(name)' must map to a task (\"1.2\"), a domain (1) or {\"domain\": 1, \"task\": \"1.2\"}")
            }
            if let domain = mapping.categories[name]?.domain, !(1...99).contains(domain) {
                throw CLIError.usage("\(path): category '\(name)' maps to domain \(domain); domains are 1 to 99")
            }
        }
        if let csv = root["csv"] as? [String: Any] { mapping.csvColumns = csv["columns"] as? [String] }
        if let json = root["json"] {
            guard let fields = json as? [String: String], let stem = fields["stem"] else {
                throw CLIError.usage("\(path): \"json\" must map field names to paths, with at least \"stem\" (see README, import mapping)")
            }
            let known = ["items", "id", "stem", "options", "correct", "distractors", "key", "explanation", "tags"]
            if let unknown = fields.keys.sorted().first(where: { !known.contains($0) }) {
                throw CLIError.usage("\(path): unknown \"json\" field '\(unknown)'; known: \(known.joined(separator: ", "))")
            }
            guard fields["options"] != nil || fields["correct"] != nil else {
                throw CLIError.usage("\(path): \"json\" needs \"options\" (with \"key\") or \"correct\" (with \"distractors\")")
            }
            mapping.jsonFields = JSONFieldMap(items: fields["items"], id: fields["id"], stem: stem, options: fields["options"], correct: fields["correct"],
                                              distractors: fields["distractors"], key: fields["key"], explanation: fields["explanation"], tags: fields["tags"])
        }
        return mapping
    }
}

import Foundation
import QBankCore
import QBankJSON
import QBankXML

// `swift run -c release qbank-bench [ITEMS] [--keep DIR]`
// `swift run -c release qbank-bench calibrate [ITEMS] [CANDIDATES]` (CalibrationBenchmark)
// `swift run -c release qbank-bench assemble [ITEMS] [--forms N] [--overlap K]` (AssemblyBenchmark)
// `swift run -c release qbank-bench lsp [ITEMS] [--per-file N] [--edits N]` (LSPBenchmark)
// Generates an ITEMS-item bank twice (XML files and JSON files, 1,000 items a file),
// then times `xmllint --noout --schema` and `qbank lint` on it in the same run.

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "calibrate" {
    CalibrationBenchmark.run(Array(arguments.dropFirst()))
    exit(0)
}
if arguments.first == "assemble" {
    AssemblyBenchmark.run(Array(arguments.dropFirst()))
    exit(0)
}
if arguments.first == "lsp" {
    let root = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    LSPBenchmark.run(Array(arguments.dropFirst()), blueprint: root.appendingPathComponent("Banks/mla-c01/blueprint.json").path)
    exit(0)
}
let itemCount = arguments.first.flatMap(Int.init) ?? 100_000
let keep = arguments.firstIndex(of: "--keep").flatMap { arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil }
let repeats = 3

let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
let qbank = executable.deletingLastPathComponent().appendingPathComponent("qbank").path
let root = executable.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let schema = root.appendingPathComponent("Schemas/qbank-bank.xsd").path
let blueprint = root.appendingPathComponent("Banks/mla-c01/blueprint.json").path

guard FileManager.default.fileExists(atPath: qbank) else {
    print("qbank-bench: build qbank first (swift build -c release) so that \(qbank) exists"); exit(2)
}
let work = URL(fileURLWithPath: keep ?? NSTemporaryDirectory() + "qbank-bench-\(getpid())")
defer { if keep == nil { try? FileManager.default.removeItem(at: work) } }

func write(_ files: [BankFile], to folder: URL, ext: String, writer: any BankWriter) -> (paths: [String], bytes: Int) {
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try? FileManager.default.copyItem(atPath: blueprint, toPath: folder.appendingPathComponent("blueprint.json").path)
    var paths: [String] = []
    var bytes = 0
    for file in files {
        let path = folder.appendingPathComponent("\(file.path).\(ext)").path
        let text = writer.write(file)
        bytes += text.utf8.count
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        paths.append(path)
    }
    return (paths, bytes)
}

print("Generating \(itemCount) items …")
let files = BankGenerator(seed: 2026).files(items: itemCount, perFile: 1_000, prefix: "bank")
let xml = write(files, to: work.appendingPathComponent("xml"), ext: "xml", writer: XMLBankWriter())
let json = write(files, to: work.appendingPathComponent("json"), ext: "json", writer: JSONBankWriter())

/// Adds a sentence to the first stem of the file at `path`: a content change every bank rule sees.
func rewordFirstStem(in path: String, revision: Int) {
    guard var text = try? String(contentsOfFile: path, encoding: .utf8), let end = text.range(of: "</stem>") else { return }
    text.insert(contentsOf: " Revision \(revision) of this stem.", at: end.lowerBound)
    try? text.write(toFile: path, atomically: true, encoding: .utf8)
}

func mb(_ bytes: Int) -> String { String(format: "%.1f MB", Double(bytes) / 1e6) }
func row(_ name: String, _ m: Measurement, bytes: Int) -> String {
    let rate = Double(itemCount) / m.seconds
    return String(format: "%-38@ %7.2f s (CPU %6.2f s) %10.0f items/s %7.1f MB/s  peak %7.1f MB (%.2f× bank)  exit %d",
                  name as NSString, m.seconds, m.cpuSeconds, rate, Double(bytes) / 1e6 / m.seconds, Double(m.peakBytes) / 1e6,
                  Double(m.peakBytes) / Double(bytes), m.status)
}

print("Bank: \(files.count) files; XML \(mb(xml.bytes)), JSON \(mb(json.bytes)); best of \(repeats) runs each\n")
// A qbank.json at the top keeps the results cache (.qbank-cache/) inside the work folder.
_ = FileManager.default.createFile(atPath: work.appendingPathComponent("qbank.json").path, contents: Data("{}\n".utf8))
let reference = Measure.best(["xmllint", "--noout", "--schema", schema] + xml.paths, repeats: repeats)
let lintXML = Measure.best([qbank, "lint", work.appendingPathComponent("xml").path, "--format", "json", "--exit-zero", "--no-cache"], repeats: repeats)
let lintJSON = Measure.best([qbank, "lint", work.appendingPathComponent("json").path, "--format", "json", "--exit-zero", "--no-cache"], repeats: repeats)
// The cost of the rules: the same run with only the readers' checks (QB0xx: parse and
// schema), and with every rule but near-duplicate detection.
let parseXML = Measure.best([qbank, "lint", work.appendingPathComponent("xml").path, "--select", "QB0", "--format", "json", "--exit-zero", "--no-cache"], repeats: repeats)
let noNearXML = Measure.best([qbank, "lint", work.appendingPathComponent("xml").path, "--ignore", "QB503", "--format", "json", "--exit-zero", "--no-cache"], repeats: repeats)
// The cache: a first run fills it; then re-lints of the unchanged bank, after one file changed
// outside its items (a line added after its root element: what the bank rules read is the same),
// and after one item's stem was reworded (the bank rules must look at it again) before each run.
let cachedLint = [qbank, "lint", work.appendingPathComponent("xml").path, "--format", "json", "--exit-zero"]
_ = Measure.run(cachedLint)
let warmXML = Measure.best(cachedLint, repeats: repeats)
let oneChangedXML = Measure.best(cachedLint, repeats: repeats) {
    if let handle = FileHandle(forWritingAtPath: xml.paths[0]) { handle.seekToEndOfFile(); handle.write(Data("\n".utf8)); handle.closeFile() }
}
var rewording = 0
let oneRewordedXML = Measure.best(cachedLint, repeats: repeats) {
    rewording += 1
    rewordFirstStem(in: xml.paths[0], revision: rewording)
}
print(row("xmllint --noout --schema (XML)", reference, bytes: xml.bytes))
print(row("qbank lint (XML)", lintXML, bytes: xml.bytes))
print(row("qbank lint (JSON)", lintJSON, bytes: json.bytes))
print(row("qbank lint --select QB0 (XML)", parseXML, bytes: xml.bytes))
print(row("qbank lint --ignore QB503 (XML)", noNearXML, bytes: xml.bytes))
print(row("qbank lint, cached, unchanged (XML)", warmXML, bytes: xml.bytes))
print(row("qbank lint, cached, 1 file changed", oneChangedXML, bytes: xml.bytes))
print(row("qbank lint, cached, 1 stem reworded", oneRewordedXML, bytes: xml.bytes))
print("")
print(String(format: "qbank lint XML / xmllint:   %.2f× wall time, %.2f× CPU time (target ≤ 1.5×)",
             lintXML.seconds / reference.seconds, lintXML.cpuSeconds / reference.cpuSeconds))
print(String(format: "qbank lint JSON / XML:      %.2f× wall time, %.2f× CPU time (target ≤ 1.0×)",
             lintJSON.seconds / lintXML.seconds, lintJSON.cpuSeconds / lintXML.cpuSeconds))
print(String(format: "all rules / parsing alone:  %.2f× wall time (rules add %.2f s; near-duplicates QB503 %.2f s)",
             lintXML.seconds / parseXML.seconds, lintXML.seconds - parseXML.seconds, lintXML.seconds - noNearXML.seconds))
print(String(format: "cached / cold (CPU):        %.1f%% unchanged (target ≤ 10%%), %.1f%% one file changed, %.1f%% one stem reworded (target ≤ 15%%)",
             100 * warmXML.cpuSeconds / lintXML.cpuSeconds, 100 * oneChangedXML.cpuSeconds / lintXML.cpuSeconds,
             100 * oneRewordedXML.cpuSeconds / lintXML.cpuSeconds))
print(String(format: "peak memory / bank on disk: %.2f× XML, %.2f× JSON (target ≤ 3×)",
             Double(lintXML.peakBytes) / Double(xml.bytes), Double(lintJSON.peakBytes) / Double(json.bytes)))
// posix_spawn shares this process's memory until exec, and Linux counts its high-water mark
// in the child's peak: no child's peak reads below the bench's own (use /usr/bin/time -v then).
var own = rusage()
getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &own)
print(String(format: "peaks below %.1f MB are this bench's own peak, which every child inherits at spawn", Double(own.ru_maxrss) / 1024))

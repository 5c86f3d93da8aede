import Foundation
import QBankCore

/// Finds fixtures next to this file (no SwiftPM resources) and reads their expectations:
/// an invalid fixture is named `NAME.LINE-COL.json`, the position of its one finding.
enum JSONFixtures {
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let packageRoot = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
    static let directory = testsDirectory.appendingPathComponent("Fixtures")

    static func files(_ sub: String) -> [URL] {
        let dir = directory.appendingPathComponent(sub)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().map { dir.appendingPathComponent($0) }
    }

    static func bytes(_ url: URL) -> [UInt8] { Array((try? Data(contentsOf: url)) ?? Data()) }

    /// (line, column) from `NAME.LINE-COL.json`.
    static func expectedPosition(_ url: URL) -> (Int, Int)? {
        let stem = url.deletingPathExtension().lastPathComponent
        guard let dot = stem.lastIndex(of: ".") else { return nil }
        let parts = stem[stem.index(after: dot)...].split(separator: "-")
        guard parts.count == 2, let l = Int(parts[0]), let c = Int(parts[1]) else { return nil }
        return (l, c)
    }

    /// Runs the Python agreement script; nil (with the reason) when python3 or jsonschema is missing.
    static func pythonVerdicts(schema: String, files: [URL]) -> (verdicts: [String: Bool]?, skipReason: String?) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", testsDirectory.appendingPathComponent("Scripts/schema_agreement.py").path,
                             packageRoot.appendingPathComponent("Schemas/\(schema)").path] + files.map(\.path)
        let pipe = Pipe(), errors = Pipe()
        process.standardOutput = pipe
        process.standardError = errors
        do { try process.run() } catch { return (nil, "python3 not found: \(error)") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus == 77 || process.terminationStatus == 127 {
            return (nil, "skipping schema agreement: python3 or jsonschema missing (pip install jsonschema)")
        }
        var verdicts: [String: Bool] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let f = line.split(separator: "\t")
            if f.count >= 2 { verdicts[String(f[1])] = f[0] == "ACCEPT" }
        }
        return (verdicts, nil)
    }
}

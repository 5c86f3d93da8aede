import Foundation
import Testing
import TestSupport

/// Runs the built `qbank` executable the way a user or CI would.
enum CLI {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        /// Ended by a signal (a crash, or the timeout's kill) rather than an exit.
        var signalled = false
        var timedOut = false
    }

    /// `QBANK_EXECUTABLE` runs the suites against another build (e.g. main's, to see a regression test fail there).
    static var executable: URL {
        if let other = ProcessInfo.processInfo.environment["QBANK_EXECUTABLE"] { return URL(fileURLWithPath: other) }
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent("qbank"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("qbank"),
            Fixtures.repositoryRoot.appendingPathComponent(".build/debug/qbank"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[2]
    }

    /// - Parameter input: text for stdin; `environment`: variables set (nil values removed) over the inherited ones;
    ///   `timeout`: seconds after which the process is killed and the result says so.
    static func run(_ arguments: [String], in folder: URL = Fixtures.repositoryRoot, input: String? = nil,
                    environment: [String: String?] = [:], timeout: Double? = nil) throws -> Result {
        try run(program: executable, arguments, in: folder, input: input, environment: environment, timeout: timeout)
    }

    /// Runs any program (git, pre-commit…) with `environment` laid over this process's own.
    static func run(program: URL, _ arguments: [String], in folder: URL, input: String? = nil,
                    environment: [String: String?] = [:], timeout: Double? = nil) throws -> Result {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        process.currentDirectoryURL = folder
        if !environment.isEmpty {
            var variables = ProcessInfo.processInfo.environment
            for (name, value) in environment { variables[name] = value }
            process.environment = variables
        }
        let out = Pipe(), err = Pipe(), stdin = Pipe()
        process.standardOutput = out
        process.standardError = err
        if input != nil { process.standardInput = stdin }
        try process.run()
        let killed = Flag()
        if let timeout {
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout) {
                if process.isRunning { killed.set(); kill(process.processIdentifier, SIGKILL) }
            }
        }
        // Read stderr on another thread and stdout here, so neither pipe can fill and stall the child.
        let errors = Box()
        let reader = Thread { errors.data = err.fileHandleForReading.readDataToEndOfFile(); errors.done.signal() }
        reader.start()
        if let input {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try stdin.fileHandleForWriting.close()
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        errors.done.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: errors.data, as: UTF8.self),
                      signalled: process.terminationReason == .uncaughtSignal, timedOut: killed.isSet)
    }

    private final class Flag: @unchecked Sendable {
        private let lock = NSLock()
        private var value = false
        func set() { lock.withLock { value = true } }
        var isSet: Bool { lock.withLock { value } }
    }

    private final class Box: @unchecked Sendable {
        var data = Data()
        let done = DispatchSemaphore(value: 0)
    }

    /// `../shared/tools/validate_sarif.py` on a SARIF file: its exit status and output, or nil without the tool.
    static func validateSARIF(_ file: URL) throws -> (status: Int32, output: String)? {
        guard let shared = Fixtures.sharedFolder else { return nil }
        let validator = Process()
        validator.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        validator.arguments = ["python3", shared.appendingPathComponent("tools/validate_sarif.py").path, file.path]
        let pipe = Pipe()
        validator.standardOutput = pipe
        try validator.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        validator.waitUntilExit()
        return (validator.terminationStatus, output)
    }

    /// A fresh temporary folder for one test.
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qbank-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// A temporary bank folder: the MLA-C01 blueprint plus `files` (relative paths, folders created).
    static func bank(_ files: [String: String]) throws -> URL {
        let folder = try temporaryFolder()
        let blueprint = Fixtures.repositoryRoot.appendingPathComponent("Banks/mla-c01/blueprint.json")
        try FileManager.default.copyItem(at: blueprint, to: folder.appendingPathComponent("blueprint.json"))
        for (name, text) in files {
            let url = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return folder
    }

    /// A fresh copy of the sample bank (blueprint, items and all) in a temporary folder.
    static func sampleBankCopy() throws -> URL {
        let folder = try temporaryFolder().appendingPathComponent("mla-c01")
        try FileManager.default.copyItem(at: Fixtures.repositoryRoot.appendingPathComponent("Banks/mla-c01"), to: folder)
        return folder
    }

    /// The sample bank's size as `qbank balance` counts it (case-study questions included) and its
    /// item files, so tests follow the bank as it grows.
    static func sampleBankSize() throws -> (items: Int, files: Int, domain1: Int) {
        let run = try CLI.run(["balance", "Banks/mla-c01", "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let items = try #require(object?["items"] as? Int, "\(run.stdout)\(run.stderr)")
        let domain1 = try #require((object?["byDomain"] as? [String: Any])?["1"] as? Int, "\(run.stdout)")
        let root = Fixtures.repositoryRoot.appendingPathComponent("Banks")
        let files = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String }
            .filter { ($0.hasSuffix(".xml") || $0.hasSuffix(".json")) && !$0.hasSuffix("blueprint.json") }.count ?? 0
        return (items, files, domain1)
    }

    /// An XML bank file of items without a reference (QB110 fires once on each),
    /// each preceded by its `comments`.
    static func itemsFile(_ items: [(id: String, comments: String)]) -> String {
        let body = items.map { item in
            """
              \(item.comments)
              <item id="\(item.id)" type="single" domain="1" task="1.1" status="draft">
                <stem>Which service stores training data as objects for team \(item.id)?</stem>
                <options>
                  <option id="a" correct="true"><text>Amazon S3</text><rationale>Object storage.</rationale></option>
                  <option id="b"><text>Amazon EFS</text><rationale>File storage.</rationale></option>
                  <option id="c"><text>Amazon EBS</text><rationale>Block storage.</rationale></option>
                  <option id="d"><text>Amazon FSx for Lustre</text><rationale>High-performance file storage.</rationale></option>
                </options>
              </item>
            """
        }.joined(separator: "\n")
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<bank xmlns=\"urn:qbank:bank:1\">\n\(body)\n</bank>\n"
    }
}

import Foundation
import Testing
import TestSupport

/// The `pre-commit` on PATH, if any.
enum PreCommit {
    static let path: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return path.split(separator: ":").map { "\($0)/pre-commit" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()
}

/// The repository's `.pre-commit-hooks.yaml`, run by the real `pre-commit` (PyPI) in a temporary git
/// repository with the built qbank on PATH: a flawed item fails the commit, a good one passes, and a
/// flaw only the whole bank shows (a staged item reusing a committed item's id) fails it too.
@Suite(.serialized, .enabled(if: PreCommit.path != nil, "pre-commit is not installed (Scripts/setup.sh installs it from PyPI)"))
struct PreCommitHookTests {

    /// Runs `arguments` (through env, so PATH finds git) with qbank's folder first on PATH and pre-commit's cache in `cache`.
    static func run(_ arguments: [String], in folder: URL, cache: URL) throws -> CLI.Result {
        let path = CLI.executable.deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let environment = ["PATH": path, "PRE_COMMIT_HOME": cache.path,
                           "GIT_AUTHOR_NAME": "qbank test", "GIT_COMMITTER_NAME": "qbank test",
                           "GIT_AUTHOR_EMAIL": "test@example.com", "GIT_COMMITTER_EMAIL": "test@example.com"]
        let result = try CLI.run(program: URL(fileURLWithPath: "/usr/bin/env"), arguments, in: folder, environment: environment)
        return CLI.Result(status: result.status, stdout: result.stdout + result.stderr, stderr: "")
    }

    @Test func aFlawedItemFailsTheCommitAndAGoodOnePasses() throws {
        let scratch = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let cache = scratch.appendingPathComponent("cache")

        // The hook repository: this repository's hooks file, committed on its own.
        let hooks = scratch.appendingPathComponent("hooks")
        try FileManager.default.createDirectory(at: hooks, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Fixtures.repositoryRoot.appendingPathComponent(".pre-commit-hooks.yaml"),
                                         to: hooks.appendingPathComponent(".pre-commit-hooks.yaml"))
        for step in [["git", "init", "-q"], ["git", "add", "."], ["git", "commit", "-qm", "hooks"]] {
            #expect(try Self.run(step, in: hooks, cache: cache).status == 0)
        }
        let revision = try Self.run(["git", "rev-parse", "HEAD"], in: hooks, cache: cache).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)

        // The bank's repository, using the hook with its bank folder as the argument.
        let repository = scratch.appendingPathComponent("exam")
        let bank = repository.appendingPathComponent("bank")
        try FileManager.default.createDirectory(at: bank, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Fixtures.repositoryRoot.appendingPathComponent("Banks/mla-c01/blueprint.json"),
                                         to: bank.appendingPathComponent("blueprint.json"))
        let config = "repos:\n- repo: \(hooks.path)\n  rev: \(revision)\n  hooks:\n  - id: qbank-lint\n    args: [bank]\n"
        try config.write(to: repository.appendingPathComponent(".pre-commit-config.yaml"), atomically: true, encoding: .utf8)
        #expect(try Self.run(["git", "init", "-q"], in: repository, cache: cache).status == 0)
        let installed = try Self.run([PreCommit.path!, "install"], in: repository, cache: cache)
        #expect(installed.status == 0, "\(installed.stdout)")

        func commit(_ file: String, _ text: String) throws -> CLI.Result {
            try text.write(to: bank.appendingPathComponent(file), atomically: true, encoding: .utf8)
            _ = try Self.run(["git", "add", "-A"], in: repository, cache: cache)
            return try Self.run(["git", "commit", "-qm", "add \(file)"], in: repository, cache: cache)
        }

        let good = try commit("good.xml", CLI.itemsFile([(id: "q1", comments: "")]))
        #expect(good.status == 0, "a good item is committed: \(good.stdout)")
        #expect(good.stdout.contains("qbank lint"), "the hook ran: \(good.stdout)")

        let flawed = try commit("flawed.xml", LintCommandTests.badItem.replacingOccurrences(of: "id=\"q1\"", with: "id=\"q2\""))
        #expect(flawed.status != 0, "two keys on a single-answer item block the commit")
        #expect(flawed.stdout.contains("flawed.xml:") && flawed.stdout.contains("QB101"), "\(flawed.stdout)")
        try FileManager.default.removeItem(at: bank.appendingPathComponent("flawed.xml"))

        // Only the whole bank shows this: the staged file is fine alone, its id is taken by a committed item.
        let reused = try commit("reused.xml", CLI.itemsFile([(id: "q1", comments: "")]).replacingOccurrences(of: "team q1", with: "team q3"))
        #expect(reused.status != 0, "an id already in the bank blocks the commit")
        #expect(reused.stdout.contains("QB107"), "\(reused.stdout)")
    }
}

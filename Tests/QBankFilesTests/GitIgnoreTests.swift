import Foundation
@testable import QBankFiles
import Testing

/// The `.gitignore` matcher decides like git: every path of a temporary repository is checked
/// against `git check-ignore` (nested files, negation, anchoring, `**`, classes, folder-only patterns).
struct GitIgnoreTests {
    static let rootIgnore = """
        # a comment, then a blank line

        *.log
        !keep.log
        build/
        /rooted.txt
        docs/**/draft.md
        **/tmp
        a/**
        !a/keep.txt
        foo[0-9].txt
        bar[!a-c].txt
        \\#hash.txt
        trailing.txt   
        only-dir/
        sub/nested.txt
        """
    static let subIgnore = """
        *.md
        !important.md
        /local.txt
        deep/
        """
    static let files = [
        "x.log", "keep.log", "sub/keep.log", "sub/y.log", "build/out.txt", "sub/build/out.txt", "rooted.txt", "sub/rooted.txt",
        "docs/draft.md", "docs/x/y/draft.md", "docs/other.md", "tmp/f.txt", "sub/tmp/f.txt", "a/b.txt", "a/keep.txt", "a/c/d.txt",
        "foo1.txt", "fooa.txt", "bard.txt", "barb.txt", "#hash.txt", "hash.txt", "trailing.txt", "sub/only-dir", "only-dir/f.txt",
        "sub/nested.txt", "nested.txt", "x/sub/nested.txt", "sub/readme.md", "sub/important.md", "readme.md",
        "sub/local.txt", "local.txt", "sub/x/local.txt", "sub/deep/f.txt", "deep/f.txt", "sub/x/deep/f.txt", "plain.txt",
    ]

    /// Ignored as a walk sees it: the path or a folder above it is ignored.
    func ignored(_ path: String, under root: String) -> Bool {
        var matcher = GitIgnore()
        matcher.load(root + "/.gitignore", relativeFolder: "")
        let components = path.split(separator: "/").map(String.init)
        var folder = ""
        for (index, component) in components.enumerated() {
            let current = folder.isEmpty ? component : folder + "/" + component
            let isLast = index == components.count - 1
            if matcher.ignoringPattern(current, isDirectory: !isLast) != nil { return true }
            if !isLast { matcher.load(root + "/" + current + "/.gitignore", relativeFolder: current) }
            folder = current
        }
        return false
    }

    @Test func agreesWithGitCheckIgnore() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("qbank-gitignore-\(UUID().uuidString)").path
        for file in Self.files {
            let url = URL(fileURLWithPath: root + "/" + file)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try "x".write(to: url, atomically: true, encoding: .utf8)
        }
        try Self.rootIgnore.write(toFile: root + "/.gitignore", atomically: true, encoding: .utf8)
        try Self.subIgnore.write(toFile: root + "/sub/.gitignore", atomically: true, encoding: .utf8)
        guard run(["git", "init", "-q"], in: root, input: nil) != nil else { print("skipping: git not found"); return }
        let output = run(["git", "check-ignore", "--stdin"], in: root, input: Self.files.joined(separator: "\n") + "\n") ?? ""
        let byGit = Set(output.split(separator: "\n").map(String.init))
        #expect(byGit.count > 10 && byGit.count < Self.files.count - 5, "the fixture exercises both outcomes")
        for file in Self.files {
            #expect(ignored(file, under: root) == byGit.contains(file), "\(file): git says \(byGit.contains(file) ? "ignored" : "not ignored")")
        }
    }

    @Test func walkSkipsIgnoredFoldersAndListsThem() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("qbank-gitignore-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/out", withIntermediateDirectories: true)
        let bank = "<bank xmlns=\"urn:qbank:bank:1\"/>\n"
        try bank.write(toFile: root + "/out/a.xml", atomically: true, encoding: .utf8)
        try bank.write(toFile: root + "/b.xml", atomically: true, encoding: .utf8)
        try "out/\n".write(toFile: root + "/.gitignore", atomically: true, encoding: .utf8)
        let found = try FileDiscovery.discover([root])
        #expect(found.files == [root + "/b.xml"])
        #expect(found.skipped == [FileDiscovery.Skipped(path: root + "/out", reason: "ignored by .gitignore:1")])
    }

    private func run(_ arguments: [String], in folder: String, input: String?) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let out = Pipe(), inPipe = Pipe()
        process.standardOutput = out
        process.standardError = Pipe()
        process.standardInput = inPipe
        do { try process.run() } catch { return nil }
        inPipe.fileHandleForWriting.write(Data((input ?? "").utf8))
        try? inPipe.fileHandleForWriting.close()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// Issue #12 (hostile input) meets #16's matcher: a committed `.gitignore` of star-heavy patterns must not make
    /// the walk take exponential time on a long name; wildmatch is memoised.
    @Test func starHeavyPatternsFinish() {
        let pattern = Array(String(repeating: "*a", count: 20).appending("*b").utf8)
        let name = Array(String(repeating: "a", count: 200).utf8)
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            #expect(!GitIgnore.wildmatch(pattern[...], name[...]))
            #expect(GitIgnore.wildmatch(Array("**/**/**/**/*a*a*a*b".utf8)[...], Array((String(repeating: "x/", count: 30) + "aaab").utf8)[...]))
        }
        #expect(elapsed < .seconds(5))
    }
}

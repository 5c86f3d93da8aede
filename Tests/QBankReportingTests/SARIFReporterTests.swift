import Foundation
import QBankCore
import Testing
@testable import QBankReporting

/// `../shared/tools/validate_sarif.py` beside the repository, when this checkout has it.
private let validatorScript: URL? = {
    let url = repositoryRoot().deletingLastPathComponent().appendingPathComponent("shared/tools/validate_sarif.py")
    return FileManager.default.fileExists(atPath: url.path) ? url : nil
}()

@Suite struct SARIFReporterTests {
    @Test func sarifFormat() {
        assertSnapshot(SARIFReporter().render(Fixtures.report()), as: "sarif")
    }

    @Test(.enabled(if: validatorScript != nil, "validate_sarif.py not found at ../shared/tools beside the repo"))
    func sarifValidatesForGitHub() throws {
        for (name, report) in [("full", Fixtures.report()), ("clean", Fixtures.cleanReport)] {
            let file = FileManager.default.temporaryDirectory
                .appendingPathComponent("qbank-\(name)-\(UUID().uuidString).sarif")
            try Data(SARIFReporter().render(report).utf8).write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", validatorScript!.path, file.path]
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = pipe
            try process.run()
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            let problems = output.split(separator: "\n").filter { $0.contains(": SCHEMA ") || $0.contains(": GITHUB") }
            #expect(problems.isEmpty, "\(name): \(problems.joined(separator: "\n"))")
            #expect(process.terminationStatus == 0, "\(name): validator failed:\n\(output)")
            #expect(output.contains("valid SARIF 2.1.0"), "\(name): \(output)")
        }
    }

    @Test func sarifShape() throws {
        let data = Data(SARIFReporter().render(Fixtures.report()).utf8)
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let run = try #require((root["runs"] as? [[String: Any]])?.first)
        #expect(run["columnKind"] as? String == "utf16CodeUnits")
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == ["QB001", "QB002", "QB101", "QB204", "QB305", "QB510"])
        for rule in rules {
            let full = try #require((rule["fullDescription"] as? [String: Any])?["text"] as? String)
            #expect(full.count <= 1024)
        }
        let results = try #require(run["results"] as? [[String: Any]])
        var uris: [String] = []
        for result in results {
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == result["ruleId"] as? String)
            let location = try #require((result["locations"] as? [[String: Any]])?.first?["physicalLocation"]
                as? [String: Any])
            let artifact = try #require(location["artifactLocation"] as? [String: Any])
            uris.append(try #require(artifact["uri"] as? String))
        }
        #expect(uris.allSatisfy { !$0.hasPrefix("/") })
        #expect(uris.contains("file:///elsewhere/extra%20bank.json"))
        #expect(uris.contains("banks/gcp.json"))
        #expect(results.map { $0["level"] as? String }.contains("note"))
    }

    @Test func fingerprintIgnoresLineNumbers() {
        var moved = Fixtures.diagnostics.first { $0.ruleID == "QB101" }!
        let original = SARIFReporter.logicalKey(moved, in: Fixtures.report())
        moved.location.line += 40
        moved.related = []
        #expect(SARIFReporter.logicalKey(moved, in: Fixtures.report()) == original)
        #expect(original == "QB101|q1|banks/aws.xml")
    }

    @Test func repeatedKeysGetOccurrenceCounts() {
        let output = SARIFReporter().render(Fixtures.report())
        #expect(output.contains("\"QB204|q1|banks/aws.xml:1\""))
        #expect(output.contains("\"QB204|q1|banks/aws.xml:2\""))
        #expect(!output.contains("primaryLocationLineHash"), "upload-sarif computes its own and warns on a different one")
    }

    @Test func everyRegionHasAnEndAndFixesAreReplacements() throws {
        let root = try #require(try JSONSerialization.jsonObject(with: Data(SARIFReporter().render(Fixtures.report()).utf8)) as? [String: Any])
        let run = try #require((root["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        for result in results {
            let locations = (result["locations"] as? [[String: Any]] ?? []) + (result["relatedLocations"] as? [[String: Any]] ?? [])
            for location in locations {
                let region = try #require((location["physicalLocation"] as? [String: Any])?["region"] as? [String: Int])
                #expect(region["endLine"] != nil && region["endColumn"] != nil, "\(region)")
                #expect((region["endLine"]!, region["endColumn"]!) >= (region["startLine"]!, region["startColumn"]!))
            }
        }
        let fixed = try #require(results.first { $0["fixes"] != nil })
        let region = try #require(((fixed["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["region"] as? [String: Int])
        #expect(region["endColumn"]! - region["startColumn"]! == 5)
        let change = try #require(((fixed["fixes"] as? [[String: Any]])?.first?["artifactChanges"] as? [[String: Any]])?.first)
        let replacement = try #require((change["replacements"] as? [[String: Any]])?.first)
        let deleted = try #require(replacement["deletedRegion"] as? [String: Int])
        let bytes = Array(Fixtures.awsXML.utf8)
        #expect(String(decoding: bytes[deleted["byteOffset"]!..<(deleted["byteOffset"]! + deleted["byteLength"]!)], as: UTF8.self) == "Which")
        #expect((replacement["insertedContent"] as? [String: String])?["text"] == "WHICH")
        let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == true)
    }

    @Test func resultsAreCappedMostSevereFirstWithANote() throws {
        var report = Fixtures.report()
        report.executionSuccessful = false
        let root = try #require(try JSONSerialization.jsonObject(with: Data(SARIFReporter(maximumResults: 2).render(report).utf8)) as? [String: Any])
        let run = try #require((root["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.map { $0["level"] as? String } == ["error", "error"])
        let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == false)
        let notes = try #require(invocation["toolExecutionNotifications"] as? [[String: Any]])
        #expect(((notes.first?["message"] as? [String: Any])?["text"] as? String)?.hasPrefix("4 more results are not in this report") == true)
    }

    @Test func relatedLocationsAreLinkedFromTheMessage() {
        let here = SourceLocation(file: "a.xml", line: 2, column: 1)
        let diagnostic = Diagnostic(
            ruleID: "QB501", ruleName: "duplicate-id", severity: .error, message: #"Id [q1] is duplicated \ here."#,
            location: here, related: [RelatedLocation(location: here, message: "first [q1]")])
        #expect(SARIFReporter.messageText(diagnostic)
            == #"Id \[q1\] is duplicated \\ here. Related: [first \[q1\]](1)."#)
        var plain = diagnostic
        plain.related = []
        #expect(SARIFReporter.messageText(plain) == diagnostic.message)
    }

    @Test func fnv1aKnownVectors() {
        #expect(StableHash.fnv1a64("") == 0xcbf2_9ce4_8422_2325)
        #expect(StableHash.fnv1a64("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(StableHash.hex("foobar") == "85944171f73967e8")
    }

    @Test(arguments: [
        // (file, root, cwd, relative, absolute)
        ("banks/a.xml", "/repo", "/repo", "banks/a.xml", "/repo/banks/a.xml"),
        ("./banks/../banks/a.xml", "/repo", "/repo", "banks/a.xml", "/repo/banks/a.xml"),
        ("a.xml", "/repo", "/repo/banks", "banks/a.xml", "/repo/banks/a.xml"),
        ("/repo/banks/a.xml", "/repo/", nil, "banks/a.xml", "/repo/banks/a.xml"),
        ("/other/a.xml", "/repo", nil, nil, "/other/a.xml"),
        ("../other/a.xml", "/repo", "/repo", nil, "/other/a.xml"),
        ("banks/a.xml", nil, nil, "banks/a.xml", nil),
    ] as [(String, String?, String?, String?, String?)])
    func artifactPaths(file: String, root: String?, cwd: String?, relative: String?, absolute: String?) {
        let path = ArtifactPath(file, root: root, workingDirectory: cwd)
        #expect(path.relative == relative)
        #expect(path.absolute == absolute)
    }

    @Test func urisArePercentEncoded() {
        #expect(ArtifactPath.percentEncode("banks/día 1/a#b?.xml") == "banks/d%C3%ADa%201/a%23b%3F.xml")
        #expect(ArtifactPath.rootURI("/work/main") == "file:///work/main/")
    }
}

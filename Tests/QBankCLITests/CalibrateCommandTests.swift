import Foundation
import Testing
import TestSupport

/// `qbank calibrate` end to end on a small form whose responses follow a Guttman-like pattern.
struct CalibrateCommandTests {
    @Test func calibratesAFormAndWritesJSON() throws {
        let folder = try CLI.temporaryFolder()
        let key = folder.appendingPathComponent("f.key.csv"), responses = folder.appendingPathComponent("f.csv")
        try "item,key\nq1,a\nq2,a\nq3,a\nq4,a\n".write(to: key, atomically: true, encoding: .utf8)
        // 400 candidates: rows cycle through patterns of increasing ability, with some noise.
        let patterns = ["b,b,b,b", "a,b,b,b", "a,a,b,b", "a,a,a,b", "a,a,a,a", "b,a,b,b", "a,b,a,b", "a,a,b,a"]
        var csv = "candidate,q1,q2,q3,q4\n"
        for n in 0..<400 { csv += "c\(n),\(patterns[n % patterns.count])\n" }
        try csv.write(to: responses, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("cal.json")
        let result = try CLI.run(["calibrate", "--key", key.path, "--responses", responses.path, "--model", "rasch", "--format", "json", "--output", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try String(contentsOf: out, encoding: .utf8)
        #expect(json.contains(#""model": "rasch""#) && json.contains(#""converged": true"#) && json.contains(#""id": "q4""#))
        let bad = try CLI.run(["calibrate", "--key", key.path, "--responses", responses.path, "--model", "4pl"])
        #expect(bad.status == 2)
    }
}

/// simulate writes the responses analyze and calibrate read, byte-identical for a seed.
struct SimulateCommandTests {
    @Test func simulatedFormsFeedAnalyzeAndCalibrate() throws {
        let out = try CLI.temporaryFolder()
        let forms = "Reports/mla-c01/forms"
        let arguments = ["simulate", "--forms", forms, "--bank", "Banks/mla-c01", "--candidates", "300", "--seed", "4", "--out", out.path]
        let result = try CLI.run(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        let first = try String(contentsOf: out.appendingPathComponent("form-1.csv"), encoding: .utf8)
        #expect(first.split(separator: "\n").count == 301)
        _ = try CLI.run(arguments)
        #expect(try String(contentsOf: out.appendingPathComponent("form-1.csv"), encoding: .utf8) == first)
        let analyze = try CLI.run(["analyze", "--key", "\(forms)/form-1.key.json", "--responses", out.appendingPathComponent("form-1.csv").path, "--format", "json"])
        #expect(analyze.status <= 1 && analyze.stdout.contains(#""candidates": 300"#), "\(analyze.stderr)")
        let calibrate = try CLI.run(["calibrate", "--key", "\(forms)/form-1.key.json", "--responses", out.appendingPathComponent("form-1.csv").path, "--model", "rasch"])
        #expect(calibrate.status <= 1 && calibrate.stdout.contains("RASCH calibration of 65 items, 300 candidates"), "\(calibrate.stderr)")
    }
}

/// `qbank score` uses the FORM.conversion.json beside the key, and says when there is none.
struct ScoreConversionTests {
    @Test func scoreUsesTheConversionBesideTheKey() throws {
        let folder = try CLI.temporaryFolder()
        let key = #"{"form": "form-1", "items": [{"id": "a1", "type": "single", "scored": true, "answer": "a"}, {"id": "a2", "type": "single", "scored": true, "answer": "b"}, {"id": "a3", "type": "single", "scored": true, "answer": "c"}]}"#
        try key.write(to: folder.appendingPathComponent("form-1.key.json"), atomically: true, encoding: .utf8)
        let answers = #"{"form": "form-1", "responses": {"a1": "a", "a2": "x", "a3": "x"}}"#
        try answers.write(to: folder.appendingPathComponent("r.json"), atomically: true, encoding: .utf8)
        let plain = try CLI.run(["score", "--key", folder.appendingPathComponent("form-1.key.json").path, folder.appendingPathComponent("r.json").path])
        #expect(plain.stdout.contains("raw 1/3 (pass mark 3)") && plain.stdout.contains("no conversion table beside the key"))
        let table = #"{"form": "form-1", "rawCut": 1, "maxRaw": 3, "table": [{"raw": 0, "scaled": 100}, {"raw": 1, "scaled": 730}, {"raw": 2, "scaled": 850}, {"raw": 3, "scaled": 1000}]}"#
        try table.write(to: folder.appendingPathComponent("form-1.conversion.json"), atomically: true, encoding: .utf8)
        let equated = try CLI.run(["score", "--key", folder.appendingPathComponent("form-1.key.json").path, folder.appendingPathComponent("r.json").path])
        #expect(equated.status == 0, "\(equated.stderr)")
        #expect(equated.stdout.contains("raw 1/3 (pass mark 1), scaled 730") && equated.stdout.contains("PASS") && equated.stdout.contains("IRT true-score equating"))
    }
}

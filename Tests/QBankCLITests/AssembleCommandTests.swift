import Foundation
import Testing
import TestSupport

/// `qbank assemble` and `qbank score` end to end on the sample bank.
@Suite(.serialized) struct AssembleCommandTests {
    static let bank = "Banks/mla-c01"

    func json(_ url: URL) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    @Test func threeFormsOfTheSampleBankWithKeys() throws {
        let out = try CLI.temporaryFolder(), again = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out); try? FileManager.default.removeItem(at: again) }
        let run = try CLI.run(["assemble", Self.bank, "--forms", "3", "--seed", "42", "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("assembled 3 forms") && run.stdout.isEmpty)
        var scoredIDs: [Set<String>] = []
        for n in 1...3 {
            let key = try json(out.appendingPathComponent("form-\(n).key.json"))
            #expect(key["form"] as? String == "form-\(n)" && key["seed"] as? Int == 42 && key["blueprint"] as? String == "MLA-C01")
            let items = try #require(key["items"] as? [[String: Any]])
            #expect(items.count == 65)
            #expect(items.map { $0["position"] as? Int } == (1...65).map { $0 })
            let scored = items.filter { $0["scored"] as? Bool == true }
            #expect(scored.count == 50)
            var perDomain: [Int: Int] = [:]
            for item in scored { perDomain[item["domain"] as? Int ?? 0, default: 0] += 1 }
            #expect(perDomain == [1: 14, 2: 13, 3: 11, 4: 12])
            #expect(items.allSatisfy { Set($0.keys) == ["position", "id", "domain", "task", "type", "scored", "answer"] })
            scoredIDs.append(Set(scored.compactMap { $0["id"] as? String }))
            let form = try String(contentsOf: out.appendingPathComponent("form-\(n).form.json"), encoding: .utf8)
            let xml = try String(contentsOf: out.appendingPathComponent("form-\(n).form.xml"), encoding: .utf8)
            for text in [form, xml] {
                for secret in ["\"correct\"", "\"rationale\"", "<rationale", "\"scored\"", "scored=", "pValue", "\"answer\"", "\"status\"", "status="] { #expect(!text.contains(secret), "\(secret)") }
            }
        }
        #expect(scoredIDs[0].isDisjoint(with: scoredIDs[1]) && scoredIDs[1].isDisjoint(with: scoredIDs[2]))
        let report = try String(contentsOf: out.appendingPathComponent("assembly.md"), encoding: .utf8)
        #expect(report.contains("| domain 3 scored / unscored | 11 / 3 | 11 / 3 | 11 / 3 |"))

        // Same bank, blueprint and seed: byte-identical files.
        #expect(try CLI.run(["assemble", Self.bank, "--forms", "3", "--seed", "42", "--out", again.path]).status == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        let againNames = try FileManager.default.contentsOfDirectory(atPath: again.path).sorted()
        // 3 × (form.json, form.xml, key.json, conversion.json) + assembly.json + assembly.md
        #expect(names.count == 14 && names == againNames)
        for name in names {
            let first = try Data(contentsOf: out.appendingPathComponent(name)), second = try Data(contentsOf: again.appendingPathComponent(name))
            #expect(first == second, "\(name)")
        }

        // Scoring: the key's own answers for the scored items pass with full marks; unscored answers are ignored.
        let key = try json(out.appendingPathComponent("form-1.key.json"))
        let items = try #require(key["items"] as? [[String: Any]])
        var answers: [String: Any] = [:]
        for item in items { answers[item["id"] as! String] = item["answer"] }
        let perfect = out.appendingPathComponent("perfect.json")
        try JSONSerialization.data(withJSONObject: ["form": "form-1", "responses": answers]).write(to: perfect)
        let scored = try CLI.run(["score", "--key", out.appendingPathComponent("form-1.key.json").path, perfect.path, "--format", "json"])
        #expect(scored.status == 0, "\(scored.stderr)")
        #expect(scored.stdout.contains("\"raw\": 50, \"maxRaw\": 50") && scored.stdout.contains("\"scaled\": 1000")
                && scored.stdout.contains("\"passed\": true") && scored.stdout.contains("\"ignored\": 15"))

        // Wrong answers to 16 scored items: raw 34 is below form-1's equated raw cut (36 at the blueprint's cutTheta), fail.
        var wrong = answers
        for item in items.filter({ $0["scored"] as? Bool == true }).prefix(16) { wrong[item["id"] as! String] = NSNull() }
        let failing = out.appendingPathComponent("failing.json")
        try JSONSerialization.data(withJSONObject: ["form": "form-1", "responses": wrong]).write(to: failing)
        let failed = try CLI.run(["score", "--key", out.appendingPathComponent("form-1.key.json").path, failing.path,
                                  "--blueprint", "\(Self.bank)/blueprint.json"])
        #expect(failed.status == 0 && failed.stdout.contains("raw 34/50 (pass mark 36)") && failed.stdout.contains("FAIL")
                && failed.stdout.contains("IRT true-score equating"), "\(failed.stdout)")
    }

    @Test func infeasibleRequestIsExplainedWithExit1() throws {
        let out = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let run = try CLI.run(["assemble", Self.bank, "--forms", "5", "--seed", "1", "--out", out.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("cannot assemble 5 forms"))
        #expect(run.stderr.contains("domain 3 has 49 operational or approved items; 55 needed for 5 forms (11 per form)"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty)
    }

    /// A time limit too short for any solution is the user's to raise, not a solver failure.
    @Test func noSolutionWithinTheTimeLimitIsExit1WithWhatToDo() throws {
        let out = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        for solver in ["highs", "cbc"] {
            let run = try CLI.run(["assemble", Self.bank, "--forms", "2", "--out", out.path, "--time-limit", "0.000001", "--solver", solver])
            #expect(run.status == 1, "\(solver): \(run.stderr)")
            #expect(run.stderr.contains("within --time-limit 1e-06 s; raise --time-limit"), "\(solver): \(run.stderr)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty)
    }

    @Test func scoreRejectsResponsesForAnotherForm() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let key = folder.appendingPathComponent("k.json"), responses = folder.appendingPathComponent("r.json")
        try Data(#"{"form": "form-1", "seed": 1, "blueprint": "X", "items": [{"position": 1, "id": "q1", "domain": 1, "task": "1.1", "type": "single", "scored": true, "answer": "b"}]}"#.utf8).write(to: key)
        try Data("{\"form\": \"form-1\",\n \"responses\": {\"q9\": \"b\"}}".utf8).write(to: responses)
        let run = try CLI.run(["score", "--key", key.path, responses.path])
        #expect(run.status == 2 && run.stderr.contains("r.json:2:16: item 'q9' is not on this form's key"))
    }
}

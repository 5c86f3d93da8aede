import Foundation
import QBankCore
import QBankFiles
import QBankRules
import Testing

/// The baseline file format: sorted, one finding per line, read back exactly, errors positioned.
struct BaselineFileTests {
    let baseline = Baseline(entries: [
        Baseline.Entry(item: "q2", rule: "QB110", fingerprint: "00000000000000ff", count: 2),
        Baseline.Entry(item: nil, rule: "QB502", fingerprint: "0123456789abcdef", count: 1),
        Baseline.Entry(item: "q\"1", rule: "QB999", fingerprint: "aa", count: 1),
    ])

    @Test func rendersSortedKeysAndEntries() {
        #expect(BaselineFile.render(baseline) == """
            {
              "findings": [
                {"count": 1, "fingerprint": "0123456789abcdef", "item": null, "name": "key-longest-rate", "rule": "QB502"},
                {"count": 1, "fingerprint": "aa", "item": "q\\"1", "rule": "QB999"},
                {"count": 2, "fingerprint": "00000000000000ff", "item": "q2", "name": "missing-rationale-or-reference", "rule": "QB110"}
              ],
              "tool": "qbank",
              "version": 1
            }

            """)
        #expect(BaselineFile.render(Baseline(entries: [])).contains("\"findings\": [],"))
    }

    @Test func readsBackWhatItWrites() throws {
        let text = BaselineFile.render(baseline)
        #expect(try BaselineFile.parse(Array(text.utf8), path: "b.json") == baseline)
    }

    @Test func writesAtomically() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qbank-baseline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("baseline.json").path
        try BaselineFile.write(baseline, to: path)
        #expect(try BaselineFile.read(path) == baseline)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["baseline.json"])
    }

    @Test(arguments: [
        ("{\"findings\": []}", "b.json:1:1: the baseline needs \"version\": 1"),
        ("{\"version\": 2, \"findings\": []}", "b.json:1:13: unsupported baseline version"),
        ("{\"version\": 1, \"findings\": [{\"rule\": \"QB1\"}]}", "b.json:1:29: a baseline finding needs \"rule\" and \"fingerprint\""),
        ("{\"version\": 1, \"findings\": [{\"rule\": \"QB1\", \"fingerprint\": \"f\", \"count\": 0}]}", "b.json:1:74: 'count' must be an integer from 1 to 1000000"),
        ("{\"version\": 1, \"findings\": {}}", "b.json:1:28: 'findings' must be an array"),
        ("{\"version\": 1,", "b.json:1:15: unexpected end of file"),
    ])
    func mistakesArePositioned(_ text: String, _ expected: String) {
        do {
            _ = try BaselineFile.parse(Array(text.utf8), path: "b.json")
            Issue.record("no error for \(text)")
        } catch {
            #expect(error.description.hasPrefix(expected), "\(error.description)")
        }
    }
}

import QBankCore
import QBankRules
import Testing

/// Baselines: counted entries keyed on content, stale detection, fingerprints that ignore line numbers.
struct BaselineTests {
    static func item(_ id: String, stem: String = "Arrange the steps to release a model.", line: Int = 3) -> Item {
        Item(id: id, domain: 3, task: "3.3", stem: Text(stem), body: .ordering([
            Step(id: "s1", text: "Register"), Step(id: "s2", text: "Approve"), Step(id: "s3", text: "Deploy"),
        ]), origin: Origin(SourceLocation(file: "a.xml", line: line, column: 3)))
    }

    static func finding(_ rule: String, _ item: String?, file: String = "a.xml", line: Int = 3, message: String = "m") -> Diagnostic {
        Diagnostic(ruleID: rule, ruleName: "r", severity: .warning, message: message,
                   location: SourceLocation(file: file, line: line, column: 3), itemID: item)
    }

    func keying(_ items: [Item]) -> Baseline.Keying {
        Baseline.Keying(fingerprints: ContentFingerprint.index(Bank(files: [BankFile(path: "a.xml", items: items)]))) { $0 }
    }

    @Test func fingerprintsIgnorePositionsStatusAndStatsButNotText() {
        let a = Self.item("q1", line: 3)
        var moved = Self.item("q1", line: 300)
        moved.status = .operational
        moved.stats = ItemStats(pValue: 0.5)
        moved.tags = ["new"]
        moved.suppressions = [Suppression(rules: ["QB110"], reason: "r")]
        #expect(ContentFingerprint.of(a) == ContentFingerprint.of(moved))
        #expect(ContentFingerprint.of(a) != ContentFingerprint.of(Self.item("q1", stem: "Arrange the steps to retire a model.")))
        #expect(ContentFingerprint.of(a).count == 16)
    }

    @Test func duplicatesAreCountedAndMatchedByCount() {
        let items = [Self.item("q1"), Self.item("q2")]
        let findings = [Self.finding("QB110", "q1"), Self.finding("QB110", "q1", line: 9), Self.finding("QB104", "q2")]
        let baseline = Baseline(accepting: findings, keying: keying(items))
        #expect(baseline.entries.map(\.count) == [2, 1])
        #expect(baseline.entries.map(\.item) == ["q1", "q2"])
        // A third QB110 on q1 is new; the rest are accepted.
        let outcome = baseline.apply(to: findings + [Self.finding("QB110", "q1", line: 12)], keying: keying(items))
        #expect(outcome.accepted.count == 3)
        #expect(outcome.new.map(\.location.line) == [12])
        #expect(outcome.stale.isEmpty)
    }

    @Test func movedItemsStillMatchChangedOnesGoStale() {
        let baseline = Baseline(accepting: [Self.finding("QB110", "q1")], keying: keying([Self.item("q1")]))
        let moved = baseline.apply(to: [Self.finding("QB110", "q1", line: 40)], keying: keying([Self.item("q1", line: 40)]))
        #expect(moved.new.isEmpty && moved.stale.isEmpty)
        let edited = baseline.apply(to: [Self.finding("QB110", "q1")], keying: keying([Self.item("q1", stem: "Changed stem.")]))
        #expect(edited.new.count == 1)
        #expect(edited.stale.map(\.item) == ["q1"])
        let fixed = baseline.apply(to: [], keying: keying([Self.item("q1")]))
        #expect(fixed.stale.map(\.count) == [1])
    }

    @Test func findingsWithoutAnItemAreKeyedOnFileAndMessage() {
        let finding = Self.finding("QB502", nil, message: "the key is the longest option in 9 of 20")
        let baseline = Baseline(accepting: [finding], keying: keying([]))
        #expect(baseline.entries[0].item == nil)
        #expect(baseline.apply(to: [Self.finding("QB502", nil, line: 50, message: finding.message)], keying: keying([])).new.isEmpty)
        #expect(baseline.apply(to: [Self.finding("QB502", nil, message: "the key is the longest option in 10 of 20")], keying: keying([])).new.count == 1)
    }

    @Test func entriesAreSortedAndMerged() {
        let entries = [
            Baseline.Entry(item: "b", rule: "QB1", fingerprint: "f", count: 1),
            Baseline.Entry(item: "a", rule: "QB2", fingerprint: "f", count: 1),
            Baseline.Entry(item: "b", rule: "QB1", fingerprint: "f", count: 2),
            Baseline.Entry(item: nil, rule: "QB5", fingerprint: "e", count: 1),
        ]
        let baseline = Baseline(entries: entries)
        #expect(baseline.entries.map { "\($0.item ?? "-") \($0.rule) \($0.count)" } == ["- QB5 1", "a QB2 1", "b QB1 3"])
    }
}

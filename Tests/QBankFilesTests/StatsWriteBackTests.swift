import Foundation
import QBankCore
import Testing
import TestSupport
@testable import QBankFiles

/// Write-back edits only the stats and status bytes: comments, order and layout stay.
struct StatsWriteBackTests {
    static let stats = ItemStats(pValue: 0.5, pointBiserial: 0.31, responses: 1200, irtA: 1.1, irtB: -0.25, irtSeA: 0.05, irtSeB: 0.04,
                                 irtModel: "2pl", source: "simulated", forms: "form-1,form-2")

    func temporary(_ name: String, _ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("qbank-wb-\(UUID().uuidString)-\(name)").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func xmlReplacesOrInsertsTheStatsElementAndTheStatusOnly() throws {
        let original = """
            <bank xmlns="urn:qbank:bank:1">
              <!-- a comment that mentions <stats pValue="0.1"/> and <item id="q1"> -->
              <item id="q1" type="single" status="pretest">
                <stem>Which?</stem>
                <stats pValue="0.71" responses="946" />
              </item>
              <item id="q2" type="single" status="pretest">
                <stem>Which  one?</stem>
              </item>
            </bank>
            """
        let path = try temporary("bank.xml", original)
        let changed = try StatsWriteBack.apply(["q1": .init(stats: Self.stats, status: .operational), "q2": .init(stats: Self.stats)], toFileAt: path)
        #expect(changed == ["q1", "q2"])
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let element = #"<stats pValue="0.5" pointBiserial="0.31" responses="1200" irtA="1.1" irtB="-0.25" irtSeA="0.05" irtSeB="0.04" irtModel="2pl" source="simulated" forms="form-1,form-2""#
        #expect(text == """
            <bank xmlns="urn:qbank:bank:1">
              <!-- a comment that mentions <stats pValue="0.1"/> and <item id="q1"> -->
              <item id="q1" type="single" status="operational">
                <stem>Which?</stem>
                \(element) />
              </item>
              <item id="q2" type="single" status="pretest">
                <stem>Which  one?</stem>
                \(element)/>
              </item>
            </bank>
            """)
    }

    @Test func jsonReplacesOrInsertsTheStatsObject() throws {
        let original = """
            {"items": [
              {"id": "q1", "type": "single", "status": "pretest", "stem": "A \\"quoted\\" }", "stats": {"pValue": 0.7}},
              {
                "id": "q2",
                "type": "single",
                "status": "pretest"
              }
            ]}
            """
        let path = try temporary("bank.json", original)
        try StatsWriteBack.apply(["q1": .init(stats: ItemStats(pValue: 0.25)), "q2": .init(stats: ItemStats(responses: 3), status: .operational)], toFileAt: path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == """
            {"items": [
              {"id": "q1", "type": "single", "status": "pretest", "stem": "A \\"quoted\\" }", "stats": {
                "pValue": 0.25
              }},
              {
                "id": "q2",
                "type": "single",
                "status": "operational",
                "stats": {
                  "responses": 3
                }
              }
            ]}
            """)
    }
}

/// On a copy of the sample bank: after writing statistics into every item and promoting
/// the pretest ones, every item reads back the same except its statistics and status.
struct SampleBankWriteBackTests {
    @Test func writeBackChangesNothingButStatisticsAndStatus() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qbank-wb-bank-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Fixtures.repositoryRoot.appendingPathComponent("Banks/mla-c01"), to: folder)
        let before = try BankLoader().load([folder.path])[0].bank
        var written = 0
        for file in before.files {
            var changes: [String: StatsWriteBack.Change] = [:]
            for (n, item) in file.allItems.enumerated() {
                let stats = ItemStats(pValue: Double(n % 10) / 10, pointBiserial: 0.3, responses: 500 + n, irtA: 1, irtB: 0.5, irtSeA: 0.1, irtSeB: 0.1,
                                      irtModel: "2pl", source: "simulated", forms: "form-1", window: "2026-12")
                changes[item.id] = .init(stats: stats, status: item.status == .pretest ? .operational : nil)
            }
            written += try StatsWriteBack.apply(changes, toFileAt: file.path).count
        }
        let after = try BankLoader().load([folder.path])[0]
        #expect(!after.hasUnreadableInput && after.readDiagnostics.isEmpty, "\(after.readDiagnostics.map(\.message))")
        let old = Dictionary(uniqueKeysWithValues: before.allItems.map { ($0.id, $0) })
        #expect(written == before.allItems.count && after.bank.allItems.count == before.allItems.count)
        for item in after.bank.allItems {
            var original = try #require(old[item.id])
            #expect(item.stats?.window == "2026-12" && item.stats?.irtModel == "2pl")
            #expect(item.status == (original.status == .pretest ? .operational : original.status))
            original.stats = item.stats
            original.status = item.status
            let same = Self.sameContent(item, original)
            #expect(same, "\(item.id) changed beyond stats and status")
        }
    }

    /// Equal apart from where things were read (lines, columns and byte offsets shift when stats grow).
    static func sameContent(_ a: Item, _ b: Item) -> Bool {
        "\(strip(a))" == "\(strip(b))"
    }

    static func strip(_ item: Item) -> String {
        String(describing: item)
            .replacingOccurrences(of: #"\.(xml|json):\d+:\d+"#, with: "", options: .regularExpression)
            .replacingOccurrences(of: #"start: \d+, end: \d+"#, with: "", options: .regularExpression)
            .replacingOccurrences(of: #"\d+\.\.<\d+"#, with: "", options: .regularExpression)
    }
}

import QBankAssembly
import QBankCore
import QBankHiGHS
import QBankReporting
import Testing
import TestSupport

/// Goldens for every assembly output on the small fixture bank, and the rule that
/// candidate-facing files carry nothing that scores.
@Suite struct AssemblyOutputTests {
    static let outcome: AssemblyOutcome = {
        let pool = AssemblyPool(bank: SmallAssemblyBank.bank, blueprint: SmallAssemblyBank.blueprint)
        // swiftlint:disable:next force_try
        return try! Assembler(solver: HiGHSSolver()).assemble(pool, AssemblyRequest(forms: 2, seed: 3))
    }()
    var form: DeliveredForm { DeliveredForm(Self.outcome, form: 0) }
    let blueprint = SmallAssemblyBank.blueprint

    @Test func formJSON() { assertSnapshot(FormExporter.json(form, blueprint: blueprint), as: "json") }
    @Test func formXML() { assertSnapshot(FormExporter.xml(form, blueprint: blueprint), as: "xml") }
    @Test func keyJSON() { assertSnapshot(KeyExporter.json(form, seed: 3, blueprint: blueprint), as: "json") }
    @Test func assemblyJSON() { assertSnapshot(AssemblyReporter.json(Self.outcome), as: "json") }
    @Test func assemblyMarkdown() { assertSnapshot(AssemblyReporter.markdown(Self.outcome), as: "md") }

    @Test(arguments: [0, 1])
    func candidateFilesRevealNoKeyRationaleStatisticsOrSlot(f: Int) {
        let form = DeliveredForm(Self.outcome, form: f)
        for text in [FormExporter.json(form, blueprint: blueprint), FormExporter.xml(form, blueprint: blueprint)] {
            for secret in ["SECRET-RATIONALE", "correct", "rationale", "scored", "pretest", "answer", "pValue", "p-value",
                           "pointBiserial", "responseID", "domain", "task", "status"] {
                #expect(!text.contains(secret), "form \(f + 1) mentions '\(secret)'")
            }
        }
        // The key does say which items are scored, and its answers are right.
        let key = KeyExporter.json(form, seed: 3, blueprint: blueprint)
        #expect(key.contains("\"scored\": false") && key.contains("\"answer\": \"b\""))
    }

    @Test func keyHasExactlyTheContractFields() {
        let key = KeyExporter.json(form, seed: 3, blueprint: blueprint)
        let keys = Set(key.split(separator: "\n").compactMap { line -> String? in
            let t = line.trimmingCharacters(in: .whitespaces)
            guard t.hasPrefix("\""), let end = t.dropFirst().firstIndex(of: "\""), t[t.index(after: end)...].hasPrefix("\":") || t.contains("\": ") else { return nil }
            return String(t[t.index(after: t.startIndex)..<end])
        })
        #expect(keys.isSuperset(of: ["form", "seed", "blueprint", "items", "position", "id", "domain", "task", "type", "scored", "answer"]))
        #expect(keys.subtracting(["form", "seed", "blueprint", "items", "position", "id", "domain", "task", "type", "scored", "answer",
                                  "p1", "p2", "p3"]).isEmpty, "\(keys)")
    }
}

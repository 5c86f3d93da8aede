import Foundation
import QBankCore
import QBankFiles
import QBankRules
import Testing
import TestSupport

/// A file's signature stands in for the file when the bank rules rerun from the cache: a bank
/// whose files are signatures, linted with the files' item findings reused, reports exactly what
/// the bank itself does.
struct BankFileSignatureTests {
    /// Items that set off every bank rule and the suppression checks across two files: an exact
    /// and a near duplicate, a duplicate id, an enemy and a response that name nothing, a cued
    /// key, suppressions used, unused, blanket and unknown, and a case study with one question.
    static let other = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bank xmlns="urn:qbank:bank:1">
          <!-- qbank-disable QB503 - kept as a deliberate variant -->
          <item id="mla-1.1-001" type="single" domain="1" task="1.1" status="draft" shuffle="false">
            <stem>A team uses the quantum flux capacitor array to detect drift. Where should the team send the alerts?</stem>
            <options>
              <option id="a" correct="true"><text>Amazon CloudWatch</text></option>
              <option id="b"><text>AWS Glue</text></option>
              <option id="c"><text>Amazon Athena</text></option>
              <option id="d"><text>AWS Batch</text></option>
            </options>
            <enemies><enemy ref="nowhere"/><enemy ref="s2"/></enemies>
          </item>
          <!-- qbank-disable -->
          <item id="s2" type="single" domain="1" task="1.1" status="draft" shuffle="false">
            <stem>Which feature detects drift in the quality of a deployed model's predictions?</stem>
            <options>
              <option id="a" correct="true"><text>Quantum flux capacitor array</text></option>
              <option id="b"><text>SageMaker Debugger</text></option>
              <option id="c"><text>SageMaker Experiments</text></option>
              <option id="d"><text>SageMaker Ground Truth</text></option>
            </options>
          </item>
          <!-- qbank-disable QB11O QB001 -->
          <item id="s3" type="single" domain="1" task="1.1" status="draft" shuffle="false">
            <stem>Which feature detects drift in the quality of a deployed model's predictions?</stem>
            <options>
              <option id="a" correct="true"><text>Quantum flux capacitor array</text></option>
              <option id="b"><text>SageMaker Debugger</text></option>
              <option id="c"><text>SageMaker Experiments</text></option>
              <option id="d"><text>SageMaker Ground Truth</text></option>
            </options>
          </item>
          <item id="s6" type="single" domain="1" task="1.2" status="draft" shuffle="false">
            <stem>Which service runs SQL queries on data in Amazon S3 without loading it?</stem>
            <options>
              <option id="a" correct="true"><text>Amazon Athena</text></option>
              <option id="b"><text>Amazon RDS</text></option>
              <option id="c"><text>Amazon DynamoDB</text></option>
              <option id="d"><text>Amazon Neptune</text></option>
            </options>
          </item>
          <item id="s4" type="matching" domain="2" task="2.1" status="draft">
            <stem>Match each task with an algorithm.</stem>
            <prompts>
              <prompt id="p1" response="r1"><text>Forecast demand</text></prompt>
              <prompt id="p2" response="r2"><text>Group customers</text></prompt>
              <prompt id="p3" response="r9"><text>Find anomalies</text></prompt>
            </prompts>
            <responses>
              <response id="r1"><text>DeepAR</text></response>
              <response id="r2"><text>k-means</text></response>
              <response id="r3"><text>Random Cut Forest</text></response>
            </responses>
          </item>
          <!-- qbank-disable QB106 - a one-question case for now -->
          <case id="c1">
            <scenario>A team retrains a model every night.</scenario>
            <item id="s5" type="ordering" domain="3" task="3.3" status="draft">
              <stem>Arrange the steps to release a model.</stem>
              <steps>
                <step id="s1"><text>Register the model package</text></step>
                <step id="s2"><text>Approve the model package</text></step>
                <step id="s3"><text>Deploy the endpoint</text></step>
              </steps>
            </item>
          </case>
        </bank>

        """

    /// The sample bank and `other`, as loaded.
    func bank() throws -> Bank {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qbank-signature-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Fixtures.repositoryRoot.appendingPathComponent("Banks/mla-c01"), to: folder)
        try Self.other.write(to: folder.appendingPathComponent("other.xml"), atomically: true, encoding: .utf8)
        let loaded = try BankLoader().load([folder.path])
        #expect(loaded.count == 1)
        return try #require(loaded.first?.bank)
    }

    @Test func aBankOfSignaturesLintsLikeTheBankItself() throws {
        let bank = try bank()
        let engine = LintEngine()
        let (outcome, itemFindings) = engine.run(bank, reusing: [:])
        // Every rule the signatures serve fires on the bank, so the comparison below means something.
        for rule in ["QB501", "QB503", "QB504", "QB106", "QB107", "QB109", "QB901", "QB902", "QB903"] {
            #expect((outcome.diagnostics + outcome.suppressed.map(\.diagnostic)).contains { $0.ruleID == rule }, "\(rule) fires")
        }
        // Every file a signature, then every other file, then all but one.
        let count = bank.files.count
        for signed in [Set(0..<count), Set(stride(from: 0, to: count, by: 2)), Set(1..<count)] {
            var mixed = bank
            for index in signed {
                let bytes = BankFileSignature.encode(bank.files[index])
                mixed.files[index] = try #require(BankFileSignature.decode(bytes))
            }
            let paths = signed.map { bank.files[$0].path }
            let reused = engine.run(mixed, reusing: itemFindings.filter { paths.contains($0.key) })
            #expect(reused.outcome.diagnostics == outcome.diagnostics)
            #expect(reused.outcome.suppressed == outcome.suppressed)
        }
    }

    /// The bank rules' per-item analyses travel with the signatures: a bank of signatures whose
    /// files' analyses are stored reports what the bank does, and the stored analyses are used.
    @Test func storedAnalysesLintLikeFreshOnes() throws {
        let bank = try bank()
        let engine = LintEngine()
        let made = BankAnalyses()
        let (outcome, itemFindings) = engine.run(bank, reusing: [:], analyses: made)
        var mixed = bank
        var stored: [String: [String: [UInt8]]] = [:]
        for index in bank.files.indices.dropFirst() {
            let file = bank.files[index]
            #expect(!made.made(for: file.path).isEmpty, "QB503 and QB505 analysed \(file.path)")
            let decoded = try #require(BankFileSignature.decodeWithAnalyses(BankFileSignature.encode(file, analyses: made.made(for: file.path))))
            mixed.files[index] = decoded.file
            stored[file.path] = decoded.analyses
        }
        let again = BankAnalyses(stored: stored)
        let reused = engine.run(mixed, reusing: itemFindings.filter { stored.keys.contains($0.key) }, analyses: again)
        #expect(reused.outcome.diagnostics == outcome.diagnostics)
        #expect(reused.outcome.suppressed == outcome.suppressed)
        // Only the one file without stored analyses was analysed again.
        let first = bank.files[0].path
        #expect(bank.files.allSatisfy { $0.path == first || again.made(for: $0.path).isEmpty })
        #expect(!again.made(for: first).isEmpty)
    }

    @Test func aSpoiledSignatureDoesNotDecode() throws {
        let bank = try bank()
        let bytes = BankFileSignature.encode(try #require(bank.files.first))
        #expect(BankFileSignature.decode(bytes) != nil)
        #expect(BankFileSignature.decode([]) == nil)
        #expect(BankFileSignature.decode(Array(bytes.dropLast())) == nil, "truncated")
        #expect(BankFileSignature.decode(bytes + [0]) == nil, "trailing bytes")
        var other = bytes
        other[0] &+= 1
        #expect(BankFileSignature.decode(other) == nil, "another layout version")
    }
}

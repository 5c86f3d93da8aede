import QBankCore
import Testing
import TestSupport
@testable import QBankRules

/// QB505 measured on hand-labelled pairs of the sample bank, with the bank's declared enemies ignored (they were
/// declared because of this rule). Precision must stay ≥ 90%; recall must not fall below what was measured.
struct SameFactItemsRuleTests {
    /// Every same-fact cluster issue #21 lists, plus every pair reported with looser options; labelled by reading both
    /// items, and relabelled where bank v2 rewrote one of them.
    static let labelled: [(a: String, b: String, sameFact: Bool, reason: String)] = [
        ("mla-1.1-002", "mla-2.2-009", true, "FastFile mode so a file-reading script starts at once"),
        ("mla-1.1-002", "mla-4.2-025", false, "FastFile mode against where a slow start's time goes (4.2-025 rewritten in bank v2)"),
        ("mla-2.2-009", "mla-4.2-025", false, "FastFile mode against where a slow start's time goes (4.2-025 rewritten in bank v2)"),
        ("mla-1.3-008", "mla-4.3-023", true, "kms:Decrypt on the customer managed key fixes SSE-KMS AccessDenied"),
        ("mla-3.1-007", "mla-4.2-003", true, "Inference Recommender load test for instance choice under a latency target"),
        ("mla-3.1-013", "mla-4.2-022", true, "split one large file so batch transform uses every instance"),
        ("mla-2.2-017", "mla-4.2-002", true, "managed Spot training with checkpoints to S3"),
        ("mla-2.2-010", "mla-4.2-017", true, "managed warm pools for back-to-back training jobs"),
        ("mla-2.3-009", "mla-3.1-012", true, "shadow test on copied production requests"),
        ("mla-3.2-008", "mla-4.2-024", true, "scheduled scaling before the morning ramp"),
        ("mla-3.1-006", "mla-4.2-020", true, "scheduled provisioned concurrency on a serverless endpoint"),
        ("mla-3.1-004", "mla-4.2-005", true, "multi-model endpoint for many rarely called models"),
        ("mla-1.1-012", "mla-3.3-007", true, "S3 → EventBridge rule → pipeline on new objects"),
        ("mla-1.3-021", "mla-2.3-006", true, "Clarify class imbalance (CI) for under-represented facet"),
        ("mla-1.2-007", "mla-1.2-016", true, "impute the median computed on the training split"),
        ("mla-1.2-017", "mla-2.1-017", true, "PCA to reduce highly correlated features"),
        ("mla-1.3-021", "mla-2.3-017", false, "pre-training metrics (CI, DPL) against post-training ones (DPPL, DI)"),
        ("mla-2.3-007", "mla-4.1-017", false, "offline Clarify SHAP analysis against online explainability on the endpoint"),
        ("mla-3.1-001", "mla-3.1-005", false, "asynchronous endpoint against real-time endpoint"),
        ("mla-1.1-012", "mla-3.3-003", false, "EventBridge on S3 objects against on failed pipeline runs"),
        ("mla-3.3-003", "mla-3.3-007", false, "EventBridge on failed runs against on new S3 objects"),
        ("mla-3.3-007", "mla-4.1-005", false, "S3 object trigger against CloudWatch drift alarm trigger"),
        ("mla-4.1-001", "mla-4.1-005", false, "drift alarm to SNS email against drift alarm to retraining"),
        ("mla-4.3-004", "mla-4.3-009", false, "Secrets Manager rotation against KMS key rotation"),
        ("mla-2.2-026", "mla-4.2-022", false, "distributed training against batch transform input split"),
        ("mla-1.2-013", "mla-2.2-012", false, "Processing job with sklearn container against PyTorch estimator"),
        ("mla-1.3-015", "mla-2.2-027", false, "augmentation for a rare class against augmentation for overfitting"),
        ("mla-3.2-011", "mla-3.3-016", false, "nested stacks against parameters and template configuration"),
        ("mla-3.3-033", "mla-4.3-029", false, "NAT gateway for a CodeBuild project's PyPI access against an S3 gateway endpoint for a training job"),
    ]

    @Test func precisionAndRecallOnLabelledSampleBankPairs() throws {
        var bank = try Fixtures.sampleBank()
        for f in bank.files.indices {
            for i in bank.files[f].items.indices { bank.files[f].items[i].enemies = [] }
            for c in bank.files[f].cases.indices { for i in bank.files[f].cases[c].items.indices { bank.files[f].cases[c].items[i].enemies = [] } }
        }
        let findings = SameFactItemsRule().check(LintContext(bank: bank))
        var reported: Set<[String]> = []
        for finding in findings {
            guard let id = finding.itemID else { continue }
            for other in finding.message.matches(of: /'(mla-[0-9.]+-[0-9]+)'/).map({ String($0.1) }) where other != id {
                reported.insert([id, other].sorted())
            }
        }
        let truePairs = Set(Self.labelled.filter(\.sameFact).map { [$0.a, $0.b].sorted() })
        let falsePairs = Set(Self.labelled.filter { !$0.sameFact }.map { [$0.a, $0.b].sorted() })
        let unlabelled = reported.subtracting(truePairs).subtracting(falsePairs)
        #expect(unlabelled.isEmpty, "label these pairs: \(unlabelled.sorted { $0.joined() < $1.joined() })")
        let hits = reported.intersection(truePairs).count
        let precision = Double(hits) / Double(max(1, reported.count))
        #expect(precision >= 0.9, "precision \(hits)/\(reported.count); false: \(reported.intersection(falsePairs))")
        #expect(hits >= 11, "recall \(hits)/\(truePairs.count), measured 11/14 on bank v2 (12/16 on v1)")
    }
}

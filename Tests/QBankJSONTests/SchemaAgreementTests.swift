import Foundation
import QBankCore
import QBankJSON
import Testing

/// The published JSON Schemas and the Swift readers must accept exactly the same files.
@Suite struct SchemaAgreementTests {
    @Test func bankSchemaAgreesWithReader() throws {
        let files = JSONFixtures.files("valid") + JSONFixtures.files("invalid")
        let (verdicts, skip) = JSONFixtures.pythonVerdicts(schema: "qbank-bank.schema.json", files: files)
        guard let verdicts else { print(skip ?? ""); return }
        for url in files {
            let swiftAccepts = JSONBankReader().read(JSONFixtures.bytes(url), path: url.path).diagnostics.isEmpty
            #expect(verdicts[url.path] == swiftAccepts, "\(url.lastPathComponent): Python \(String(describing: verdicts[url.path])), Swift \(swiftAccepts)")
        }
    }

    /// The blueprint schema checks shape only: it accepts the "inconsistent" fixtures,
    /// which the Swift reader rejects for what a schema cannot express.
    @Test func blueprintSchemaAgreesOnShape() throws {
        let valid = JSONFixtures.files("blueprint/valid"), invalid = JSONFixtures.files("blueprint/invalid")
        let inconsistent = JSONFixtures.files("blueprint/inconsistent")
        let (verdicts, skip) = JSONFixtures.pythonVerdicts(schema: "blueprint.schema.json", files: valid + invalid + inconsistent)
        guard let verdicts else { print(skip ?? ""); return }
        for url in valid + inconsistent { #expect(verdicts[url.path] == true, "\(url.lastPathComponent)") }
        for url in invalid { #expect(verdicts[url.path] == false, "\(url.lastPathComponent)") }
        for url in valid { #expect(BlueprintReader().read(JSONFixtures.bytes(url), path: url.path).diagnostics.isEmpty) }
        for url in invalid + inconsistent { #expect(!BlueprintReader().read(JSONFixtures.bytes(url), path: url.path).diagnostics.isEmpty) }
    }
}

import Foundation
import QBankCore
import QBankJSON
import Testing

/// The published JSON Schemas and the Swift readers must accept exactly the same files.
@Suite struct SchemaAgreementTests {
    @Test func bankSchemaAgreesWithReader() throws {
        let files = Fixtures.files("valid") + Fixtures.files("invalid")
        let (verdicts, skip) = Fixtures.pythonVerdicts(schema: "qbank-bank.schema.json", files: files)
        guard let verdicts else { print(skip ?? ""); return }
        for url in files {
            let swiftAccepts = JSONBankReader().read(Fixtures.bytes(url), path: url.path).diagnostics.isEmpty
            #expect(verdicts[url.path] == swiftAccepts, "\(url.lastPathComponent): Python \(String(describing: verdicts[url.path])), Swift \(swiftAccepts)")
        }
    }

    /// The blueprint schema checks shape only: it accepts the "inconsistent" fixtures,
    /// which the Swift reader rejects for what a schema cannot express.
    @Test func blueprintSchemaAgreesOnShape() throws {
        let valid = Fixtures.files("blueprint/valid"), invalid = Fixtures.files("blueprint/invalid")
        let inconsistent = Fixtures.files("blueprint/inconsistent")
        let (verdicts, skip) = Fixtures.pythonVerdicts(schema: "blueprint.schema.json", files: valid + invalid + inconsistent)
        guard let verdicts else { print(skip ?? ""); return }
        for url in valid + inconsistent { #expect(verdicts[url.path] == true, "\(url.lastPathComponent)") }
        for url in invalid { #expect(verdicts[url.path] == false, "\(url.lastPathComponent)") }
        for url in valid { #expect(BlueprintReader().read(Fixtures.bytes(url), path: url.path).diagnostics.isEmpty) }
        for url in invalid + inconsistent { #expect(!BlueprintReader().read(Fixtures.bytes(url), path: url.path).diagnostics.isEmpty) }
    }
}

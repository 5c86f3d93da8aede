import Foundation
import Testing
@testable import QBankXML

@Suite struct EmbeddedSchemaTests {
    @Test func embeddedSchemaMatchesSchemasFolder() throws {
        let url = Fixtures.repositoryRoot.appendingPathComponent("Schemas/qbank-bank.xsd")
        let onDisk = try String(contentsOf: url, encoding: .utf8)
        func trimmed(_ text: String) -> Substring {
            var text = text[...]
            while text.last == "\n" { text.removeLast() }
            return text
        }
        #expect(trimmed(onDisk) == trimmed(EmbeddedSchema.xsd),
                "Sources/QBankXML/EmbeddedSchema.swift is out of date: run Scripts/embed-schema.sh")
    }

    @Test func embeddedSchemaCompiles() {
        #expect(CompiledSchema.shared.failure == nil)
    }
}

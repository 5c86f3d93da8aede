import Foundation
import QBankCore
import QBankFiles
import QBankInterchange
import QBankJSON
import TestSupport
import Testing

/// An assembled form (the committed sample forms) as export content: the key's order, case
/// studies whole, and a QTI package of it that validates against the official XSDs.
@Suite struct FormContentTests {
    static let keyPath = Fixtures.repositoryRoot.appendingPathComponent("Reports/mla-c01/forms/form-1.key.json").path

    static func key() throws -> FormKey {
        try FormKeyReader.key([UInt8](try Data(contentsOf: URL(fileURLWithPath: keyPath))), path: keyPath)
    }

    static func bank() throws -> Bank {
        Bank(files: try BankLoader().load([Interchange.sampleBankFolder]).flatMap(\.bank.files))
    }

    @Test func itemsFollowTheKeyAndCasesStayWhole() throws {
        let key = try Self.key()
        let content = try FormContent.content(key, bank: Self.bank(), title: "MLA-C01 form-1")
        let delivered = content.blocks.flatMap { block -> [String] in
            switch block {
            case .item(let item): [item.id]
            case .caseStudy(let study): study.items.map(\.id)
            }
        }
        #expect(delivered == key.slots.sorted { $0.position < $1.position }.map(\.id))
        #expect(!content.cases.isEmpty && Set(content.cases.map(\.id)).count == content.cases.count)
    }

    @Test func theFormsQTIPackageValidatesAndItsTestFollowsTheForm() throws {
        let key = try Self.key()
        let files = try QTIExporter(version: .v30).export(FormContent.content(key, bank: Self.bank(), title: "MLA-C01 form-1"))
        let test = String(decoding: try #require(files.first { $0.path == "test.xml" }).bytes, as: UTF8.self)
        let refs = test.components(separatedBy: "qti-assessment-item-ref identifier=\"").dropFirst().map { $0.prefix { $0 != "\"" } }.map(String.init)
        #expect(refs == key.slots.sorted { $0.position < $1.position }.map(\.id))
        guard let items = QTIExportTests.schemas["v3"], let manifest = QTIExportTests.schemas["v3cp"] else {
            print("skipped: ../shared/corpus/qti-xsd not present")
            return
        }
        for file in files {
            let errors = (file.path == "imsmanifest.xml" ? manifest : items).validate(file.bytes)
            #expect(errors.isEmpty, "\(file.path): \(errors.prefix(3))")
        }
    }

    @Test func aKeyItemMissingFromTheBankIsNamedWithItsPlace() throws {
        var key = try Self.key()
        key.slots[3].id = "not-in-the-bank"
        #expect {
            try FormContent.content(key, bank: Self.bank(), title: "t")
        } throws: { error in
            let message = (error as? ExportError)?.message ?? ""
            return message.hasPrefix("\(Self.keyPath):\(key.slots[3].line):\(key.slots[3].column): item 'not-in-the-bank' of form-1 is not in the bank")
        }
    }

    @Test func aSplitCaseStudyIsRefused() throws {
        var key = try Self.key()
        let ordered = key.slots.sorted { $0.position < $1.position }
        let bank = try Self.bank()
        let caseItems = Set(bank.files.flatMap(\.cases).flatMap(\.items).map(\.id))
        // Move the first case item to the end of the form: its case is now split.
        let first = try #require(ordered.firstIndex { caseItems.contains($0.id) })
        guard let index = key.slots.firstIndex(where: { $0.id == ordered[first].id }) else { return }
        key.slots[index].position = 1_000
        #expect {
            try FormContent.content(key, bank: bank, title: "t")
        } throws: { error in
            ((error as? ExportError)?.message ?? "").contains("is split by other items in the key")
        }
    }
}

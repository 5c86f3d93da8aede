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
        let loaded = try BankLoader().load([Interchange.sampleBankFolder])
        return Bank(files: loaded.flatMap(\.bank.files), blueprint: loaded.first?.bank.blueprint)
    }

    static func content(_ key: FormKey, _ bank: Bank? = nil) throws -> ExportContent {
        let bank = try bank ?? Self.bank()
        return try FormContent.content(key, bank: bank, blueprint: bank.blueprint, title: "MLA-C01 form-1")
    }

    static func refusal(_ key: FormKey) throws -> String {
        do { _ = try content(key) } catch let error as ExportError { return error.message }
        return "accepted"
    }

    @Test func itemsFollowTheKeyAndCasesStayWhole() throws {
        let key = try Self.key()
        let content = try Self.content(key)
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
        let files = try QTIExporter(version: .v30).export(Self.content(key))
        let test = String(decoding: try #require(files.first { $0.path == "test.xml" }).bytes, as: UTF8.self)
        let refs = test.components(separatedBy: "qti-assessment-item-ref identifier=\"").dropFirst().map { $0.prefix { $0 != "\"" } }.map(String.init)
        #expect(refs == key.slots.sorted { $0.position < $1.position }.map(\.id))
        guard let items = QTIExportTests.schemas["v3"], let manifest = QTIExportTests.schemas["v3cp"] else {
            print("skipped: ../shared/corpus/qti-xsd not present")
            return
        }
        for file in files where !file.path.hasPrefix("media/") {
            let errors = (file.path == "imsmanifest.xml" ? manifest : items).validate(file.bytes)
            #expect(errors.isEmpty, "\(file.path): \(errors.prefix(3))")
        }
    }

    @Test func aKeyItemMissingFromTheBankIsNamedWithItsPlace() throws {
        var key = try Self.key()
        key.slots[3].id = "not-in-the-bank"
        #expect(try Self.refusal(key).hasPrefix("\(Self.keyPath):\(key.slots[3].line):\(key.slots[3].column): item 'not-in-the-bank' of form-1 is not in the bank"))
    }

    /// Keys that do not describe a whole form: an item dropped, a position twice, no items.
    @Test func anIncompleteKeyIsRefused() throws {
        let key = try Self.key()
        var dropped = key
        dropped.slots.removeLast()
        #expect(try Self.refusal(dropped).contains("the key lists 64 items but the blueprint's form has 65"))
        var twice = key
        twice.slots[1].position = twice.slots[0].position
        #expect(try Self.refusal(twice).contains("(positions must run 1, 2, 3, … once each)"))
        var empty = key
        empty.slots = []
        #expect(try Self.refusal(empty).contains("the key lists no items"))
    }

    /// A case item exchanges places with a stand-alone item far away: the case is split; a case
    /// item replaced by a stand-alone one: the case is not whole.
    @Test func aCaseStudyMustBeWholeAndTogether() throws {
        let key = try Self.key(), bank = try Self.bank()
        let caseItems = Set(bank.files.flatMap(\.cases).flatMap(\.items).map(\.id))
        let inCase = try #require(key.slots.firstIndex { caseItems.contains($0.id) })
        let alone = try #require(key.slots.lastIndex { !caseItems.contains($0.id) && abs($0.position - key.slots[inCase].position) > 5 })
        var split = key
        (split.slots[inCase].position, split.slots[alone].position) = (key.slots[alone].position, key.slots[inCase].position)
        #expect(try Self.refusal(split).contains("is split by other items in the key"))
        var partial = key
        let spare = try #require(bank.files.flatMap(\.items).first { item in !key.slots.contains { $0.id == item.id } && item.type.rawValue == key.slots[inCase].type
            && item.domain == key.slots[inCase].domain && item.task == key.slots[inCase].task })
        partial.slots[inCase].id = spare.id
        #expect(try Self.refusal(partial).contains("items in the bank but"))
    }

    @Test func theFormNameBecomesAValidIdentifier() throws {
        var key = try Self.key()
        key.form = "form 1 <&>"
        #expect(try Self.content(key).identifier == "form-1")
    }
}

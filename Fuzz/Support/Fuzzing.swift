import QBankCore
import QBankInterchange
import QBankJSON
import QBankXML

/// What every harness shares: the input as bytes, and the oracle for importers.
enum Fuzzing {
    static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
        guard let data, size > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: size))
    }

    /// Beyond "no crash": what an importer accepted must be writable as a bank file that qbank's own readers read
    /// (no QB001); otherwise the input is a finding, saved by libFuzzer like a crash.
    static func checkWritable(_ result: ImportResult) {
        let file = BankFile(path: "fuzz", items: result.file.items, cases: result.file.cases)
        let xml = XMLBankReader().read(Array(XMLBankWriter().write(file).utf8), path: "fuzz.xml")
        if let refused = xml.diagnostics.first(where: { $0.ruleID == ReaderRules.syntaxError.id }) {
            fatalError("XMLBankWriter wrote a file XMLBankReader refuses: \(refused.location): \(refused.message)")
        }
        let json = JSONBankReader().read(Array(JSONBankWriter().write(file).utf8), path: "fuzz.json")
        if let refused = json.diagnostics.first(where: { $0.ruleID == ReaderRules.syntaxError.id }) {
            fatalError("JSONBankWriter wrote a file JSONBankReader refuses: \(refused.location): \(refused.message)")
        }
    }

    /// Runs an importer the way `qbank import` does and checks what it accepted.
    static func importing(_ format: InterchangeFormat, _ data: UnsafePointer<UInt8>?, _ size: Int, path: String) -> CInt {
        let result = ImportRunner.run(ImportSource(path: path, bytes: bytes(data, size)), from: format)
        checkWritable(result)
        return 0
    }
}

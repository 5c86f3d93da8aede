import Foundation
import QBankCore
import QBankJSON

/// Reads the folder `qbank assemble --out` wrote: every `FORM.key.json`, each checked
/// against its `FORM.form.json` when that is there, so a report never mixes the key of
/// one assembly with the forms of another.
enum FormsFolder {
    static func keys(in folder: String) throws -> [FormKey] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw CLIError.usage("\(folder): no such folder; pass the --out folder of `qbank assemble`")
        }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".key.json") }.sorted()
        guard !names.isEmpty else {
            throw CLIError.usage("\(folder) has no form keys (FORM.key.json); run `qbank assemble BANK --forms N --out \(folder)` first")
        }
        return try names.map { try key(at: folder.hasSuffix("/") ? folder + $0 : folder + "/" + $0) }
    }

    /// One `FORM.key.json`, checked against the `FORM.form.json` beside it when that is there.
    static func key(at path: String) throws -> FormKey {
        let key: FormKey
        let bytes = try read(path)
        do { key = try FormKeyReader.key(bytes, path: path) } catch { throw CLIError.usage(error.description) }
        let formPath = String(path.dropLast(".key.json".count)) + ".form.json"
        if FileManager.default.fileExists(atPath: formPath) { try check(key, against: formPath) }
        return key
    }

    /// The form file must list the key's items in the key's order.
    private static func check(_ key: FormKey, against path: String) throws {
        let form: (form: String?, ids: [(id: String, line: Int, column: Int)])
        let bytes = try read(path)
        do { form = try FormKeyReader.formItemIDs(bytes, path: path) } catch { throw CLIError.usage(error.description) }
        if let name = form.form, name != key.form {
            throw CLIError.usage("\(path):1:1: this is form '\(name)' but \(key.path) is the key of '\(key.form)'; keep each form beside its own key")
        }
        let expected = key.slots.sorted { $0.position < $1.position }.map(\.id)
        for (index, entry) in form.ids.enumerated() where index >= expected.count || entry.id != expected[index] {
            let keyed = index < expected.count ? "'\(expected[index])'" : "nothing"
            throw CLIError.usage("\(path):\(entry.line):\(entry.column): position \(index + 1) is '\(entry.id)' but \(key.path) has \(keyed) there; the files come from different assemblies: re-run qbank assemble")
        }
        if form.ids.count < expected.count {
            throw CLIError.usage("\(path):1:1: the form has \(form.ids.count) items but \(key.path) has \(expected.count); the files come from different assemblies: re-run qbank assemble")
        }
    }

    static func read(_ path: String) throws -> [UInt8] {
        guard FileManager.default.fileExists(atPath: path) else { throw CLIError.usage("\(path): no such file; pass a file that qbank assemble wrote") }
        guard let data = FileManager.default.contents(atPath: path) else { throw CLIError.usage("\(path): cannot be read; check its permissions") }
        return [UInt8](data)
    }
}

import Foundation
import QBankCore
import QBankJSON
import QBankXML

extension Fixtures {
    /// The sample bank `Banks/mla-c01`, read file by file as `qbank lint` reads it, for measurements over real items.
    public static func sampleBank() throws -> Bank {
        let folder = repositoryRoot.appendingPathComponent("Banks/mla-c01")
        let paths = try FileManager.default.subpathsOfDirectory(atPath: folder.path)
            .filter { ($0.hasSuffix(".xml") || $0.hasSuffix(".json")) && !$0.hasSuffix("blueprint.json") }
            .sorted()
        let files = try paths.compactMap { path -> BankFile? in
            let bytes = Array(try Data(contentsOf: folder.appendingPathComponent(path)))
            let full = "Banks/mla-c01/\(path)"
            return (path.hasSuffix(".xml") ? XMLBankReader().read(bytes, path: full) : JSONBankReader().read(bytes, path: full)).file
        }
        return Bank(files: files, blueprint: mlaBlueprint)
    }

    /// The sample bank's own `blueprint.json`, skill lines included (`mlaBlueprint` has placeholders).
    public static func sampleBlueprint() throws -> Blueprint {
        let url = repositoryRoot.appendingPathComponent("Banks/mla-c01/blueprint.json")
        let result = BlueprintReader().read(Array(try Data(contentsOf: url)), path: "Banks/mla-c01/blueprint.json")
        guard let blueprint = result.blueprint else { throw SampleBankError.unreadable(result.diagnostics.map(\.message)) }
        return blueprint
    }

    public enum SampleBankError: Error { case unreadable([String]) }
}

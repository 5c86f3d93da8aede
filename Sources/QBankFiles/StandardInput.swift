import Foundation
import QBankCore

/// `qbank lint - --stdin-filename PATH`: text from an editor or a hook, linted as the file at PATH
/// among the other files of PATH's bank, so bank-wide rules (duplicates, ids) see its neighbours.
public struct StandardInput: Sendable {
    /// The path the text stands for, as the user named it (it need not exist yet).
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    /// The files to load with it: every bank file under the folder of PATH's `blueprint.json`
    /// (named the way PATH is, relative or absolute), PATH among them; PATH alone without a blueprint.
    public func bankFiles(options: FileDiscovery.Options) throws(FilesError) -> [String] {
        var cache: [String: String?] = [:]
        guard let blueprint = FileDiscovery.blueprintPath(for: path, cache: &cache) else { return [path] }
        let folder = BankLoader.displayPath((blueprint as NSString).deletingLastPathComponent, like: path)
        let target = FileDiscovery.absolute(path)
        let others = try FileDiscovery.discover([folder.isEmpty ? "." : folder], options: options).files
            .filter { FileDiscovery.absolute($0) != target }
        return [path] + others
    }

    /// Whether a finding concerns this text: it points into it, or a note of it does.
    public func concerns(_ diagnostic: Diagnostic) -> Bool {
        let target = FileDiscovery.absolute(path)
        return ([diagnostic.location] + diagnostic.related.map(\.location)).contains { FileDiscovery.absolute($0.file) == target }
    }
}

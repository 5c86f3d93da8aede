import QBankCore
import QBankFiles
import QBankJSON
import QBankXML

/// Reads a rule example the way `qbank lint` reads a file.
public enum ExampleRunner {
    public static let path = "example"
    static let mediaFolder = Fixtures.repositoryRoot.appendingPathComponent("Tests/TestSupport/Examples").path

    /// XML examples may be bare `<item>`/`<case>` elements: wrap them in a bank.
    public static func document(for example: RuleExample) -> MarkedSource {
        switch example.syntax {
        case .json:
            return MarkedSource(example.source)
        case .xml:
            let trimmed = example.source.drop { $0.isWhitespace || $0 == RuleExample.marker }
            if trimmed.hasPrefix("<?xml") || trimmed.hasPrefix("<bank") { return MarkedSource(example.source) }
            return MarkedSource("<bank xmlns=\"urn:qbank:bank:1\">\n\(example.source)\n</bank>\n")
        }
    }

    /// The example read as a bank under the MLA-C01 blueprint, plus what reading found.
    public static func read(_ example: RuleExample) -> (bank: Bank, readDiagnostics: [Diagnostic], marked: MarkedSource) {
        let marked = document(for: example)
        let bytes = Array(marked.text.utf8)
        let path = example.syntax == .xml ? "\(path).xml" : "\(path).json"
        let result: ReadResult = example.syntax == .xml
            ? XMLBankReader().read(bytes, path: path)
            : JSONBankReader().read(bytes, path: path)
        var files = result.file.map { [$0] } ?? []
        // Image paths in examples resolve against Tests/TestSupport/Examples (media/ holds the files).
        for index in files.indices { MediaInspector.attach(to: &files[index], folder: mediaFolder) }
        return (Bank(files: files, blueprint: Fixtures.mlaBlueprint), result.diagnostics, marked)
    }
}

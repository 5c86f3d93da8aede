import Foundation
import QBankCore
import QBankXML

/// Fixture files next to the tests, found from this file's path (no SwiftPM resources).
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: directory.appendingPathComponent(name)))
    }

    static func read(_ name: String) throws -> ReadResult {
        XMLBankReader().read(try bytes(name), path: name)
    }
}

/// Reads a string as a bank file.
func readXML(_ source: String, path: String = "test.xml") -> ReadResult {
    XMLBankReader().read(Array(source.utf8), path: path)
}

extension Diagnostic {
    /// `QB002 3:5` style summary for compact expectations.
    var short: String { "\(ruleID) \(location.line):\(location.column)" }
}
